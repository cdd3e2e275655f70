import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the decision's read of an agency: its absences in a window and its organisation conflicts. */
export class DecisionIndexes1796500000002 implements MigrationInterface {
  readonly name = 'DecisionIndexes1796500000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create index if not exists matching_absences_counsellor on matching_absences (counsellor_id, until_day)');
    await runner.query(
      'create index if not exists matching_conflicts_agency_organisation on matching_conflicts (agency_id, counsellor_id) where organisation_id is not null',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists matching_conflicts_agency_organisation');
    await runner.query('drop index if exists matching_absences_counsellor');
  }
}
