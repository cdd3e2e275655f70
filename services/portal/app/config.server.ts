/** The portal's settings, from the environment (docs/services/portal.md); read when first needed, then kept. */
export interface PortalConfig {
  /** The issuer, exactly as its tokens carry it in `iss`: discovery is `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's own public origin: the redirect URI is `${publicUrl}/auth/callback`. */
  publicUrl: string;
  databaseUrl: string;
  sessionSecret: string;
  services: { intake: string; case: string; matching: string; billing: string; reporting: string };
}

let config: PortalConfig | undefined;

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: the portal cannot start without it (docs/services/portal.md)`);
  return value;
}

const trimmed = (url: string) => url.replace(/\/+$/, '');

export function portalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  config ??= {
    issuer: trimmed(required(env, 'OIDC_ISSUER')),
    clientId: env.PORTAL_CLIENT_ID || 'vertrouwd-portal',
    clientSecret: required(env, 'PORTAL_CLIENT_SECRET'),
    publicUrl: trimmed(required(env, 'PORTAL_URL')),
    databaseUrl: required(env, 'DATABASE_URL'),
    sessionSecret: required(env, 'SESSION_SECRET'),
    // The launcher's ports (deploy/src/service-manifests.ts) by default.
    services: {
      intake: trimmed(env.INTAKE_URL || 'http://127.0.0.1:3001'),
      case: trimmed(env.CASE_URL || 'http://127.0.0.1:3002'),
      matching: trimmed(env.MATCHING_URL || 'http://127.0.0.1:3003'),
      billing: trimmed(env.BILLING_URL || 'http://127.0.0.1:3004'),
      reporting: trimmed(env.REPORTING_URL || 'http://127.0.0.1:3005'),
    },
  };
  return config;
}
