import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CounsellorMatchedV1,
  CounsellorPublishedV1,
  isEvent,
  NoCounsellorAvailableV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { CommandListener, IntervalJob, CLOCK, ReadModelListener, systemContext, type Clock } from '@vertrouwd/service-kit';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AlertUnmatchedCase, AssignMatchedAdvisor } from '../matched-assignment/matched-assignment.commands';
import { PENDING_MATCHES, type PendingMatches } from '../ports/pending-matches.port';

/** Matching's decisions → case commands: a match assigns, nobody available alerts the coordinators. */
@Injectable()
export class MatchingDecisionsListener extends CommandListener {
  readonly topics = [CounsellorMatchedV1, NoCounsellorAvailableV1].map(topicOf);
  override readonly group = 'case-matching';

  commandFor(event: IntegrationEvent): object | undefined {
    const context = systemContext('system:matching', event.correlationId, event.eventId);
    if (isEvent(event, CounsellorMatchedV1)) {
      const { caseId, agencyId, counsellorId, round } = event.payload;
      return new AssignMatchedAdvisor(caseId, agencyId, counsellorId, round, context);
    }
    if (isEvent(event, NoCounsellorAvailableV1)) return new AlertUnmatchedCase(event.payload.caseId, event.payload.agencyId, context);
    return undefined;
  }
}

/** Matching's directory as case needs it: which counsellors of which agency may act (the highest version wins). */
@Injectable()
export class CounsellorDirectoryListener extends ReadModelListener {
  readonly topics = [topicOf(CounsellorPublishedV1)];
  override readonly group = 'case-directory';

  async apply(event: IntegrationEvent, m: EntityManager): Promise<void> {
    if (!isEvent(event, CounsellorPublishedV1)) return;
    const { counsellorId, agencyId, status, version } = event.payload;
    await m.query(
      `insert into case_counsellors (counsellor_id, agency_id, active, version) values ($1, $2, $3, $4)
       on conflict (counsellor_id) do update set agency_id = excluded.agency_id, active = excluded.active, version = excluded.version
       where case_counsellors.version < excluded.version`,
      [counsellorId, agencyId, status === 'active', version],
    );
  }
}

/**
 * Applies matching's decisions that arrived before their case: every few seconds, those whose case has opened since.
 * Also after a restart, so no decision waits for ever.
 */
@Injectable()
export class PendingMatchesJob extends IntervalJob {
  protected override readonly intervalMs = 2_000;

  constructor(
    @Inject(PENDING_MATCHES) private readonly pending: PendingMatches,
    private readonly commands: CommandBus,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(clock);
  }

  async runOnce(): Promise<number> {
    const ready = await this.pending.ready(100);
    for (const { caseId, agencyId, advisorId, round } of ready) {
      await this.commands.execute(
        new AssignMatchedAdvisor(caseId, agencyId, advisorId, round, systemContext('system:matching', randomUUID())),
      );
    }
    return ready.length;
  }
}
