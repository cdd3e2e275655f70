import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's stream version, which its read shows as `version` and `PUT …/subscriptions/:id` compares with
 * If-Match. Null until the subscription's next event (or a rebuild): such a read shows none, so nothing is refused.
 */
export class SubscriptionVersion1796600000075 implements MigrationInterface {
  readonly name = 'SubscriptionVersion1796600000075';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('alter table billing_subscriptions add column if not exists version integer');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table billing_subscriptions drop column if exists version');
  }
}
