import type { Attributes } from '@opentelemetry/api';
import { isPersonalField, looksPersonal } from './personal-data';

/**
 * Span attribute keys that may carry a value. Anything else is refused unless it names an id. Extend this list
 * (with a reason in review) rather than bypassing it: a trace is exported to systems outside the privacy model.
 */
export const ALLOWED_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  // OpenTelemetry semantic conventions the platform sets. Never url.full, url.query, client.address or
  // user_agent.original: an anonymous reporter's address or browser would identify them.
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'url.scheme',
  'network.protocol.version',
  'messaging.system',
  'messaging.destination.name',
  'messaging.operation.type',
  'messaging.operation.name',
  'messaging.consumer.group.name',
  'messaging.batch.message_count',
  'messaging.destination.partition.id',
  'db.system.name',
  'db.operation.name',
  'db.collection.name',
  'error.type',
  'exception.type',
  'code.function.name',
  // Vertrouwd's own
  'vertrouwd.command',
  'vertrouwd.query',
  'vertrouwd.event.type',
  'vertrouwd.stream.category',
  'vertrouwd.stream.version',
  'vertrouwd.position',
  'vertrouwd.projection',
  'vertrouwd.attributes.refused',
]);

/** Attribute key attached to a span when {@link safeAttributes} refused some of its attributes. */
export const REFUSED_COUNT_KEY = 'vertrouwd.attributes.refused';

// `caseId`, `case_id`, `vertrouwd.case.id`, `messaging.message.id`, `caseIds`: ids are pseudonymous, and they
// are what makes a trace useful.
const ID_KEY = /(?:^|[._])ids?$|[a-z]Ids?$/;
// An id is one token: no spaces (a name would have one), no `@`, bounded length.
const ID_VALUE = /^[\w.:/-]{1,128}$/;
const MAX_STRING = 256;

/** What a kept attribute may be (the API's `AttributeValue` is `unknown` since 1.10: this is the narrower truth). */
type Scalar = string | number | boolean;
type Kept = Scalar | Scalar[];

function acceptedValue(key: string, value: unknown): Kept | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value.length > MAX_STRING || looksPersonal(value)) return undefined;
    if (!ALLOWED_ATTRIBUTE_KEYS.has(key) && !ID_VALUE.test(value)) return undefined;
    return value;
  }
  if (Array.isArray(value) && value.length > 0) {
    const kept = value.map((v) => acceptedValue(key, v));
    const scalars = kept.filter((v): v is Scalar => v !== undefined && !Array.isArray(v) && typeof v === typeof kept[0]);
    return scalars.length === kept.length ? scalars : undefined;
  }
  return undefined;
}

/**
 * Keeps only attributes that cannot carry personal data: keys from {@link ALLOWED_ATTRIBUTE_KEYS} or naming an
 * id, with scalar values that are not sealed and do not look like an e-mail address, phone number or free text.
 * Refused attributes are dropped, never thrown about (telemetry must not fail a request); their number is
 * recorded under {@link REFUSED_COUNT_KEY} so a review can find the call site.
 */
export function safeAttributes(input: Readonly<Record<string, unknown>> | undefined): Attributes {
  const safe: Attributes = {};
  let refused = 0;
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === undefined || key === REFUSED_COUNT_KEY) continue;
    const keyAllowed = ALLOWED_ATTRIBUTE_KEYS.has(key) || (ID_KEY.test(key) && !isPersonalField(key));
    const accepted = keyAllowed ? acceptedValue(key, value) : undefined;
    if (accepted === undefined) refused++;
    else safe[key] = accepted;
  }
  const carried = input?.[REFUSED_COUNT_KEY];
  const total = refused + (typeof carried === 'number' ? carried : 0);
  if (total > 0) safe[REFUSED_COUNT_KEY] = total;
  return safe;
}
