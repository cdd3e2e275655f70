import type { CaseView } from '../../api/case.server';
import { reportOf } from './report-of';

// The case page shows the report from the case's opening: the account as written, and of the contact details the
// channel only, never the address or number the case service opened with them.
const opened = (data: Record<string, unknown>): CaseView => ({
  caseId: 'c',
  status: 'open',
  history: [{ type: 'CaseOpened', version: 1, recordedAt: '2026-11-20T10:00:00.000Z', data }],
});
const facts = { theme: 'bullying', relation: 'manager', anonymity: 'anonymous', receivedAt: '2026-11-20T09:59:00.000Z' };

describe('the report shown on the case page', () => {
  it('gives the account as written, whitespace and all, with the facts of the report', () => {
    expect(reportOf(opened({ ...facts, sealedAccount: '  line one\n\n<b>two</b>' }))).toEqual({
      ...facts,
      account: { text: '  line one\n\n<b>two</b>' },
      contact: 'platform',
    });
  });

  it('keeps only the channel of the contact details', () => {
    const shown = reportOf(opened({ ...facts, sealedAccount: 'a', sealedContact: { channel: 'phone', phone: '+31 6 1234 5678' } }));
    expect(shown?.contact).toBe('phone');
    expect(JSON.stringify(shown)).not.toContain('1234');
  });

  it('says an account or contact that cannot be read is so, never shows it as something else', () => {
    const erased = reportOf(opened({ ...facts, sealedAccount: { erased: true }, sealedContact: { erased: true } }));
    expect(erased).toMatchObject({ account: { unreadable: 'erased' }, contact: 'erased' });
    expect(reportOf(opened({ ...facts, sealedAccount: { refused: true }, sealedContact: { refused: true } }))).toMatchObject({
      account: { unreadable: 'refused' },
      contact: 'unknown',
    });
  });

  it('has nothing to show for a history without the opening', () => {
    expect(reportOf({ caseId: 'c', status: 'open', history: [] })).toBeUndefined();
  });
});
