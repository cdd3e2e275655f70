import { conflict, notFound, unprocessable } from '@vertrouwd/domain';

// Refusals by a rule: the kind gives the HTTP status (conflict 409, unprocessable 422, not found 404); the message
// names the rule and never carries content.

export class BillingAccountNotFoundError extends notFound(
  'BillingAccountNotFoundError',
  'The agency has no billing account yet: set its supplier details first',
) {}
export class NoPriceListError extends unprocessable('NoPriceListError', 'No price list is in force for that period: publish one first') {}
export class BandsError extends unprocessable(
  'BandsError',
  'Bands start at 1 employee and each next band starts at a higher headcount; fees and hours are whole, non-negative numbers',
) {}
export class EffectiveFromError extends unprocessable(
  'EffectiveFromError',
  'A price list applies from the first day of an invoicing period, after the previous version; a change of period starts on 1 January',
) {}
export class ThresholdError extends unprocessable('ThresholdError', 'The disclosure threshold k is at least 5 cases') {}
export class SubscriptionNotFoundError extends notFound(
  'SubscriptionNotFoundError',
  'No subscription of that organisation with your agency',
) {}
export class SubscriptionExistsError extends conflict('SubscriptionExistsError', 'The organisation has a subscription already') {}
export class SubscriptionEndedError extends conflict('SubscriptionEndedError', 'The subscription has ended') {}
export class SubscriptionEndError extends unprocessable('SubscriptionEndError', 'A subscription ends on or after the day it starts') {}
export class OrganisationUnknownError extends unprocessable(
  'OrganisationUnknownError',
  'No client organisation of your agency by that id in the directory',
) {}
export class InvoiceNotFoundError extends notFound('InvoiceNotFoundError', 'No invoice of yours by that number') {}
export class AlreadyInvoicedError extends conflict('AlreadyInvoicedError', 'That organisation and period are invoiced already') {}
export class NumberTakenError extends conflict('NumberTakenError', 'That number is not the next one of the series') {}
export class CreditExceedsInvoiceError extends unprocessable(
  'CreditExceedsInvoiceError',
  'A credit note credits at most what is left of each line of the invoice it corrects',
) {}
export class NothingToCreditError extends conflict('NothingToCreditError', 'The invoice is credited in full already') {}
export class RunWindowError extends unprocessable(
  'RunWindowError',
  'An invoice run covers periods that have ended: `through` must be a day before today, the issue date',
) {}
