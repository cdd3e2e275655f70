// Runs the service on its own: `PORT=3004 DATABASE_URL=… OIDC_ISSUER=… npm start -w services/billing`.
import { runMain } from '@vertrouwd/runtime';
import { billingService } from './service';

runMain(billingService);
