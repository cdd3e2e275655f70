import type { AccountBody, CreditNoteBody, SubscriptionBody } from './agency-billing.server';
import { cents, text, whole } from '../ui/coordinator-form';
import type { Refusal } from './problem.server';

// The billing forms' fields as the service's request bodies. The portal checks only their shape (a number is a
// number); the billing service decides validity and names the field it refuses (its paths are the forms' names).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IBAN or VAT id as people type it ("nl91 abna …"): the service's form has no spaces and capitals. */
const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export function accountBody(form: FormData): AccountBody {
  const k = text(form, 'k');
  return {
    supplier: {
      name: text(form, 'supplier.name'),
      street: text(form, 'supplier.street'),
      postcode: text(form, 'supplier.postcode').toUpperCase(),
      city: text(form, 'supplier.city'),
      country: text(form, 'supplier.country') as 'NL',
      kvk: text(form, 'supplier.kvk'),
      vatId: compact(text(form, 'supplier.vatId')),
      iban: compact(text(form, 'supplier.iban')),
    },
    paymentTermDays: whole(form, 'paymentTermDays'),
    // Left empty: the service's default (5), which the generated type makes explicit.
    k: k === '' ? 5 : whole(form, 'k'),
  };
}

export function subscriptionBody(form: FormData): SubscriptionBody {
  return {
    startsOn: text(form, 'startsOn'),
    address: {
      name: text(form, 'address.name'),
      street: text(form, 'address.street'),
      postcode: text(form, 'address.postcode').toUpperCase(),
      city: text(form, 'address.city'),
      country: text(form, 'address.country') as 'NL',
    },
    buyerReference: text(form, 'buyerReference'),
    language: text(form, 'language') as SubscriptionBody['language'],
  };
}

/** The organisation chosen in the picker, or the refusal that names the picker (nothing chosen is no request). */
export function chosenOrganisation(form: FormData): { organisationId: string } | { refusal: Refusal } {
  const organisationId = text(form, 'organisationId');
  if (UUID.test(organisationId)) return { organisationId };
  return { refusal: { status: 400, title: '', fields: [{ field: 'organisationId', rule: 'isUuid' }] } };
}

/**
 * The credit note the form asks for: the whole of what is left, or the amounts typed at some lines (in euros). The
 * service names a refused amount by its place in `lines`; `lineIds` turns that back into the line's own field.
 */
export function creditBody(
  form: FormData,
  invoiceLines: readonly { id: string }[],
): { body: CreditNoteBody; lineIds: string[] } | { refusal: Refusal } {
  const reason = text(form, 'reason') as CreditNoteBody['reason'];
  if (text(form, 'scope') !== 'lines') return { body: { reason }, lineIds: [] };
  const typed = invoiceLines.filter((line) => text(form, `line-${line.id}`) !== '');
  if (typed.length === 0) return { refusal: { status: 400, title: '', fields: [{ field: 'lines', rule: 'arrayMinSize' }] } };
  return {
    body: { reason, lines: typed.map((line) => ({ lineId: line.id, amountCents: cents(form, `line-${line.id}`) })) },
    lineIds: typed.map((line) => line.id),
  };
}

/** A refusal of a credit note with each `lines[i]…` path named as the line's field (`line-<id>`). */
export function creditRefusal(refusal: Refusal, lineIds: readonly string[]): Refusal {
  const fields = refusal.fields.map((f) => {
    const index = /^lines\[(\d+)\]/.exec(f.field)?.[1];
    const lineId = index === undefined ? undefined : lineIds[Number(index)];
    // An amount that was not one reaches the service as no number: say so in words of amounts.
    return lineId === undefined ? f : { field: `line-${lineId}`, rule: f.rule === 'isInt' ? 'isAmount' : f.rule };
  });
  return { ...refusal, fields };
}
