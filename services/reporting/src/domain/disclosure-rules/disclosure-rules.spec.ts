import { given } from '@vertrouwd/domain';
import { DEFAULT_BENCHMARK_RULES } from '../benchmarks/benchmark-rules';
import { AgencyDisclosureRules } from './disclosure-rules.aggregate';
import type { AgencyDisclosureRulesEvent } from './disclosure-rules.events';
import { DisclosureRulesTooLaxError } from './disclosure-rules.errors';

const agencyId = 'a0000000-0000-4000-8000-000000000001';
const at = new Date('2026-12-06T10:00:00Z');
const set = (k: number, minOrganisations = 3, maxSharePercent = 60): AgencyDisclosureRulesEvent => ({
  type: 'AgencyDisclosureRulesSet',
  agencyId,
  k,
  minOrganisations,
  maxSharePercent,
  at: at.toISOString(),
});

describe("an agency's disclosure rules", () => {
  it('are the defaults until set', () => {
    expect(new AgencyDisclosureRules().state.rules).toEqual(DEFAULT_BENCHMARK_RULES);
  });

  it('take a stricter k and benchmark minimums, and keep every change', () => {
    given(AgencyDisclosureRules)
      .when((r) => r.set(agencyId, { k: 7, minOrganisations: 3, maxSharePercent: 60 }, at))
      .then(set(7));
    given(AgencyDisclosureRules, set(7))
      .when((r) => r.set(agencyId, { k: 10, minOrganisations: 4, maxSharePercent: 50 }, at))
      .then(set(10, 4, 50));
    const rules = new AgencyDisclosureRules();
    rules.rehydrate([set(7), set(5)], 1);
    expect(rules.state.rules.k).toBe(5);
    expect(rules.state.changes.map((c) => c.k)).toEqual([7, 5]);
  });

  it.each([
    ['k below 5', { k: 4, minOrganisations: 3, maxSharePercent: 60 }],
    ['k not whole', { k: 5.5, minOrganisations: 3, maxSharePercent: 60 }],
    ['k above 50', { k: 51, minOrganisations: 3, maxSharePercent: 60 }],
    ['fewer than 3 organisations', { k: 5, minOrganisations: 2, maxSharePercent: 60 }],
    ['a share above 60 %', { k: 5, minOrganisations: 3, maxSharePercent: 61 }],
  ])('refuses %s', (_, rules) =>
    given(AgencyDisclosureRules)
      .when((r) => r.set(agencyId, rules, at))
      .thenThrows(DisclosureRulesTooLaxError),
  );
});
