import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiFileResponse, ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { ReportsService } from '../../application/reports/reports.service';
import { reportCsv } from '../../application/reports/report-csv';
import { amsterdamDay } from '@vertrouwd/domain';
import { PUBLICATION, YEAR } from './reporting.params';
import { NarrativeRequest } from './reporting.request.dto';
import {
  NarrativeWarningsView,
  PublicationsView,
  PublishedReportView,
  PublishedView,
  ReportContentView,
  ReportSigningKeysView,
  ReproductionView,
} from './reporting.responses.dto';
import { ApiReportPdf, AUDIENCE, LANGUAGE, sendPdf, type DownloadReply } from './reporting.downloads';
import type { ReportAudience, ReportLanguage } from '../../application/reports/report-labels';

interface CsvReply {
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

const today = () => amsterdamDay(new Date());

/** The agency's annual reports per client organisation: the draft, the counsellor's narrative, publication. */
@ApiTags('reporting (agency)')
@ApiBearerAuth()
@Controller('agencies/:agencyId/organisations/:organisationId/reports')
@TenantScope({ agency: 'params.agencyId' })
export class AgencyReportsHttpController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiProblemResponse(404, 'No client organisation of your agency by that id')
  @ApiOkResponse({ type: PublicationsView })
  async list(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
  ): Promise<PublicationsView> {
    await this.reports.assertOwned(agencyId, organisationId);
    return { publications: await this.reports.list(organisationId) };
  }

  @Get(':year/draft')
  @Roles('coordinator', 'advisor')
  @ApiProblemResponse(404, 'No client organisation of your agency by that id')
  @ApiOkResponse({ type: ReportContentView, description: 'The report as it would be published today, not signed' })
  async draft(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
  ): Promise<ReportContentView> {
    return this.reports.draft(agencyId, organisationId, year, today());
  }

  @Put(':year/narrative')
  @Roles('coordinator', 'advisor')
  @ApiProblemResponse(404, 'No client organisation of your agency by that id')
  @ApiOkResponse({ type: NarrativeWarningsView, description: 'Stored; what in it may identify someone' })
  async narrative(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @Body() body: NarrativeRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<NarrativeWarningsView> {
    return {
      warnings: await this.reports.writeNarrative(
        agencyId,
        organisationId,
        year,
        { signals: body.signals, advice: body.advice },
        contextOf(p, req),
      ),
    };
  }

  @Post(':year/publications')
  @HttpCode(201)
  @ApiCreatedResponse({ type: PublishedView })
  @Roles('coordinator')
  @ApiProblemResponse(404, 'No client organisation of your agency by that id')
  @ApiProblemResponse(409, 'Another publication was made meanwhile')
  @ApiProblemResponse(422, 'The year is not over')
  async publish(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<PublishedView> {
    const published = await this.reports.publish(agencyId, organisationId, year, today(), contextOf(p, req));
    return { publication: published.publication, digest: published.digest, signature: published.signature };
  }

  @Get(':year/publications/:publication')
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiProblemResponse(404, 'No such publication')
  @ApiOkResponse({ type: PublishedReportView })
  async publication(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @Param('publication', PUBLICATION) publication: number,
  ): Promise<PublishedReportView> {
    await this.reports.assertOwned(agencyId, organisationId);
    const found = await this.reports.published(organisationId, year, publication);
    return { ...found.content, digest: found.digest, signature: found.signature };
  }

  @Get(':year/publications/:publication/reproduction')
  @Roles('auditor', 'coordinator')
  @ApiProblemResponse(404, 'No such publication')
  @ApiOkResponse({ type: ReproductionView })
  async reproduce(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @Param('publication', PUBLICATION) publication: number,
  ): Promise<ReproductionView> {
    return this.reports.reproduce(agencyId, organisationId, year, publication);
  }

  @Get(':year/publications/:publication/pdf')
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiReportPdf()
  @ApiProblemResponse(404, 'No such publication')
  async pdf(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @Param('publication', PUBLICATION) publication: number,
    @Query('language', LANGUAGE) language: ReportLanguage,
    @Query('audience', AUDIENCE) audience: ReportAudience,
    @Res() res: DownloadReply,
  ) {
    await this.reports.assertOwned(agencyId, organisationId);
    sendPdf(res, await this.reports.pdf(organisationId, year, publication, language, audience));
  }
}

/** The employer contact: their organisation's published reports, nothing else. */
@ApiTags('reporting (employer)')
@ApiBearerAuth()
@Controller('organisations/:organisationId/reports')
@Roles('employer')
@TenantScope({ organisation: 'params.organisationId' })
export class EmployerReportsHttpController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({ type: PublicationsView })
  async list(@Param('organisationId', UUID_PARAM) organisationId: string): Promise<PublicationsView> {
    return { publications: await this.reports.list(organisationId) };
  }

  @Get(':year')
  @ApiProblemResponse(404, 'No published report for that year')
  @ApiOkResponse({ type: PublishedReportView, description: "The year's latest publication" })
  async latest(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
  ): Promise<PublishedReportView> {
    const found = await this.reports.published(organisationId, year);
    return { ...found.content, digest: found.digest, signature: found.signature };
  }

  @Get(':year/csv')
  @ApiFileResponse('text/csv', "The published report's figures")
  @ApiProblemResponse(404, 'No published report for that year')
  async csv(@Param('organisationId', UUID_PARAM) organisationId: string, @Param('year', YEAR) year: number, @Res() res: CsvReply) {
    const found = await this.reports.published(organisationId, year);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="jaarverslag-${year}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(reportCsv(found.content));
  }

  @Get(':year/pdf')
  @ApiReportPdf()
  @ApiProblemResponse(404, 'No published report for that year')
  async pdf(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
    @Query('language', LANGUAGE) language: ReportLanguage,
    @Query('audience', AUDIENCE) audience: ReportAudience,
    @Res() res: DownloadReply,
  ) {
    sendPdf(res, await this.reports.pdf(organisationId, year, undefined, language, audience));
  }
}

/**
 * Public: the key that verifies a published report's signature, so that anyone holding a report (its JSON, or the
 * digest and signature printed in its PDF) can check it came from this service unaltered. No token needed.
 */
@ApiTags('reporting (public)')
@Controller('report-signing-keys')
@Public()
export class ReportSigningKeysHttpController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ type: ReportSigningKeysView, description: 'The Ed25519 public key as a JWK set and as PEM, with what it signs' })
  keys(): Promise<ReportSigningKeysView> {
    return this.reports.signingKeys();
  }
}
