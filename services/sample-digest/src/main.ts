// Runs the service on its own: `PORT=3102 DATABASE_URL=… BUS_DATABASE_URL=… OIDC_ISSUER=… npm start -w services/sample-digest`.
import { runMain } from '@vertrouwd/runtime';
import { sampleDigest } from './service';

runMain(sampleDigest);
