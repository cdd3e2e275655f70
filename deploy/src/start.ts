// `npm start`: the whole platform on the embedded default. An embedded PostgreSQL (data in .data/) with a
// database per service and one for the Postgres bus, the dev issuer, and every service, each on its own
// port, all of them in this one process (ADR 0039). Ctrl-C stops everything cleanly; a restart keeps
// every event. Run through `deploy/bin/start.js`, which compiles the TypeScript ahead of time. The web services
// (the reporter's site, the staff portal) are built when their sources changed and run as child processes.
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startEmbeddedPostgres, withDatabase, type EmbeddedPostgresServer } from '@vertrouwd/testing';
import { dataDirectory, postgresDirectory } from './data-dir';
import { seedDemoData } from './demo-data';
import { ensureDatabase, readOrCreateSecret, startMail, type MailSetup } from './embedded-resources';
import { SHARED_DATABASES } from './service-manifests';
import { SERVICES, startServices, stopAllServices } from './service-processes';
import {
  ensureBuilt,
  readWebManifests,
  startWebService,
  stopAllWebServices,
  urlVariableOf,
  webProcesses,
  type WebProcess,
} from './web-services';

async function main(): Promise<void> {
  const started = Date.now();
  const dir = dataDirectory();
  const postgresDir = postgresDirectory(dir);
  let postgres: EmbeddedPostgresServer | undefined;
  let issuer: DevIssuer | undefined;
  let mail: MailSetup | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      console.log(`\n${signal}: stopping…`);
      await shutDown();
      console.log(`stopped; every event is kept in ${postgresDir}`);
      process.exit(0);
    })());
  // Web services and services first, then the issuer, then PostgreSQL: the last commits find their database up.
  shutDown = async () => {
    await stopAllWebServices();
    await stopAllServices();
    await issuer?.stop().catch(() => undefined);
    await mail?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
  };
  // Ctrl-C reaches this process twice (from the terminal and forwarded by npm): a second signal must not end the
  // clean stop the first began.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // The web services' builds (only when their sources changed) run while PostgreSQL and the services start.
  const webs = readWebManifests();
  const logDir = join(dir, 'logs');
  const builds = Promise.all(webs.map((web) => ensureBuilt(web.name, logDir)));
  builds.catch(() => undefined); // awaited below; a failure is reported there

  // Five services, each with pools for its read models, event store, bus and key vault: more than the default 100.
  postgres = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port: Number(process.env.PGPORT ?? 54320),
    persistent: true,
    settings: { max_connections: 300, io_method: 'sync' },
  });
  const url = (name: string) => withDatabase(postgres.url, name);
  await Promise.all(
    [...Object.values(SHARED_DATABASES), ...SERVICES.map((s) => s.database), ...webs.map((w) => w.database)].map((name) =>
      ensureDatabase(postgres.url, name),
    ),
  );
  // The identity port's client secret: generated for the dev issuer; with an external issuer the services take
  // IDENTITY_ADMIN_CLIENT_SECRET from this process's environment, as Keycloak was given it.
  const identityAdminSecret = process.env.OIDC_ISSUER ? undefined : readOrCreateSecret(join(dir, 'dev-issuer', 'identity-admin.secret'));
  // The staff portal signs in through the issuer with its confidential client (code flow with PKCE): the dev
  // issuer learns its secret and its exact redirect and logout addresses; Keycloak has them from its realm.
  const portal = webs.find((web) => web.name === 'portal');
  const portalSecret = portal ? readOrCreateSecret(join(dir, 'portal-client.secret')) : undefined;
  const portalOrigins = portal ? [`http://127.0.0.1:${portal.port}`, `http://localhost:${portal.port}`] : [];
  issuer = process.env.OIDC_ISSUER
    ? undefined
    : await startDevIssuer({
        port: 8180,
        keyFile: join(dir, 'dev-issuer', 'signing-key.jwk.json'),
        usersFile: join(dir, 'dev-issuer', 'users.json'),
        adminClientSecret: identityAdminSecret,
        ...(portalSecret
          ? {
              portalClient: {
                clientId: 'vertrouwd-portal',
                secret: portalSecret,
                redirectUris: portalOrigins.map((origin) => `${origin}/auth/callback`),
                postLogoutRedirectUris: portalOrigins.map((origin) => `${origin}/`),
              },
            }
          : {}),
      });
  mail = await startMail();
  const env = {
    SMTP_URL: mail.smtpUrl,
    OIDC_ISSUER: process.env.OIDC_ISSUER ?? issuer!.issuer,
    BUS_DATABASE_URL: url(SHARED_DATABASES.bus),
    PRIVACY_DATABASE_URL: url(SHARED_DATABASES.keyVault),
    VERTROUWD_DATA_DIR: dir,
    REPORTER_TOKEN_SECRET: readOrCreateSecret(join(dir, 'reporter-token.secret')),
    // Shared by intake and the reporter's site, which forwards each reporter's address for intake's limits.
    INTAKE_PROXY_SECRET: readOrCreateSecret(join(dir, 'intake-proxy.secret')),
    // The dev issuer has no mail: its accounts sign in with the demo password.
    ...(identityAdminSecret ? { IDENTITY_ADMIN_CLIENT_SECRET: identityAdminSecret, IDENTITY_ADMIN_PASSWORD_EMAIL: 'off' } : {}),
  };
  const hosted = SERVICES.map((service) => ({
    name: service.name,
    env: { DATABASE_URL: url(service.database), PORT: String(service.port) },
  }));
  const running = await startServices(hosted, env, logDir);
  await builds;
  const sites: WebProcess[] = [];
  for (const web of webs) {
    // Each web service gets only the variables its manifest names: its port, database, session secret, and the
    // addresses of the services it calls.
    const offered: Record<string, string> = {
      PORT: String(web.port),
      HOST: '127.0.0.1',
      WEB_PROCESSES: webProcesses(),
      DATABASE_URL: url(web.database),
      SESSION_SECRET: readOrCreateSecret(join(dir, `${web.name}.session.secret`)),
      OIDC_ISSUER: env.OIDC_ISSUER,
      INTAKE_PROXY_SECRET: env.INTAKE_PROXY_SECRET,
      // With an external issuer the portal's client secret comes from this process's environment, as Keycloak has it.
      ...((process.env.PORTAL_CLIENT_SECRET ?? portalSecret)
        ? { PORTAL_CLIENT_SECRET: (process.env.PORTAL_CLIENT_SECRET ?? portalSecret)! }
        : {}),
      ...Object.fromEntries(running.map((service) => [urlVariableOf(service.name), service.url])),
      // Its own public origin (e.g. PORTAL_URL: the portal's redirect address is made from it).
      [urlVariableOf(web.name)]: `http://127.0.0.1:${web.port}`,
    };
    const missing = web.calls.filter((name) => !running.some((service) => service.name === name));
    if (missing.length > 0) throw new Error(`${web.name} calls ${missing.join(', ')}, which is not among the services`);
    sites.push(await startWebService(web.name, pick(offered, web.environment), logDir));
  }
  // Up once this year's demo data is in; last year's cases (for the annual-report tour) may still be written, in
  // a process of their own, and are announced when done.
  let thisYearSeeded!: () => void;
  const thisYear = new Promise<boolean>((resolve) => (thisYearSeeded = () => resolve(true)));
  const seeding = seedDemoData(running, issuer, dir, undefined, thisYearSeeded);
  const seeded = await Promise.race([seeding, thisYear]);
  let seedingDone = false;
  void seeding.then(
    () => {
      seedingDone = true;
    },
    () => undefined,
  );
  await Promise.resolve(); // lets an already finished seeding be seen as done

  console.log(`\nVertrouwd (embedded default) is up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  for (const site of sites) console.log(`  ${site.name.padEnd(14)} ${site.url}   (web)`);
  for (const service of running) console.log(`  ${service.name.padEnd(14)} ${service.url}   (API: ${service.url}/docs)`);
  console.log(`  ${'identity'.padEnd(14)} ${env.OIDC_ISSUER}${issuer ? '   (embedded dev issuer)' : ''}`);
  console.log(
    `  ${'postgresql'.padEnd(14)} ${postgres.tcpUrl.replace(/:[^:@/]+@/, ':***@')}   ` +
      `(bus: ${SHARED_DATABASES.bus}, key vault: ${SHARED_DATABASES.keyVault}; cluster in ${postgresDir})`,
  );
  console.log(
    `  ${'mail'.padEnd(14)} ${mail.mailboxUrl ?? mail.smtpUrl.replace(/:[^:@/]+@/, ':***@')}   ` +
      (mail.mailboxUrl ? `(embedded SMTP catcher on ${mail.smtpUrl}; ?to=<address> filters, DELETE empties)` : '(SMTP_URL)'),
  );
  console.log(`  ${'data'.padEnd(14)} ${dir}${seeded ? '   (demo data seeded)' : ''}; service logs in ${join(dir, 'logs')}\n`);
  if (issuer) {
    console.log(
      `Demo logins (password "${DEMO_PASSWORD}", demo only): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(', ')})`).join(', ')}`,
    );
    console.log(
      'A token:  curl -s -d grant_type=password -d client_id=vertrouwd-web -d username=advisor-anna ' +
        `-d password=${DEMO_PASSWORD} ${issuer.tokenEndpoint}`,
    );
  }
  console.log('Ctrl-C stops everything.');
  if (!seedingDone) {
    console.log("\nStill writing last year's demo cases (2025, for the annual report at the end of the tour)…");
    seeding.then(
      // Written through intake and case; reporting takes them from the bus, a few seconds behind.
      () => console.log("Demo data complete: last year's cases are written (the annual report counts them within seconds)."),
      (error: unknown) => console.error(`Demo data incomplete: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

let shutDown: () => Promise<void> = () => stopAllWebServices().then(() => stopAllServices());

/** The entries of `offered` that `names` lists. */
function pick(offered: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => name in offered).map((name) => [name, offered[name]]));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Nothing left behind: a half-started platform would hold its ports and block the next start.
  await shutDown();
  process.exit(1);
});
