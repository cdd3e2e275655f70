import type { Appointment, Region } from '../directory/directory.values';
import { tieBreakOrder, type Candidate } from './match-rules';

/** How a counsellor scored for serving an organisation as primary or substitute. */
export interface AppointmentScore {
  counsellorId: string;
  score: number;
  excludedBy?: 'inactive' | 'internal' | 'conflict-organisation' | 'language';
}

export const APPOINTMENT_WEIGHTS = {
  languagePerWorkforceLanguage: 10,
  region: 20,
  current: 30,
  otherGender: 15,
  loadPer100Employees: 2,
} as const;

/**
 * Proposes who serves an organisation: the best external counsellor of the agency as primary and the best other
 * one as substitute, preferring a substitute of another gender so reporters can choose. Hard: active, external, no
 * conflict with the organisation, speaks at least one of the workforce's languages. Soft: workforce languages
 * covered, a region shared with a site, the current appointment kept (no churn without a reason), headcount already
 * served (load). The coordinator's confirmation is the decision; this only proposes.
 */
export function proposeAppointment(
  organisation: { organisationId: string; regions: readonly Region[]; languages: readonly string[]; current: Appointment },
  candidates: readonly Candidate[],
  servedHeadcount: ReadonlyMap<string, number>,
): { appointment?: { primaryId: string; substituteId: string }; scores: AppointmentScore[] } {
  const scores: AppointmentScore[] = candidates.map((c) => {
    const excludedBy = !c.active
      ? 'inactive'
      : c.kind === 'internal'
        ? 'internal'
        : c.conflictOrganisationIds.includes(organisation.organisationId)
          ? 'conflict-organisation'
          : organisation.languages.length > 0 && !organisation.languages.some((l) => c.languages.includes(l))
            ? 'language'
            : undefined;
    if (excludedBy) return { counsellorId: c.counsellorId, score: 0, excludedBy };
    const covered = organisation.languages.filter((l) => c.languages.includes(l)).length;
    const current = c.counsellorId === organisation.current.primaryId || c.counsellorId === organisation.current.substituteId;
    const score =
      covered * APPOINTMENT_WEIGHTS.languagePerWorkforceLanguage +
      (c.regions.some((r) => organisation.regions.includes(r)) ? APPOINTMENT_WEIGHTS.region : 0) +
      (current ? APPOINTMENT_WEIGHTS.current : 0) -
      Math.round(((servedHeadcount.get(c.counsellorId) ?? 0) / 100) * APPOINTMENT_WEIGHTS.loadPer100Employees);
    return { counsellorId: c.counsellorId, score };
  });
  const byId = new Map(candidates.map((c) => [c.counsellorId, c]));
  const rank = (list: AppointmentScore[]) =>
    list.sort((a, b) => b.score - a.score || tieBreakOrder(organisation.organisationId, a.counsellorId, b.counsellorId));
  const eligible = rank(scores.filter((s) => !s.excludedBy));
  const primary = eligible[0];
  if (!primary || eligible.length < 2) return { scores };
  const gender = byId.get(primary.counsellorId)?.gender;
  const rest = rank(
    eligible
      .slice(1)
      .map((s) => ({ ...s, score: s.score + (byId.get(s.counsellorId)?.gender !== gender ? APPOINTMENT_WEIGHTS.otherGender : 0) })),
  );
  return { appointment: { primaryId: primary.counsellorId, substituteId: rest[0].counsellorId }, scores };
}
