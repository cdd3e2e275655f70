import { conflict, notFound } from '@vertrouwd/domain';

// Refusals by a rule: the kind gives the HTTP status (conflict 409, unprocessable 422, not found 404, forbidden
// 403); the message names the rule and never carries content.

export class BillingNotFoundError extends notFound('BillingNotFoundError', 'No such billing of yours') {}
export class BillingAlreadyOpenedError extends conflict('BillingAlreadyOpenedError', 'This billing is already open') {}
export class BillingAlreadyClosedError extends conflict('BillingAlreadyClosedError', 'This billing is already closed') {}
