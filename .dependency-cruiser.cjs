// The architecture boundaries (docs/architecture.md#boundaries): `npm run boundaries`, and in `npm test`.
module.exports = require('./tools/architecture/boundary-rules.cjs').boundaryConfiguration(__dirname);
