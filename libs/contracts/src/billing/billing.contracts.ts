import type { TObject, TProperties } from 'typebox';
import type { FieldClasses } from '../contract';
import { contractV1, count, day, instant, uuid } from '../fields';

// Billing's published language: only that a client organisation has a written agreement with its agency, and from
// when to when. Never the invoicing name, address, buyer reference, prices or amounts: those stay in billing.

const event = <P extends TProperties, O extends keyof P & string = never>(
  name: string,
  description: string,
  properties: P,
  fields: FieldClasses<TObject<P>>,
  optional: readonly O[] = [],
) => contractV1('billing', name, description, properties, fields, optional);

/**
 * An organisation's subscription (the written agreement with its agency), whole, after it started, its terms changed
 * or it ended (the highest version wins). `endsOn` is absent while the agreement runs without an end day.
 */
export const SubscriptionPublishedV1 = event(
  'subscription-published',
  'A client organisation’s written agreement with its agency started, changed or ended (the highest version wins); consumed by reporting (compliance).',
  { agencyId: uuid, organisationId: uuid, version: count, startsOn: day, endsOn: day, changedAt: instant },
  { agencyId: 'id', organisationId: 'id', version: 'count', startsOn: 'timestamp', endsOn: 'timestamp', changedAt: 'timestamp' },
  ['endsOn'],
);

export const BILLING_CONTRACTS = [SubscriptionPublishedV1];
