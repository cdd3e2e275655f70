import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Peer consultations (intervisie): question and answer sealed under each consultation's own key. */
export class PeerConsultations1796490000003 implements MigrationInterface {
  readonly name = 'PeerConsultations1796490000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create table if not exists peer_consultations (
      consultation_id uuid primary key, case_id uuid not null, advisor_id uuid not null, colleague_id uuid not null,
      sealed_question text not null, sealed_answer text, requested_at timestamptz not null, answered_at timestamptz)`);
    await runner.query('create index if not exists peer_consultations_colleague on peer_consultations (colleague_id, requested_at)');
    await runner.query('create index if not exists peer_consultations_case on peer_consultations (case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table peer_consultations');
  }
}
