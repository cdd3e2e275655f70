import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models of billing. A changed shape is a new migration; this one never changes once released. */
export class BillingReadModels1796501161608 implements MigrationInterface {
  readonly name = 'BillingReadModels1796501161608';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table billing_overview (
      "billingId" uuid primary key, "agencyId" uuid not null, status text not null,
      "openedAt" timestamptz not null, "closedAt" timestamptz)`);
    await runner.query(`create index billing_overview_agency on billing_overview ("agencyId")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table billing_overview');
  }
}
