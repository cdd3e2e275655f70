import { readPdf } from '@vertrouwd/testing';
import type { PublishedContent } from '../../domain/reports/organisation-reports.events';
import { cellLabel, REPORT_LABELS } from './report-labels';
import { renderReportPdf } from './report-pdf';

// A small organisation's publication: every cell blank, so are the hours of case work; no activities; the longest
// narrative the API takes, in paragraphs. What the board reads must be all of it, on pages that do not overflow.
const sentence = 'Medewerkers weten niet goed waar zij terechtkunnen met zorgen over omgangsvormen op de werkvloer. ';
const long = (n: number) => `${sentence.repeat(n).trim()}\n\n`;
const content: PublishedContent = {
  schema: 'vertrouwd.annual-report/1',
  organisationId: '3f1c2d4e-0000-4000-8000-000000000001',
  year: 2025,
  publication: 2,
  publishedOn: '2026-02-02',
  k: 6,
  algorithm: 'gauss-interval-2026.12',
  factsVersion: 12,
  headcount: 14,
  tables: [
    { id: 'total', cells: [{ key: '2025|total', value: null, reason: 'primary' }] },
    { id: 'by-quarter', cells: [1, 2, 3, 4].map((q) => ({ key: `2025|Q${q}`, value: null, reason: 'primary' })) },
    { id: 'by-theme', cells: [{ key: '2025|theme=bullying', value: null, reason: 'primary' }] },
    { id: 'last-year-total', cells: [{ key: '2024|total', value: 8, reason: null }] },
    { id: 'last-year-by-quarter', cells: [1, 2, 3, 4].map((q) => ({ key: `2024|Q${q}`, value: null, reason: 'ledger' })) },
    { id: 'deadlines-missed', cells: [{ key: '2025|missed=feedback|wbk', value: null, reason: 'primary' }] },
  ],
  hours: { activitiesMinutes: 0, caseWorkMinutes: null },
  activities: [],
  trend: { thisYear: null, lastYear: 8, direction: null },
  visibility: { low: false, suggestions: [], agencyReportsPer100: null },
  narrative: { signals: long(38).trim(), advice: `${long(20)}${long(18)}`.trim() },
};
const proof = { digest: 'c0ffee'.repeat(10) + 'c0ff', signature: 'A'.repeat(86) + '==' };

describe('the annual report PDF', () => {
  it('prints every blank as "< k", hidden hours as a dash, and the whole narrative, across pages', async () => {
    const pdf = await renderReportPdf(content, proof, 'nl', 'works-council');
    const l = REPORT_LABELS.nl;
    const { lines, pages } = await readPdf(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(lines).toContain(`${l.total} 8 < 6`);
    expect(lines).toContain(`${cellLabel('2025|theme=bullying', l)} < 6`);
    expect(lines).toContain('Terugkoppeling (Wbk) < 6');
    expect(lines).toContain(`${l.caseWorkMinutes} —`);
    expect(lines).toContain(l.noActivities);
    expect(lines).toContain(l.direction.none);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(sentence.repeat(38).trim());
    expect(lines.filter((line) => line.endsWith(l.page(pages)))).toHaveLength(1);
    expect(lines.join(' ')).toContain('< 6: niet getoond');
  });

  it('gives the same bytes for the same publication, language and audience, and another file for the other audience', async () => {
    const first = await renderReportPdf(content, proof, 'en', 'board');
    expect((await renderReportPdf(structuredClone(content), proof, 'en', 'board')).equals(first)).toBe(true);
    const other = await renderReportPdf(content, proof, 'en', 'works-council');
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(other)).not.toBe(id(first));
    expect((await readPdf(first)).info).toMatchObject({ CreationDate: 'D:20260202000000Z', ModDate: 'D:20260202000000Z' });
  });
});
