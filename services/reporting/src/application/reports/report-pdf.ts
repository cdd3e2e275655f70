import { createHash } from 'node:crypto';
import { printable, startPdfA, type PdfWriter, type TextStyle } from '@vertrouwd/documents';
import type { PublishedContent } from '../../domain/reports/organisation-reports.events';
import {
  cellLabel,
  formatDay,
  formatMinutes,
  nameOf,
  REPORT_LABELS,
  type ReportAudience,
  type ReportLabels,
  type ReportLanguage,
} from './report-labels';

const PRODUCER = 'Vertrouwd (PDFKit 0.20.2)';
// A4 in points. The running footer sits in the bottom margin.
const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const LEFT = PAGE.margin;
const RIGHT = PAGE.width - PAGE.margin;
const CONTENT = RIGHT - LEFT;
const BOTTOM = PAGE.height - PAGE.margin;
const BODY: TextStyle = { width: CONTENT, size: 9.5 };

type Struct = PDFKit.PDFStructureElement;

/** What is printed about the publication besides its content: its digest and signature, as recorded. */
export interface PublicationProof {
  digest: string;
  signature: string;
}

/**
 * The annual report as a PDF/A-3a for the board or the works council, in Dutch or English, from a publication's
 * content alone: every figure as published (a blank as `< k`), the hours, activities, trend, the low-visibility
 * signal, the narrative, and at the end how to verify it (digest, signature, reproduction). The two audiences differ
 * in addressee, introduction and closing words, never in a figure. The same publication, language and audience give
 * the same bytes: dated by the publication day, the file id derived from the digest.
 */
export async function renderReportPdf(
  content: PublishedContent,
  proof: PublicationProof,
  language: ReportLanguage,
  audience: ReportAudience,
): Promise<Buffer> {
  const l = REPORT_LABELS[language];
  const document = startPdfA({
    title: `${l.title(content.year)}: ${l.audience[audience]} (${l.publication.toLowerCase()} ${content.publication})`,
    language,
    date: new Date(`${content.publishedOn}T00:00:00Z`),
    fileId: createHash('sha256').update(`${proof.digest}\n${language}\n${audience}`).digest().subarray(0, 16),
    margin: PAGE.margin,
    producer: PRODUCER,
  });
  new ReportLayout(document.writer, document.root, content, proof, l, audience).layOut();
  return document.end();
}

class ReportLayout {
  private y = PAGE.margin;
  private page = 1;
  private readonly below: string;

  constructor(
    private readonly w: PdfWriter,
    private readonly root: Struct,
    private readonly c: PublishedContent,
    private readonly proof: PublicationProof,
    private readonly l: ReportLabels,
    private readonly audience: ReportAudience,
  ) {
    this.below = `< ${c.k}`;
  }

  layOut(): void {
    const { c, l } = this;
    this.footer();
    this.line('H1', l.title(c.year), { width: CONTENT, weight: 'bold', size: 18 }, 4);
    this.line('P', l.audience[this.audience], { width: CONTENT, weight: 'bold', size: 12 }, 2);
    this.line('P', l.published(c.publication, formatDay(c.publishedOn, l)), BODY, 0);
    if (c.headcount !== null) this.line('P', `${l.headcount}: ${c.headcount}`, BODY, 0);
    this.y += 10;
    this.paragraph(l.introduction[this.audience](c.year));

    this.heading(l.cases);
    this.paragraph(l.casesIntro);
    this.trendTable();
    this.paragraph(c.trend.direction === null ? l.direction.none : l.direction[c.trend.direction]);
    for (const id of ['by-theme', 'by-relation', 'by-anonymity', 'by-state', 'by-site', 'referrals', 'deadlines-missed'] as const) {
      // A report published before sites were kept has no site table.
      if (id === 'by-site' && !this.c.tables.some((t) => t.id === id)) continue;
      this.heading(l.tables[id], 3);
      this.table(
        [l.columns[id], l.count],
        this.cells(id).map((cell) => [cellLabel(cell.key, l), this.figure(cell.value)]),
      );
    }

    this.heading(l.hoursHeading, 3);
    this.table(
      [l.columns.hours, l.hoursUnit],
      [
        [l.activitiesMinutes, formatMinutes(c.hours.activitiesMinutes)],
        [l.caseWorkMinutes, c.hours.caseWorkMinutes === null ? '—' : formatMinutes(c.hours.caseWorkMinutes)],
      ],
    );
    this.heading(l.activitiesHeading, 3);
    if (c.activities.length === 0) this.paragraph(l.noActivities);
    else
      this.table(
        [l.activity, l.times, l.hoursUnit],
        c.activities.map((a) => [nameOf(l.kinds, a.kind), String(a.count), formatMinutes(a.minutes)]),
      );

    this.heading(l.visibility);
    this.paragraph(
      c.visibility.low ? l.visibilityLow(c.visibility.agencyReportsPer100) : l.visibilityFine(c.visibility.agencyReportsPer100),
    );
    if (c.visibility.suggestions.length > 0) {
      this.paragraph(l.suggestions);
      for (const kind of c.visibility.suggestions) this.paragraph(`•  ${nameOf(l.kinds, kind)}`, 2);
    }

    this.heading(l.narrative);
    this.narrative(l.signals, c.narrative.signals);
    this.narrative(l.advice, c.narrative.advice);
    this.paragraph(l.discussion[this.audience]);

    this.heading(l.legend);
    this.paragraph(l.legendSuppressed(c.k));
    this.paragraph(l.legendHidden);

    const facts: [string, string][] = [
      [l.publication, String(c.publication)],
      [l.publishedOn, formatDay(c.publishedOn, l)],
      [l.organisation, c.organisationId],
      [l.threshold, `k = ${c.k}`],
      [l.method, c.algorithm],
      [l.cutOff, String(c.factsVersion)],
      [l.digest, this.proof.digest],
      [l.signature, this.proof.signature],
    ];
    const valueStyle: TextStyle = { width: CONTENT - 130, size: 8.5 };
    const explanation = l.howToVerify(c.year, c.publication);
    // The section stays on one page: the figures that identify the publication beside how to check them.
    this.room(
      36 + facts.reduce((sum, [, value]) => sum + this.w.heightOf(value, valueStyle) + 2, 0) + 6 + this.w.heightOf(explanation, BODY),
    );
    this.heading(l.verification, 0);
    for (const [label, value] of facts) {
      this.w.text(this.root, 'P', `${label}:`, LEFT, this.y, { width: 125, size: 8.5, weight: 'bold' });
      this.y += this.w.text(this.root, 'P', value, LEFT + 130, this.y, valueStyle) + 2;
    }
    this.y += 6;
    this.paragraph(explanation);
  }

