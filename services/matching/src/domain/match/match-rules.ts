import { amsterdamDay, shiftDay } from '@vertrouwd/domain';
import type { ADVISOR_GENDERS, ADVISOR_KINDS, MATCH_TIERS, THEMES } from '@vertrouwd/contracts';
import type { CounsellorGender, CounsellorKind, CounsellorRole, Region, Specialism } from '../directory/directory.values';

/**
 * The rule set that decides a match: a deterministic ranked filter (docs/services/matching.md, "How a case is
 * matched"). Its version is stored in every decision; a change of rules is a new version, so a replay of an old
 * decision can say which rules made it.
 */
export const RULE_SET = 'match-2026.12';

export type Tier = (typeof MATCH_TIERS)[number];
type Theme = (typeof THEMES)[number];

/** Each hard rule that can leave a counsellor out, by code: never more than the code reaches the coordinator. */
export const EXCLUSIONS = [
  'inactive', // deactivated or their agency suspended
  'other-agency', // not a counsellor of the case's agency
  'internal-elsewhere', // an internal counsellor of another organisation
  'role', // not a counsellor for the theme (unwanted behaviour or integrity)
  'absent', // absent on a day between the report and the acknowledgement deadline
  'conflict-organisation', // a declared conflict of interest with the organisation
  'declined', // declined this case (a conflict they declared with people in it)
  'over-capacity', // as many open cases as their capacity
  'over-hours', // this week's case hours at their capacity
  'gender', // not the gender the reporter asked for
  'kind', // not internal or external as the reporter asked
  'language', // does not speak the reporter's language
  'not-chosen', // the reporter chose another counsellor by name
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** What matching knows of a counsellor when it decides: the profile and their current load, absences and conflicts. */
export interface Candidate {
  counsellorId: string;
  agencyId: string;
  active: boolean;
  kind: CounsellorKind;
  organisationId?: string;
  roles: readonly CounsellorRole[];
  languages: readonly string[];
  gender: CounsellorGender;
  regions: readonly Region[];
  specialisms: readonly Specialism[];
  capacityCases: number;
  capacityHoursPerWeek: number;
  openCases: number;
  minutesThisWeek: number;
  /** Inclusive local dates (YYYY-MM-DD) and who stands in. */
  absences: readonly { from: string; until: string; substituteId?: string }[];
  conflictOrganisationIds: readonly string[];
}

/** What the reporter asked for and where the case comes from. */
export interface MatchRequest {
  caseId: string;
  agencyId: string;
  organisationId: string;
  theme: Theme;
  language: string;
  preferredGender: (typeof ADVISOR_GENDERS)[number];
  preferredKind: (typeof ADVISOR_KINDS)[number];
  /** A counsellor the reporter chose by name on the intake page. */
  preferredCounsellorId?: string;
  /** Counsellors who declined this case: never again for it. */
  declinedIds: readonly string[];
  /** The organisation's regions and workforce languages, for the score. */
  organisationRegions: readonly Region[];
  organisationLanguages: readonly string[];
  /** The first and last local day of the acknowledgement window (report day + 7 calendar days, Europe/Amsterdam). */
  windowFrom: string;
  windowUntil: string;
}

/** How a scored candidate earned its points (docs/services/matching.md lists the weights). */
export interface ScoreParts {
  specialism: number;
  languages: number;
  region: number;
  load: number;
}

export interface Verdict {
  counsellorId: string;
  tier: Tier;
  excludedBy: Exclusion[];
  score?: number;
  parts?: ScoreParts;
}

/**
 * A decision and its explanation: every candidate of the named tiers with the rules that left them out, and for
 * the pool the count per rule and the best scored (at most {@link POOL_SHOWN}), so an explanation stays small in an
 * agency of a thousand counsellors.
 */
export interface Decision {
  ruleSet: string;
  chosen?: { counsellorId: string; tier: Tier };
  considered: number;
  named: Verdict[];
  pool: { considered: number; excluded: Partial<Record<Exclusion, number>>; best: Verdict[] };
}

export const POOL_SHOWN = 5;

/** The score's weights: specialism over languages over region; load takes points away, quadratically. */
export const WEIGHTS = { specialism: 40, languagePerWorkforceLanguage: 10, languagesMax: 20, region: 20, load: 50 } as const;

const UNWANTED_BEHAVIOUR: readonly Theme[] = ['intimidation', 'bullying', 'aggression-and-violence', 'discrimination', 'sexual-harassment'];

/** The role a theme asks for; `not-sure` asks for none in particular. */
export function roleFor(theme: Theme): CounsellorRole | undefined {
  if (theme === 'not-sure') return undefined;
  return UNWANTED_BEHAVIOUR.includes(theme) ? 'unwanted-behaviour' : 'integrity';
}

/** The specialisms that earn the specialism points for a theme. */
const SPECIALISM_FOR: Record<Theme, readonly Specialism[]> = {
  intimidation: ['bullying', 'aggression-and-violence'],
  bullying: ['bullying'],
  'aggression-and-violence': ['aggression-and-violence', 'trauma'],
  discrimination: ['discrimination'],
  'sexual-harassment': ['sexual-harassment', 'trauma'],
  'theft-or-fraud': ['integrity-and-fraud'],
  corruption: ['integrity-and-fraud', 'whistleblowing'],
  extortion: ['integrity-and-fraud'],
  'misuse-of-information-or-resources': ['integrity-and-fraud'],
  'unacceptable-side-activities': ['integrity-and-fraud'],
  'conflict-of-interest': ['integrity-and-fraud'],
  'not-sure': [],
  'public-interest-wrongdoing': ['whistleblowing'],
};

/** Every hard rule the candidate breaks for this request; empty when they may take the case. */
export function exclusionsOf(candidate: Candidate, request: MatchRequest): Exclusion[] {
  const out: Exclusion[] = [];
  const role = roleFor(request.theme);
  if (!candidate.active) out.push('inactive');
  if (candidate.agencyId !== request.agencyId) out.push('other-agency');
  if (candidate.kind === 'internal' && candidate.organisationId !== request.organisationId) out.push('internal-elsewhere');
  if (role && !candidate.roles.includes(role)) out.push('role');
  if (candidate.absences.some((a) => a.from <= request.windowUntil && a.until >= request.windowFrom)) out.push('absent');
  if (candidate.conflictOrganisationIds.includes(request.organisationId)) out.push('conflict-organisation');
  if (request.declinedIds.includes(candidate.counsellorId)) out.push('declined');
  if (candidate.openCases >= candidate.capacityCases) out.push('over-capacity');
  if (candidate.minutesThisWeek >= candidate.capacityHoursPerWeek * 60) out.push('over-hours');
  if (request.preferredGender !== 'any' && candidate.gender !== request.preferredGender) out.push('gender');
  if (request.preferredKind !== 'any' && candidate.kind !== request.preferredKind) out.push('kind');
  if (!candidate.languages.includes(request.language)) out.push('language');
  if (request.preferredCounsellorId && candidate.counsellorId !== request.preferredCounsellorId) out.push('not-chosen');
  return out;
}

/** The soft score of a candidate who passed every hard rule. */
export function scoreOf(candidate: Candidate, request: MatchRequest): { score: number; parts: ScoreParts } {
  const wanted = SPECIALISM_FOR[request.theme];
  const covered = request.organisationLanguages.filter((l) => candidate.languages.includes(l)).length;
  const utilisation = candidate.capacityCases > 0 ? candidate.openCases / candidate.capacityCases : 1;
  const parts: ScoreParts = {
    specialism: candidate.specialisms.some((s) => wanted.includes(s)) ? WEIGHTS.specialism : 0,
    languages: Math.min(WEIGHTS.languagesMax, covered * WEIGHTS.languagePerWorkforceLanguage),
    region: candidate.regions.some((r) => request.organisationRegions.includes(r)) ? WEIGHTS.region : 0,
    load: 0 - Math.round(WEIGHTS.load * utilisation * utilisation), // 0, not -0, when idle
  };
  return { score: parts.specialism + parts.languages + parts.region + parts.load, parts };
}

/**
 * Decides who takes a case: the counsellor the reporter chose, else the organisation's primary, else whoever stands
 * in for the absent primary, else the substitute, else the best of the agency's pool, each only if they break no
 * hard rule. Ties in the pool break on a hash of case and counsellor: deterministic, not alphabetical.
 */
export function decide(
  request: MatchRequest,
  appointment: { primaryId?: string; substituteId?: string },
  candidates: readonly Candidate[],
): Decision {
  const byId = new Map(candidates.map((c) => [c.counsellorId, c]));
  const primary = appointment.primaryId ? byId.get(appointment.primaryId) : undefined;
  const standInId = primary?.absences.find((a) => a.from <= request.windowUntil && a.until >= request.windowFrom)?.substituteId;
  const order: [Tier, string | undefined][] = [
    ['chosen', request.preferredCounsellorId],
    ['primary', appointment.primaryId],
    ['stand-in', standInId],
    ['substitute', appointment.substituteId],
  ];
  const named: Verdict[] = [];
  const seen = new Set<string>();
  let chosen: Decision['chosen'];
  for (const [tier, id] of order) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const candidate = byId.get(id);
    const excludedBy: Exclusion[] = candidate ? exclusionsOf(candidate, request) : ['inactive'];
    named.push({ counsellorId: id, tier, excludedBy });
    if (!chosen && excludedBy.length === 0) chosen = { counsellorId: id, tier };
  }
  const excluded: Partial<Record<Exclusion, number>> = {};
  // The best POOL_SHOWN in one pass, each candidate hashed once: no sort of the whole eligible pool per decision.
  const top: { verdict: Verdict; hash: number }[] = [];
  let poolConsidered = 0;
  for (const candidate of candidates) {
    if (seen.has(candidate.counsellorId)) continue;
    poolConsidered++;
    const excludedBy = exclusionsOf(candidate, request);
    if (excludedBy.length > 0) {
      for (const code of excludedBy) excluded[code] = (excluded[code] ?? 0) + 1;
      continue;
    }
    const { score, parts } = scoreOf(candidate, request);
    const worst = top[top.length - 1];
    if (top.length === POOL_SHOWN && worst && score < worst.verdict.score!) continue;
    const entry = {
      verdict: { counsellorId: candidate.counsellorId, tier: 'pool' as const, excludedBy, score, parts },
      hash: tieBreak(request.caseId, candidate.counsellorId),
    };
    let at = top.length;
    while (at > 0 && before(entry, top[at - 1])) at--;
    if (at < POOL_SHOWN) {
      top.splice(at, 0, entry);
      if (top.length > POOL_SHOWN) top.pop();
    }
  }
  const best = top.map((t) => t.verdict);
  if (!chosen && best[0]) chosen = { counsellorId: best[0].counsellorId, tier: 'pool' };
  return {
    ruleSet: RULE_SET,
    ...(chosen ? { chosen } : {}),
    considered: seen.size + poolConsidered,
    named,
    pool: { considered: poolConsidered, excluded, best },
  };
}

