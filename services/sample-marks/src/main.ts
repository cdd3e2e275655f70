// Runs the service on its own: `PORT=3101 DATABASE_URL=… OIDC_ISSUER=… npm start -w services/sample-marks`.
// `npm start` at the root runs it for you with everything it needs.
import { runMain } from '@vertrouwd/runtime';
import { sampleMarks } from './service';

runMain(sampleMarks);
