// Runs the service on its own: `PORT=3003 DATABASE_URL=… OIDC_ISSUER=… npm start -w services/matching`.
import { runMain } from '@vertrouwd/runtime';
import { matchingService } from './service';

runMain(matchingService);
