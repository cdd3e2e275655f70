import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDIT_REASONS } from './billing-values';
import { accountBody, chosenOrganisation, creditBody, creditRefusal } from './billing-forms.server';

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};
// The billing service's committed OpenAPI document (libs/web-api, ADR 0049).
const billingApi = JSON.parse(readFileSync(join(__dirname, '../../../../libs/web-api/openapi/billing.json'), 'utf8')) as {
  components: { schemas: { CreditNoteRequest: { properties: { reason: { enum: string[] } } } } };
};
const LINES = [{ id: '1' }, { id: '2' }, { id: '3' }];

describe('the billing forms', () => {
  it('offer exactly the reasons for a credit note that the service takes', () => {
    expect(CREDIT_REASONS).toEqual(billingApi.components.schemas.CreditNoteRequest.properties.reason.enum);
  });

  it('send an IBAN and VAT id as the service writes them, typed with spaces and small letters', () => {
    const body = accountBody(
      formOf({ 'supplier.iban': 'nl91 abna 0417 1643 00', 'supplier.vatId': 'nl 899911122 b01', paymentTermDays: '30', k: '' }),
    );
    expect(body.supplier.iban).toBe('NL91ABNA0417164300');
    expect(body.supplier.vatId).toBe('NL899911122B01');
    expect(body.k).toBe(5);
  });

  it('refuse a subscription without a chosen organisation at the picker', () => {
    expect(chosenOrganisation(formOf({ organisationId: '' }))).toEqual({
      refusal: { status: 400, title: '', fields: [{ field: 'organisationId', rule: 'isUuid' }] },
    });
  });

  it('credit the whole invoice unless amounts are chosen, then only the lines with an amount, in cents', () => {
    expect(creditBody(formOf({ reason: 'goodwill', scope: 'all', 'line-1': '10' }), LINES)).toEqual({
      body: { reason: 'goodwill' },
      lineIds: [],
    });
    expect(creditBody(formOf({ reason: 'goodwill', scope: 'lines', 'line-1': '', 'line-3': '100,50' }), LINES)).toEqual({
      body: { reason: 'goodwill', lines: [{ lineId: '3', amountCents: 10_050 }] },
      lineIds: ['3'],
    });
    expect(creditBody(formOf({ reason: 'goodwill', scope: 'lines' }), LINES)).toEqual({
      refusal: { status: 400, title: '', fields: [{ field: 'lines', rule: 'arrayMinSize' }] },
    });
  });

  it("name a refused amount at its own line's field, an amount that was none in words of amounts", () => {
    const refusal = {
      status: 400,
      title: 'Invalid request',
      fields: [
        { field: 'lines[1].amountCents', rule: 'isInt' },
        { field: 'lines[0].amountCents', rule: 'max' },
        { field: 'reason', rule: 'isIn' },
      ],
    };
    expect(creditRefusal(refusal, ['2', '3']).fields).toEqual([
      { field: 'line-3', rule: 'isAmount' },
      { field: 'line-2', rule: 'max' },
      { field: 'reason', rule: 'isIn' },
    ]);
  });
});
