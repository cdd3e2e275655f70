import { describeIssuerContract } from './contract/issuer.contract';
import { startDevIssuer } from './dev-issuer/dev-issuer';

const issuer = process.env.OIDC_ISSUER;
const SKIPPED =
  'Keycloak contract suite skipped: OIDC_ISSUER is not set (no Keycloak on this machine; start one with ' +
  '`docker compose up keycloak`, which imports deploy/keycloak/realm-export.json, and set ' +
  'OIDC_ISSUER=http://localhost:8080/realms/vertrouwd)';

// Always: the same contract against the embedded dev issuer over real HTTP, so the suite itself is proven here.
describeIssuerContract('embedded dev issuer', async () => {
  const dev = await startDevIssuer();
  return { issuer: dev.issuer, cleanup: () => dev.stop() };
});

if (issuer) {
  describeIssuerContract(`Keycloak at ${issuer}`, async () => ({ issuer }));
} else {
  console.log(SKIPPED);
  describe('OIDC issuer contract: Keycloak', () => {
    it.skip(SKIPPED, () => undefined);
  });
}
