import { given } from '@vertrouwd/domain';
import { narrativeWarnings } from './narrative';
import { OrganisationReports, type Publication } from './organisation-reports.aggregate';
import type { OrganisationReportsEvent, PublishedContent } from './organisation-reports.events';
import { ReportNotFoundError, YearNotOverError } from './reports.errors';

const organisationId = '6c803c6b-3ad7-46df-b7a6-6635d64c97df';
const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
const at = new Date('2026-01-10T10:00:00Z');
const opened: OrganisationReportsEvent = { type: 'ReportsOpened', organisationId, agencyId, at: at.toISOString() };
const content = { year: 2025, publication: 1 } as PublishedContent;
const publication = (n: number): Publication => ({
  year: 2025,
  publication: n,
  content: { ...content, publication: n },
  digest: 'd'.repeat(64),
  signature: 's',
  ledgerEntries: [{ publication: `2025/${n}`, table: 'total', key: '2025|total', cells: ['a'], value: 7, reason: null }],
});
const published = (n: number): OrganisationReportsEvent => ({ type: 'ReportPublished.v2', ...publication(n), at: at.toISOString() });

describe('an organisation’s annual reports', () => {
  it('opens once', () => {
    given(OrganisationReports)
      .when((r) => r.open(organisationId, agencyId, at))
      .then(opened);
    given(OrganisationReports, opened)
      .when((r) => r.open(organisationId, agencyId, at))
      .then();
  });

  it('publishes a year only once it is over, numbering publications 1, 2, …', () => {
    given(OrganisationReports, opened)
      .when((r) => r.publish(publication(1), '2025-12-31', at))
      .thenThrows(YearNotOverError);
    given(OrganisationReports, opened)
      .when((r) => r.publish(publication(1), '2026-01-01', at))
      .then(published(1));
    const { aggregate } = given(OrganisationReports, opened, published(1), published(2));
    expect(aggregate.nextPublication()).toBe(3);
    expect(aggregate.publication(2025).publication).toBe(2);
    expect(aggregate.publication(2025, 1).publication).toBe(1);
    expect(() => aggregate.publication(2024)).toThrow(ReportNotFoundError);
  });

  it('keeps the ledger: every cell published before a publication', () => {
    const { aggregate } = given(OrganisationReports, opened, published(1), published(2));
    expect(aggregate.ledger(1)).toEqual([]);
    expect(aggregate.ledger(2).map((e) => e.publication)).toEqual(['2025/1']);
    expect(aggregate.ledger().map((e) => e.publication)).toEqual(['2025/1', '2025/2']);
  });
});

describe('the narrative check', () => {
  const warn = (signals: string, advice = '') => narrativeWarnings({ signals, advice }, 5).map((w) => `${w.field}:${w.rule}`);

  it('warns of numbers below k, in digits or words, not of larger ones or the article "een"', () => {
    expect(warn('Er waren 3 meldingen.')).toEqual(['signals:small-number']);
    expect(warn('Twee medewerkers meldden pesten.')).toEqual(['signals:small-number']);
    expect(warn('Er was een training; 12 deelnemers.')).toEqual([]);
    expect(warn('Three people asked.')).toEqual(['signals:small-number']);
  });

  it('warns of a capitalised word inside a sentence or two in a row, not of months, days or institutions', () => {
    expect(warn('Meldingen kwamen van Piet.')).toEqual(['signals:name-like']);
    expect(warn('Fatima El Amrani vroeg om hulp.')).toEqual(['signals:name-like']);
    expect(warn('In Maart en op Maandag sprak de OR met HR.')).toEqual([]);
    expect(warn('Pesten kwam voor. Intimidatie ook.')).toEqual([]);
  });
});
