import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AgencyStatusChangedV1,
  CounsellorPublishedV1,
  isEvent,
  OrganisationPublishedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import type { TransactionalQuery } from '@vertrouwd/messaging';
import { ReadModelListener } from '@vertrouwd/service-kit';
import { SqlIntakeReadModel } from './intake-read-model.sql';

/** Matching's directory events intake follows: what the intake page shows comes only from these. */
export const DIRECTORY_TOPICS = [OrganisationPublishedV1, CounsellorPublishedV1, AgencyStatusChangedV1].map(topicOf);

/**
 * Matching's directory → intake's copy of it (organisations by intake code, their counsellors, suspended agencies),
 * exactly once, in a consumer group of its own so it never waits behind case progress.
 */
@Injectable()
export class DirectoryListener extends ReadModelListener {
  readonly topics = DIRECTORY_TOPICS;
  override readonly group = 'intake-directory';
  @Inject(SqlIntakeReadModel) private readonly intakeReadModel!: SqlIntakeReadModel;

  protected override async handle(event: IntegrationEvent): Promise<void> {
    await super.handle(event);
    // Committed: organisations read before it are not served again.
    this.intakeReadModel.forgetOrganisations();
  }

  apply(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    return applyDirectoryEvent(manager, event);
  }
}

/**
 * Applies one directory event. Organisations and counsellors arrive as whole snapshots with a version: a row is
 * replaced only by a higher version, so redelivery and out-of-order delivery (a rebuild, another partition) leave
 * the newest. An agency's status has no version: the latest change wins.
 */
export async function applyDirectoryEvent(tx: TransactionalQuery, event: IntegrationEvent): Promise<void> {
  if (isEvent(event, OrganisationPublishedV1)) {
    const o = event.payload;
    await tx.query(
      `insert into directory_organisations (organisation_id, agency_id, version, status, intake_code, sealed_name, languages,
         primary_counsellor_id, substitute_counsellor_id, internal_counsellor_ids, changed_at, regions)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (organisation_id) do update set agency_id = excluded.agency_id, version = excluded.version,
         status = excluded.status, intake_code = excluded.intake_code, sealed_name = excluded.sealed_name,
         languages = excluded.languages, primary_counsellor_id = excluded.primary_counsellor_id,
         substitute_counsellor_id = excluded.substitute_counsellor_id,
         internal_counsellor_ids = excluded.internal_counsellor_ids, changed_at = excluded.changed_at,
         regions = excluded.regions
       where directory_organisations.version < excluded.version`,
      [
        o.organisationId,
        o.agencyId,
        o.version,
        o.status,
        o.intakeCode,
        o.sealedName,
        o.languages,
        o.primaryCounsellorId ?? null,
        o.substituteCounsellorId ?? null,
        o.internalCounsellorIds,
        o.changedAt,
        o.regions,
      ],
    );
    return;
  }
  if (isEvent(event, CounsellorPublishedV1)) {
    const c = event.payload;
    await tx.query(
      `insert into directory_counsellors (counsellor_id, agency_id, version, status, kind, organisation_id, languages, gender,
         sealed_name, sealed_introduction, changed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (counsellor_id) do update set agency_id = excluded.agency_id, version = excluded.version,
         status = excluded.status, kind = excluded.kind, organisation_id = excluded.organisation_id,
         languages = excluded.languages, gender = excluded.gender, sealed_name = excluded.sealed_name,
         sealed_introduction = excluded.sealed_introduction, changed_at = excluded.changed_at
       where directory_counsellors.version < excluded.version`,
      [
        c.counsellorId,
        c.agencyId,
        c.version,
        c.status,
        c.kind,
        c.organisationId ?? null,
        c.languages,
        c.gender,
        c.sealedName,
        c.sealedIntroduction ?? null,
        c.changedAt,
      ],
    );
    return;
  }
  if (isEvent(event, AgencyStatusChangedV1)) {
    const { agencyId, status, changedAt } = event.payload;
    await tx.query(
      `insert into directory_agencies (agency_id, status, changed_at) values ($1, $2, $3)
       on conflict (agency_id) do update set status = excluded.status, changed_at = excluded.changed_at
       where directory_agencies.changed_at <= excluded.changed_at`,
      [agencyId, status, changedAt],
    );
  }
}