  /** The table's cells of the publication, in published order. */
  private cells(id: string) {
    return this.c.tables.find((t) => t.id === id)?.cells ?? [];
  }

  private figure(value: number | null): string {
    return value === null ? this.below : String(value);
  }

  /** Quarters of this year against last year's, and the totals: the trend in one table. */
  private trendTable(): void {
    const { c, l } = this;
    const value = (tableId: string, key: string) => this.figure(this.cells(tableId).find((cell) => cell.key === key)?.value ?? null);
    const rows = [1, 2, 3, 4].map((q) => [
      l.quarter(q),
      value('last-year-by-quarter', `${c.year - 1}|Q${q}`),
      value('by-quarter', `${c.year}|Q${q}`),
    ]);
    rows.push([l.total, value('last-year-total', `${c.year - 1}|total`), value('total', `${c.year}|total`)]);
    this.table([l.trend, String(c.year - 1), String(c.year)], rows, rows.length - 1);
  }

  /** A table: first column words, the others figures (right-aligned); `boldRow` is a totals row. */
  private table(headings: string[], rows: string[][], boldRow = -1): void {
    const { w } = this;
    // Figures right-aligned in columns of 80 points, 12 of them space before the figure.
    const figureWidth = 80;
    const labelWidth = CONTENT - figureWidth * (headings.length - 1);
    const x = (i: number) => (i === 0 ? LEFT : LEFT + labelWidth + figureWidth * (i - 1) + 12);
    const width = (i: number) => (i === 0 ? labelWidth - 8 : figureWidth - 12);
    const table = w.doc.struct('Table');
    this.root.add(table);
    const row = (cells: string[], type: 'TH' | 'TD', weight: 'regular' | 'bold') => {
      const height = Math.max(...cells.map((text, i) => w.heightOf(text, { width: width(i), weight, size: 9.5 })));
      if (this.y + height > BOTTOM) this.newPage();
      const tr = w.doc.struct('TR');
      table.add(tr);
      cells.forEach((text, i) =>
        w.text(tr, type, text, x(i), this.y, { width: width(i), align: i === 0 ? 'left' : 'right', weight, size: 9.5 }),
      );
      tr.end();
      this.y += height + 3;
    };
    row(headings, 'TH', 'bold');
    w.rule(LEFT, RIGHT, this.y - 1);
    this.y += 2;
    rows.forEach((cells, i) => row(cells, 'TD', i === boldRow ? 'bold' : 'regular'));
    table.end();
    w.rule(LEFT, RIGHT, this.y - 1);
    this.y += 8;
  }

  /** A section heading, kept on the page with at least `keep` lines of what follows. */
  private heading(text: string, keep = 4): void {
    this.y += 8;
    this.room(20 + keep * 14);
    this.line('H2', text, { width: CONTENT, weight: 'bold', size: 12 }, 4);
  }

  private line(type: string, text: string, style: TextStyle, after: number): void {
    this.room(this.w.heightOf(text, style));
    this.y += this.w.text(this.root, type, text, LEFT, this.y, style) + after;
  }

  private paragraph(text: string, after = 6): void {
    this.line('P', text, BODY, after);
  }

  /**
   * The counsellor's text as written under its heading: one paragraph per line break, control characters printed as
   * spaces. A paragraph is never split (4,000 characters fit on a page); the heading stays with the first one.
   */
  private narrative(heading: string, text: string): void {
    const paragraphs = printable(text)
      .split(/\r\n|\r|\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (paragraphs.length === 0) paragraphs.push(this.l.none);
    const style: TextStyle = { width: CONTENT, weight: 'bold', size: 10 };
    this.room(this.w.heightOf(heading, style) + 2 + this.w.heightOf(paragraphs[0], BODY));
    this.line('H3', heading, style, 2);
    for (const p of paragraphs) this.paragraph(p);
  }

  /** Starts a new page unless `height` still fits on this one. */
  private room(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  private newPage(): void {
    this.w.doc.addPage();
    this.page += 1;
    this.y = PAGE.margin;
    this.footer();
  }

  /** The running footer: which report and publication, its digest's start, the page. */
  private footer(): void {
    const { c, l } = this;
    const y = PAGE.height - PAGE.margin + 18;
    const style: TextStyle = { width: CONTENT - 60, size: 7.5 };
    this.w.artifact(
      `${l.title(c.year)} · ${l.publication.toLowerCase()} ${c.publication} · ${c.publishedOn} · SHA-256 ${this.proof.digest.slice(0, 16)}…`,
      LEFT,
      y,
      style,
    );
    this.w.artifact(l.page(this.page), RIGHT - 60, y, { width: 60, size: 7.5, align: 'right' });
  }
}
