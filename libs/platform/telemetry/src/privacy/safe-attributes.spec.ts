import { isPersonalField, looksPersonal, scrubText } from './personal-data';
import { safeAttributes } from './safe-attributes';

describe('personal data rules', () => {
  it.each([
    'name',
    'Email',
    'reporter_name',
    'phoneNumber',
    'IBAN',
    'receipt-code',
    'passphrase',
    'contactDetails',
    'contacts',
    'narrative',
  ])('%s is a personal field', (key) => expect(isPersonalField(key)).toBe(true));

  it.each(['caseId', 'type', 'eventType', 'status', 'occurredAt', 'organisationId', 'count'])('%s is not', (key) =>
    expect(isPersonalField(key)).toBe(false),
  );

  it.each([
    ['mail jan.jansen@example.org now', 'mail [email] now'],
    ['call +31 6 1234 5678, 06-12345678 or 020 1234567', 'call [number], [number] or [number]'],
    ['bsn 123456789, phone 06 1234 5678', 'bsn [number], phone [number]'],
    ['pay to NL91ABNA0417164300 or NL91 ABNA 0417 1643 00.', 'pay to [iban] or [iban].'],
    ['value sealed:v1:k-9:AbC/+= in text', 'value [sealed] in text'],
  ])('rewrites %j', (text, expected) => expect(scrubText(text)).toBe(expected));

  it.each([
    'case 0190a5c8-7b1e-7c3a-9f2e-123456789012 acknowledged',
    'traceparent 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    'took 1234 ms at 2026-03-02T09:00:00.000Z',
    'case.case-acknowledged.v1 at position 42',
  ])('keeps %j', (text) => expect(looksPersonal(text)).toBe(false));
});

describe('safeAttributes', () => {
  it('keeps allow-listed keys and ids with id-like values', () => {
    expect(
      safeAttributes({
        'http.route': '/cases/:caseId',
        'http.response.status_code': 200,
        caseId: '0190a5c8-7b1e-7c3a-9f2e-123456789012',
        'vertrouwd.organisation.id': 'org-7',
        advisor_id: 'adv-1',
        'messaging.message.id': 'm-1',
        'vertrouwd.event.type': 'case.case-acknowledged.v1',
      }),
    ).toEqual({
      'http.route': '/cases/:caseId',
      'http.response.status_code': 200,
      caseId: '0190a5c8-7b1e-7c3a-9f2e-123456789012',
      'vertrouwd.organisation.id': 'org-7',
      advisor_id: 'adv-1',
      'messaging.message.id': 'm-1',
      'vertrouwd.event.type': 'case.case-acknowledged.v1',
    });
  });

  it('refuses keys that are neither allow-listed nor ids, and counts them', () => {
    expect(
      safeAttributes({ email: 'x', narrative: 'y', 'url.full': 'https://x/?q=1', 'user_agent.original': 'Mozilla', caseId: 'c-1' }),
    ).toEqual({
      caseId: 'c-1',
      'vertrouwd.attributes.refused': 4,
    });
  });

  it('refuses sealed, personal-looking and free-text values even under an allowed key', () => {
    expect(
      safeAttributes({
        caseId: 'sealed:abc',
        reportId: 'jan@example.org',
        advisorId: 'Jan Jansen',
        organisationId: '+31612345678',
        'http.route': 'x'.repeat(300),
        contactId: 'c-1',
        ok: undefined,
      }),
    ).toEqual({ 'vertrouwd.attributes.refused': 6 });
  });

  it('accepts homogeneous arrays of safe values only, and no objects', () => {
    expect(safeAttributes({ caseIds: ['c-1', 'c-2'] })).toEqual({ caseIds: ['c-1', 'c-2'] });
    expect(
      safeAttributes({
        'vertrouwd.case.id': ['c-1', 'c-2'],
        'vertrouwd.report.id': ['r-1', 'jan@example.org'],
        'vertrouwd.x.id': { a: 1 },
      }),
    ).toEqual({
      'vertrouwd.case.id': ['c-1', 'c-2'],
      'vertrouwd.attributes.refused': 2,
    });
  });

  it('adds to a refused count already on the attributes, so filtering twice does not lose it', () => {
    expect(safeAttributes(safeAttributes({ email: 'x', caseId: 'c-1' }))).toEqual({ caseId: 'c-1', 'vertrouwd.attributes.refused': 1 });
  });
});
