// Runs the service on its own: `PORT=3005 DATABASE_URL=… OIDC_ISSUER=… npm start -w services/reporting`.
import { runMain } from '@vertrouwd/runtime';
import { reportingService } from './service';

runMain(reportingService);
