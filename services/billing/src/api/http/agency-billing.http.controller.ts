import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiFileResponse, ApiProblemResponse, ConditionalWrite, OPTIONAL_UUID_PARAM, UUID_PARAM, VersionedRead } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { BillingCommands } from '../../application/billing.commands';
import { BillingQueries } from '../../application/billing.queries';
import { CreditNotes } from '../../application/credit-notes';
import { InvoiceRuns } from '../../application/invoice-runs';
import { BillingAccountNotFoundError } from '../../domain/billing.errors';
import {
  BillingAccountView,
  CreditNoteIssuedView,
  DocumentsView,
  InvoiceRunView,
  IssuedDocumentView,
  PriceListPublishedView,
  SubscriptionsView,
} from './billing.responses.dto';
import { documentView, priceListView, sendExport, subscriptionView, type ExportReply } from './billing.views';
import { DOCUMENT_NUMBER, OPTIONAL_YEAR, YEAR } from './billing.params';
import {
  BillingAccountRequest,
  CreditNoteRequest,
  EndSubscriptionRequest,
  InvoiceRunRequest,
  PriceListRequest,
  SubscriptionRequest,
} from './billing.request.dto';

/**
 * The agency's coordinator: the billing account (supplier, threshold), price lists, subscriptions, invoice runs,
 * credit notes and the documents with their exports. Every route is the agency's own (tenant scope).
 */
@ApiTags('billing (coordinator)')
@ApiBearerAuth()
@Controller('agencies/:agencyId/billing')
@Roles('coordinator')
@TenantScope({ agency: 'params.agencyId' })
export class AgencyBillingHttpController {
  constructor(
    private readonly commands: BillingCommands,
    private readonly runs: InvoiceRuns,
    private readonly credits: CreditNotes,
    private readonly queries: BillingQueries,
  ) {}

  @Get('account')
  @VersionedRead()
  @ApiProblemResponse(404, 'No billing account yet')
  @ApiOkResponse({ type: BillingAccountView })
  async account(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<BillingAccountView> {
    const account = await this.commands.account(agencyId);
    if (!account?.state.settings) throw new BillingAccountNotFoundError();
    return { ...account.state.settings, priceLists: account.state.priceLists.map(priceListView), version: account.version };
  }

  @Put('account')
  @HttpCode(204)
  @ConditionalWrite()
  async configure(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: BillingAccountRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    const { name, street, postcode, city, country, kvk, vatId, iban } = body.supplier;
    await this.commands.configure(
      agencyId,
      { supplier: { name, street, postcode, city, country, kvk, vatId, iban }, paymentTermDays: body.paymentTermDays, k: body.k ?? 5 },
      contextOf(p, req),
    );
  }

  @Post('price-lists')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PriceListPublishedView })
  @ApiProblemResponse(404, 'No billing account yet')
  @ApiProblemResponse(422, 'Bands or the date break a rule')
  async publishPrices(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: PriceListRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<PriceListPublishedView> {
    const bands = body.bands.map((band) => ({
      minHeadcount: band.minHeadcount,
      plan: band.plan,
      yearlyFeeCents: band.yearlyFeeCents,
      includedMinutesPerYear: band.includedHoursPerYear * 60,
    }));
    const { effectiveFrom, period, hourlyRateCents, vatRatePercent } = body;
    const version = await this.commands.publishPrices(
      agencyId,
      { effectiveFrom, period, hourlyRateCents, vatRatePercent, bands },
      contextOf(p, req),
    );
    return { version };
  }

  @Get('subscriptions')
  @ApiOkResponse({ type: SubscriptionsView })
  async subscriptions(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<SubscriptionsView> {
    return { subscriptions: (await this.queries.subscriptions(agencyId)).map(subscriptionView) };
  }

  @Put('subscriptions/:organisationId')
  @HttpCode(204)
  @ConditionalWrite()
  @ApiProblemResponse(409, 'The subscription has ended')
  @ApiProblemResponse(422, 'No client organisation of your agency by that id')
  async subscribe(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: SubscriptionRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    const { name, street, postcode, city, country } = body.address;
    await this.commands.subscribe(
      agencyId,
      organisationId,
      body.startsOn,
      { address: { name, street, postcode, city, country }, buyerReference: body.buyerReference, language: body.language },
      contextOf(p, req),
    );
  }

  @Post('subscriptions/:organisationId/end')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No subscription of that organisation with your agency')
  @ApiProblemResponse(409, 'The subscription has ended already')
  async end(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: EndSubscriptionRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    await this.commands.endSubscription(organisationId, body.endsOn, contextOf(p, req));
  }

  @Post('invoice-runs')
  @HttpCode(200)
  @ApiOkResponse({ type: InvoiceRunView })
  @ApiProblemResponse(404, 'No billing account yet')
  @ApiProblemResponse(422, 'No price list, or `through` is not before today')
  async run(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: InvoiceRunRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<InvoiceRunView> {
    return this.runs.run(agencyId, body.through, contextOf(p, req));
  }

  @Get('invoices')
  @ApiOkResponse({ type: DocumentsView })
  async invoices(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Query('year', OPTIONAL_YEAR) year?: number,
    @Query('organisationId', OPTIONAL_UUID_PARAM) organisationId?: string,
  ): Promise<DocumentsView> {
    return { documents: await this.queries.list({ agencyId, ...(year ? { year } : {}), ...(organisationId ? { organisationId } : {}) }) };
  }

  @Get('invoices/:number')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  @ApiOkResponse({ type: IssuedDocumentView })
  async invoice(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('number', DOCUMENT_NUMBER) number: string,
  ): Promise<IssuedDocumentView> {
    return documentView(await this.queries.document(number, { agencyId }));
  }

  @Get('invoices/:number/pdf')
  @ApiFileResponse('application/pdf', 'The invoice as PDF/A-3 with its UBL embedded')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  async pdf(@Param('agencyId', UUID_PARAM) agencyId: string, @Param('number', DOCUMENT_NUMBER) number: string, @Res() res: ExportReply) {
    sendExport(res, await this.queries.exports(number, { agencyId }), 'pdf', number);
  }

  @Get('invoices/:number/ubl')
  @ApiFileResponse('application/xml', 'The invoice as UBL 2.1 (SI-UBL 2.0)')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  async ubl(@Param('agencyId', UUID_PARAM) agencyId: string, @Param('number', DOCUMENT_NUMBER) number: string, @Res() res: ExportReply) {
    sendExport(res, await this.queries.exports(number, { agencyId }), 'ubl', number);
  }

  @Post('invoices/:number/credit-notes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreditNoteIssuedView })
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  @ApiProblemResponse(409, 'Credited in full already')
  @ApiProblemResponse(422, 'More than is left of a line')
  async credit(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('number', DOCUMENT_NUMBER) number: string,
    @Body() body: CreditNoteRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<CreditNoteIssuedView> {
    const lines = body.lines?.map((line) => ({ lineId: line.lineId, amountCents: line.amountCents }));
    return { number: await this.credits.issue(agencyId, number, { reason: body.reason, ...(lines ? { lines } : {}) }, contextOf(p, req)) };
  }

  @Get('bookkeeping.csv')
  @ApiFileResponse('text/csv', 'The bookkeeping export of the year')
  async bookkeeping(@Param('agencyId', UUID_PARAM) agencyId: string, @Query('year', YEAR) year: number, @Res() res: ExportReply) {
    const csv = await this.queries.bookkeeping(agencyId, year);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="boekhouding-${year}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(csv);
  }
}
