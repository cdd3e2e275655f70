import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseMatch } from '../../domain/match/case-match.aggregate';
import { acknowledgementWindow, decide, type Candidate, type Decision, type MatchRequest } from '../../domain/match/match-rules';
import { weekOf } from '../calendar';
import { CaseMatchWork, CounsellorWork } from '../directory.runners';
import { MATCHING_DIRECTORY, type MatchingDirectory } from '../ports/directory.port';
import { DeclineMatch, MatchCase } from './match-case.commands';

/** What a decision reads of the directory, all at once: the organisation, its agency and the agency's counsellors. */
async function readDirectory(
  directory: MatchingDirectory,
  ids: { agencyId: string; organisationId: string },
  window: { from: string; until: string },
) {
  const [organisation, agency, all] = await Promise.all([
    directory.organisation(ids.organisationId),
    directory.agency(ids.agencyId),
    directory.candidates(ids.agencyId, window, weekOf(window.from)),
  ]);
  return { organisation, agency, all };
}

/** Decides with what the directory knows now: the organisation's appointment and the agency's counsellors. */
async function decideNow(directory: MatchingDirectory, request: MatchRequest): Promise<Decision> {
  return decideWith(request, await readDirectory(directory, request, { from: request.windowFrom, until: request.windowUntil }));
}

function decideWith(request: MatchRequest, { organisation, agency, all }: Awaited<ReturnType<typeof readDirectory>>): Decision {
  const appointment = organisation?.agencyId === request.agencyId ? organisation.appointment : { internalIds: [] };
  const suspended = agency?.status !== 'active';
  const named = new Set([request.preferredCounsellorId, appointment.primaryId, appointment.substituteId, ...appointment.internalIds]);
  // A suspended agency's counsellors take no new case; an agency without pool matching offers only the named ones.
  const candidates: Candidate[] = all
    .map((c) => (suspended ? { ...c, active: false } : c))
    .filter((c) => agency?.settings.poolMatching !== false || named.has(c.counsellorId) || isStandIn(all, c, appointment.primaryId));
  return decide(request, appointment, candidates);
}

function isStandIn(all: readonly Candidate[], candidate: Candidate, primaryId: string | undefined): boolean {
  const primary = all.find((c) => c.counsellorId === primaryId);
  return Boolean(primary?.absences.some((a) => a.substituteId === candidate.counsellorId));
}

@CommandHandler(MatchCase)
export class MatchCaseHandler implements ICommandHandler<MatchCase, void> {
  constructor(
    private readonly work: CaseMatchWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  /**
   * Once per case: a redelivered report finds the match made and changes nothing. Whether it was made and what the
   * decision reads are asked together (one wait, not three in a row); a redelivery's reads go unused.
   */
  async execute(cmd: MatchCase): Promise<void> {
    const now = new Date();
    const window = acknowledgementWindow(new Date(cmd.report.receivedAt));
    const [exists, read] = await Promise.all([this.work.exists(cmd.report.caseId), readDirectory(this.directory, cmd.report, window)]);
    if (exists) return;
    const { organisation } = read;
    const { receivedAt: _received, ...report } = cmd.report;
    const request: MatchRequest = {
      ...report,
      declinedIds: [],
      organisationRegions: organisation?.details.regions ?? [],
      organisationLanguages: organisation?.details.languages ?? [],
      windowFrom: window.from,
      windowUntil: window.until,
    };
    const match = new CaseMatch();
    match.decide(request, decideWith(request, read), now);
    await this.work.create(match, cmd.context);
  }
}

@CommandHandler(DeclineMatch)
export class DeclineMatchHandler implements ICommandHandler<DeclineMatch, void> {
  constructor(
    private readonly work: CaseMatchWork,
    private readonly counsellors: CounsellorWork,
    @Inject(MATCHING_DIRECTORY) private readonly directory: MatchingDirectory,
  ) {}

  async execute(cmd: DeclineMatch): Promise<void> {
    let organisationId = '';
    await this.work.run(cmd.caseId, cmd.context, async (m) => {
      const now = new Date();
      organisationId = m.state.request!.organisationId;
      if (!m.decline(cmd.counsellorId, cmd.conflictWith, now)) return;
      const request = m.nextRequest();
      m.decide(request, await decideNow(this.directory, request), now);
    });
    // The conflict joins the counsellor's register: with the organisation for every later case, else for this case.
    const target = cmd.conflictWith === 'organisation' ? { organisationId } : { caseId: cmd.caseId };
    await this.counsellors.run(cmd.counsellorId, cmd.context, (c) => c.declareConflict(randomUUID(), target, reviewDay(), new Date()));
  }
}

function reviewDay(): string {
  return amsterdamToday(365);
}
