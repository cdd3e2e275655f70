import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ApiFileResponse, ApiProblemResponse } from '@vertrouwd/http';
import { REPORT_AUDIENCES, REPORT_LANGUAGES, type ReportAudience, type ReportLanguage } from '../../application/reports/report-labels';
import type { RenderedReport } from '../../application/reports/reports.service';
import { oneOf } from './reporting.params';

export interface DownloadReply {
  setHeader(name: string, value: string): unknown;
  end(body: string | Buffer): unknown;
}

export const LANGUAGE = oneOf<ReportLanguage>('language', REPORT_LANGUAGES);
export const AUDIENCE = oneOf<ReportAudience>('audience', REPORT_AUDIENCES);

/** The OpenAPI of a report PDF download: the two query parameters, the media type, the bad-query problem. */
export const ApiReportPdf = () =>
  applyDecorators(
    ApiFileResponse('application/pdf', 'The report as PDF'),
    ApiQuery({ name: 'language', required: true, enum: REPORT_LANGUAGES }),
    ApiQuery({ name: 'audience', required: true, enum: REPORT_AUDIENCES, description: 'board or works council: same figures' }),
    ApiProblemResponse(400, 'language or audience missing or not one of the values'),
  );

/** Sends a report PDF with its digest (RFC 9530 `Repr-Digest`), like billing's downloads. */
export function sendPdf(res: DownloadReply, rendered: RenderedReport): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(rendered.digest, 'hex').toString('base64')}:`);
  res.end(rendered.pdf);
}