/** Whether `a` ranks before `b` in the pool: higher score, then {@link tieBreakOrder} (hashes computed once). */
function before(a: { verdict: Verdict; hash: number }, b: { verdict: Verdict; hash: number }): boolean {
  const byScore = b.verdict.score! - a.verdict.score!;
  if (byScore !== 0) return byScore < 0;
  const byHash = a.hash - b.hash;
  if (byHash !== 0) return byHash < 0;
  return a.verdict.counsellorId < b.verdict.counsellorId;
}

/**
 * The order of two equally scored counsellors for a case: by {@link tieBreak}, and on an equal hash (32 bits: rare,
 * but possible among thousands of counsellors) by id, so the choice never depends on the order candidates came in.
 */
export function tieBreakOrder(caseId: string, a: string, b: string): number {
  return tieBreak(caseId, a) - tieBreak(caseId, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** FNV-1a over case and counsellor id: a stable order among equals that no name or id prefix can game. */
export function tieBreak(caseId: string, counsellorId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${caseId}|${counsellorId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The first and last local day (Europe/Amsterdam) of the acknowledgement window of a report received at `at`. */
export function acknowledgementWindow(at: Date): { from: string; until: string } {
  const from = amsterdamDay(at);
  return { from, until: shiftDay(from, 7) };
}
