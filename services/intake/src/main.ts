// Runs the service on its own: `PORT=3103 DATABASE_URL=… OIDC_ISSUER=… REPORTER_TOKEN_SECRET=… npm start -w services/intake`.
import { runMain } from '@vertrouwd/runtime';
import { intake } from './service';

runMain(intake);
