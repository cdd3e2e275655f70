import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@vertrouwd/domain';
import { WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { metadataOf, type CommandContext } from '@vertrouwd/service-kit';
import type { BillingSettings } from '../domain/account/billing-account.events';
import { BillingAccountNotFoundError, NoPriceListError, OrganisationUnknownError, RunWindowError } from '../domain/billing.errors';
import { buildInvoice } from '../domain/invoices/invoice-builder';
import { documentNumber, InvoiceSeries } from '../domain/invoices/invoice-series.aggregate';
import type { DocumentDigests } from '../domain/invoices/invoice-series.events';
import { amsterdamDay } from '@vertrouwd/domain';
import { addDays } from '../domain/pricing/calendar';
import type { PeriodCharge } from '../domain/pricing/charges';
import { versionOn, type PriceListVersion } from '../domain/pricing/price-list';
import { scheduleCharges } from '../domain/pricing/schedule';
import { BillingAccounts, InvoiceSeriesStreams } from './billing.repositories';
import { BILLING_READS, type BillingReads, type OrganisationFacts, type SubscriptionRow } from './ports/billing-reads.port';
import { DOCUMENT_RENDERER, type DocumentRenderer, type RenderedDocument } from './ports/document-renderer.port';

export interface RunResult {
  issueDate: string;
  through: string;
  /** The numbers this run gave, in order. */
  issued: string[];
  /** Subscriptions the run could not invoice, with the rule that stopped it (nothing else about them). */
  skipped: { organisationId: string; rule: string }[];
}

interface Due {
  subscription: SubscriptionRow;
  organisation: OrganisationFacts;
  charge: PeriodCharge;
  prices: PriceListVersion;
}

/** Documents appended per write: one append per batch, so a run of 10,000 is a hundred appends, not 10,000. */
const BATCH = 100;

export function digestsOf(rendered: RenderedDocument): DocumentDigests {
  const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
  return { ubl: sha256(rendered.ubl), pdf: sha256(rendered.pdf) };
}

/**
 * The invoice run: for every subscription of the agency, every period that ended on or before `through` and has no
 * invoice yet. A fixed schedule, never triggered by a case (ADR 0031). Numbers come from the series' stream version,
 * so two runs at once neither share a number nor leave a gap: the loser of an append reloads and numbers again.
 */
@Injectable()
export class InvoiceRuns {
  private readonly logger = new Logger(InvoiceRuns.name);

  constructor(
    private readonly accounts: BillingAccounts,
    private readonly series: InvoiceSeriesStreams,
    @Inject(BILLING_READS) private readonly reads: BillingReads,
    @Inject(DOCUMENT_RENDERER) private readonly renderer: DocumentRenderer,
  ) {}

  async run(agencyId: string, through: string, context: CommandContext, at = new Date()): Promise<RunResult> {
    const issueDate = amsterdamDay(at);
    if (!(through < issueDate)) throw new RunWindowError();
    const account = await this.accounts.load(agencyId);
    const settings = account?.state.settings;
    if (!account || !settings) throw new BillingAccountNotFoundError();
    const priceLists = account.state.priceLists;
    if (priceLists.length === 0) throw new NoPriceListError();

    await this.reads.settled(); // a subscription started a moment ago is in this run
    const subscriptions = await this.reads.subscriptionsOf(agencyId);
    const ids = subscriptions.map((s) => s.organisationId);
    const [organisations, usage] = await Promise.all([this.reads.organisations(ids), this.reads.usage(ids)]);
    const due: Due[] = [];
    const skipped: RunResult['skipped'] = [];
    for (const subscription of subscriptions) {
      const organisation = organisations.get(subscription.organisationId);
      if (!organisation || organisation.agencyId !== agencyId) {
        skipped.push({ organisationId: subscription.organisationId, rule: new OrganisationUnknownError().name });
        continue;
      }
      try {
        const charges = scheduleCharges({
          subscription: { startsOn: subscription.startsOn, ...(subscription.endsOn ? { endsOn: subscription.endsOn } : {}) },
          priceLists,
          headcounts: organisation.headcounts,
          usage: usage.get(subscription.organisationId) ?? [],
          k: settings.k,
          through,
        });
        for (const charge of charges) {
          due.push({
            subscription,
            organisation,
            charge,
            prices: versionOn(priceLists, charge.period.start) ?? priceLists[0],
          });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push({ organisationId: subscription.organisationId, rule: error.name });
      }
    }
    // Deterministic order: by period, then organisation; each period's year is its series.
    due.sort(
      (a, b) => cmp(a.charge.period.start, b.charge.period.start) || cmp(a.subscription.organisationId, b.subscription.organisationId),
    );
    const issued: string[] = [];
    for (const year of [...new Set(due.map((item) => Number(item.charge.period.start.slice(0, 4))))]) {
      const inYear = due.filter((item) => item.charge.period.start.startsWith(`${year}-`));
      issued.push(...(await this.issueInSeries(agencyId, year, inYear, settings, issueDate, context, at)));
    }
    return { issueDate, through, issued, skipped };
  }

  private async issueInSeries(
    agencyId: string,
    year: number,
    items: Due[],
    settings: BillingSettings,
    issueDate: string,
    context: CommandContext,
    at: Date,
  ): Promise<string[]> {
    const id = InvoiceSeries.idOf(agencyId, year);
    const issued: string[] = [];
    let series = (await this.series.load(id)) ?? new InvoiceSeries(id);
    for (let conflicts = 0; ;) {
      const pending = items.filter((item) => !series.isInvoiced(item.subscription.organisationId, item.charge.period.key));
      if (pending.length === 0) return issued;
      // The batch's documents are numbered in order, rendered at once (the renderer uses every core), then issued.
      const batch = pending.slice(0, BATCH).map((item, index) => ({
        item,
        document: buildInvoice(
          {
            number: documentNumber(year, series.state.sequence + 1 + index),
            issueDate,
            dueDate: addDays(issueDate, settings.paymentTermDays),
            supplier: settings.supplier,
            customer: {
              ...item.subscription.terms.address,
              kvk: item.organisation.kvk,
              ...(item.organisation.vatId ? { vatId: item.organisation.vatId } : {}),
            },
            buyerReference: item.subscription.terms.buyerReference,
            language: item.subscription.terms.language,
          },
          item.charge,
          item.prices,
        ),
      }));
      const rendered = await Promise.all(batch.map(({ document }) => this.renderer.render(document)));
      const numbers: string[] = [];
      for (const [index, { item, document }] of batch.entries()) {
        series.issueInvoice(item.subscription.organisationId, item.charge.period.key, document, digestsOf(rendered[index]), at);
        numbers.push(document.number);
      }
      try {
        await this.series.save(series, metadataOf(context));
        issued.push(...numbers);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || ++conflicts > 50) throw error;
        this.logger.log(`invoice series ${year} moved on under a concurrent run: numbering again`);
        series = (await this.series.load(id)) ?? new InvoiceSeries(id);
      }
    }
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
