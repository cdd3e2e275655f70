import type { seededRandom } from '@vertrouwd/testing';

// Sample journals for the benchmark and the tests: content-free facts as reporting's journal listener appends them,
// generated from a seed, so every run sees the same histories.

type Fact = { type: string } & Record<string, unknown>;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, dayOfYear: number) => {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const after = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * One organisation's journal: its record, then two years of cases (reported, acknowledged, feedback, hours logged a
 * few times, a referral in three, closed in most, a missed deadline now and then, a reopening rarely) and prevention
 * activities, in the order of their days, as the journal listener would have appended them.
 */
export function journalOf(
  rng: ReturnType<typeof seededRandom>,
  v: typeof import('@vertrouwd/contracts'),
  headcount: number,
  casesPer100: number,
  years: number[],
): Fact[] {
  const facts: Fact[] = [];
  for (const year of years) {
    const expected = (headcount * casesPer100) / 100;
    const count = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
    for (let c = 0; c < count; c++) {
      const caseRef = rng.uuid().replace(/-/g, '');
      const on = dayOf(year, rng.int(365));
      facts.push({
        type: 'CaseReported',
        caseRef,
        on,
        theme: rng.pick(v.THEMES.slice(0, 6)),
        relation: rng.pick(v.RELATIONS),
        anonymity: rng.next() < 0.3 ? 'anonymous' : 'known-to-advisor',
        // Two sites; most reporters say at which (ADR 0047: the site is part of every finest cell).
        ...(rng.next() < 0.6 ? { site: rng.pick(['utrecht', 'gelderland']) } : {}),
      });
      const regime = rng.next() < 0.6 ? 'wbk' : 'service-standard';
      if (rng.next() < 0.05) facts.push({ type: 'DeadlineMissed', caseRef, deadline: 'acknowledgement', regime, on: after(on, 7) });
      facts.push({ type: 'CaseAcknowledged', caseRef, on: after(on, rng.int(5)) });
      for (let h = 2 + rng.int(7); h > 0; h--)
        facts.push({ type: 'CaseWorkLogged', caseRef, on: after(on, rng.int(60)), minutes: 15 * (1 + rng.int(12)) });
      if (rng.next() < 0.08) facts.push({ type: 'DeadlineMissed', caseRef, deadline: 'feedback', regime, on: after(on, 91) });
      else facts.push({ type: 'FeedbackGiven', caseRef, on: after(on, 20 + rng.int(60)) });
      if (rng.next() < 0.3)
        facts.push({ type: 'ReferralMade', caseRef, on: after(on, 10 + rng.int(30)), referralType: rng.pick(v.REFERRAL_TYPES) });
      if (rng.next() < 0.85) {
        const closed = after(on, 30 + rng.int(90));
        facts.push({ type: 'CaseClosed', caseRef, on: closed, outcome: rng.pick(v.OUTCOMES) });
        if (rng.next() < 0.03) facts.push({ type: 'CaseReopened', caseRef, on: after(closed, 14) });
      }
    }
    for (let a = rng.int(5); a > 0; a--)
      facts.push({
        type: 'ActivityRecorded',
        on: dayOf(year, rng.int(365)),
        kind: rng.pick(v.ENGAGEMENT_KINDS),
        minutes: 30 + 30 * rng.int(8),
      });
  }
  facts.sort((a, b) => (a.on as string).localeCompare(b.on as string));
  return facts;
}
