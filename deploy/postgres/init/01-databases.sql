-- One database per service, and one for the Postgres bus (when BUS=postgres). Runs on the first start only.
-- Every service manifest's and web manifest's database is here, and nothing else: deploy/src/compose.spec.ts checks it.
create database vertrouwd_intake;
create database vertrouwd_case;
create database vertrouwd_matching;
create database vertrouwd_billing;
create database vertrouwd_reporting;
-- The web services' own: their server-side sessions (docs/platform/web-session.md).
create database vertrouwd_reporter_site;
create database vertrouwd_portal;
create database vertrouwd_bus;
-- The key vault, shared by every service (ADR 0013).
create database vertrouwd_privacy;
