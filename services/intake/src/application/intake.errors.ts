import { conflict, forbidden, notFound, unauthenticated, unavailable, unprocessable } from '@vertrouwd/domain';

// Refusals of intake's use cases beyond the report's own rules (domain/report/report.errors.ts): the kind gives the
// HTTP status; messages name the rule and never carry content.

export class IntakeCodeNotFoundError extends notFound('IntakeCodeNotFoundError', 'No organisation has this intake code') {}
/** Names the field, never the value: the reporter chose someone the page does not list (another organisation's, gone). */
export class ChosenCounsellorNotListedError extends unprocessable(
  'ChosenCounsellorNotListedError',
  "preferences.counsellorId must be one of the counsellors listed on this organisation's intake page",
) {}
/** Names the field, never the value: a province where the organisation has no site. */
export class SiteNotListedError extends unprocessable(
  'SiteNotListedError',
  "site must be one of the sites listed on this organisation's intake page",
) {}
/** Names the fields, never the values: an address or number for a channel the reporter did not choose is not dropped unsaid. */
export class ContactForAnotherChannelError extends unprocessable(
  'ContactForAnotherChannelError',
  'contact.email is accepted only with the channel email, and contact.phone only with the channel phone',
) {}
export class ReportNotFoundError extends notFound('ReportNotFoundError', 'No such report') {}
export class ConsentTextNotFoundError extends notFound('ConsentTextNotFoundError', 'No consent text has this version') {}
export class RevealNotPendingError extends notFound('RevealNotPendingError', 'No identity reveal request waiting for you on this case') {}
export class SummaryNotOnCaseError extends notFound('SummaryNotOnCaseError', 'No such summary on this case') {}
export class SummaryVersionOutdatedError extends conflict(
  'SummaryVersionOutdatedError',
  'A newer version of this summary was shared: answer that one',
) {}
export class ConsentNotOnCaseError extends notFound('ConsentNotOnCaseError', 'No such consent on this case') {}
/** One answer for an unknown receipt and a wrong passphrase: nobody learns which receipts exist. */
export class ReceiptNotMatchedError extends unauthenticated('ReceiptNotMatchedError', 'The receipt code and passphrase do not match') {}
export class NotTheSiteError extends forbidden('NotTheSiteError', "Only the reporter's site reports the visits it served") {}
export class FollowUpUnavailableError extends unavailable('FollowUpUnavailableError', 'Follow-up is not configured') {}
/** A report whose storing ended without a known outcome (a lost connection): not stored again here; try again later. */
export class ReportNotStoredError extends unavailable('ReportNotStoredError', 'The report could not be stored now; try again later') {}
