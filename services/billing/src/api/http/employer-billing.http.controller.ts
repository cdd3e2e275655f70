import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { ApiFileResponse, ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { BillingQueries } from '../../application/billing.queries';
import { SubscriptionNotFoundError } from '../../domain/billing.errors';
import { DocumentsView, IssuedDocumentView, SubscriptionView } from './billing.responses.dto';
import { documentView, sendExport, subscriptionView, type ExportReply } from './billing.views';
import { DOCUMENT_NUMBER } from './billing.params';

/** The employer contact of an organisation: its own contract and invoices, to read and download; nothing else. */
@ApiTags('billing (employer)')
@ApiBearerAuth()
@Controller('organisations/:organisationId/billing')
@Roles('employer')
@TenantScope({ organisation: 'params.organisationId' })
export class EmployerBillingHttpController {
  constructor(private readonly queries: BillingQueries) {}

  @Get('subscription')
  @ApiProblemResponse(404, 'No subscription')
  @ApiOkResponse({ type: SubscriptionView })
  async subscription(@Param('organisationId', UUID_PARAM) organisationId: string): Promise<SubscriptionView> {
    const row = await this.queries.subscription(organisationId);
    if (!row) throw new SubscriptionNotFoundError();
    return subscriptionView(row);
  }

  @Get('invoices')
  @ApiOkResponse({ type: DocumentsView })
  async invoices(@Param('organisationId', UUID_PARAM) organisationId: string): Promise<DocumentsView> {
    return { documents: await this.queries.list({ organisationId }) };
  }

  @Get('invoices/:number')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  @ApiOkResponse({ type: IssuedDocumentView })
  async invoice(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('number', DOCUMENT_NUMBER) number: string,
  ): Promise<IssuedDocumentView> {
    return documentView(await this.queries.document(number, { organisationId }));
  }

  @Get('invoices/:number/pdf')
  @ApiFileResponse('application/pdf', 'The invoice as PDF/A-3 with its UBL embedded')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  async pdf(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('number', DOCUMENT_NUMBER) number: string,
    @Res() res: ExportReply,
  ) {
    sendExport(res, await this.queries.exports(number, { organisationId }), 'pdf', number);
  }

  @Get('invoices/:number/ubl')
  @ApiFileResponse('application/xml', 'The invoice as UBL 2.1 (SI-UBL 2.0)')
  @ApiProblemResponse(404, 'No invoice of yours by that number')
  async ubl(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('number', DOCUMENT_NUMBER) number: string,
    @Res() res: ExportReply,
  ) {
    sendExport(res, await this.queries.exports(number, { organisationId }), 'ubl', number);
  }
}
