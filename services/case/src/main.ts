// Runs the service on its own: `PORT=3103 DATABASE_URL=… BUS_DATABASE_URL=… OIDC_ISSUER=… npm start -w services/case`.
import { runMain } from '@vertrouwd/runtime';
import { caseService } from './service';

runMain(caseService);
