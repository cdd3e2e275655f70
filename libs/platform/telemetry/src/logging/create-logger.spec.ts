import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { inSpan } from '../tracing/in-span';
import { startTelemetry } from '../tracing/start-telemetry';
import { capturedLogger } from './fixtures/captured-logger';

class CaseAlreadyClosedError extends Error {
  readonly code = 'CASE_CLOSED';
}

describe('createLogger', () => {
  it('writes no canary from personal fields, at any depth, in arrays, or as sealed strings', () => {
    const { logger, text, lines } = capturedLogger();
    logger.info(
      {
        caseId: 'c-1',
        name: 'CANARY-01',
        reporter: { firstName: 'CANARY-02', email: 'CANARY-03@example.org', contact: { phone: 'CANARY-04' } },
        report: { narrative: 'CANARY-05', details: { deeper: { summary: 'CANARY-06', account: 'CANARY-07' } } },
        witnesses: [{ name: 'CANARY-08', contactDetails: 'CANARY-09' }, 'sealed:CANARY-10'],
        sealedNote: 'sealed:v1:key-1:CANARY-11',
        nested: { list: [['sealed:CANARY-12']] },
        follow_up: { receiptCode: 'CANARY-13', passphrase: 'CANARY-14' },
        req: { body: { text: 'CANARY-15' }, headers: { authorization: 'Bearer CANARY-16', cookie: 'CANARY-17' } },
        contacts: ['CANARY-18'],
      },
      'report submitted',
    );
    expect(text()).not.toContain('CANARY');
    const [line] = lines();
    expect(line).toMatchObject({
      level: 30,
      service: 'case',
      msg: 'report submitted',
      caseId: 'c-1',
      name: '[redacted]',
      reporter: { firstName: '[redacted]', email: '[redacted]', contact: '[redacted]' },
      witnesses: [{ name: '[redacted]', contactDetails: '[redacted]' }, '[sealed]'],
      sealedNote: '[sealed]',
      nested: { list: [['[sealed]']] },
    });
    expect(line).not.toHaveProperty('hostname');
  });

  it('scrubs messages, printf arguments and child bindings', () => {
    const { logger, text, lines } = capturedLogger();
    logger
      .child({ reporter: { email: 'CANARY-20@example.org' }, caseId: 'c-1' })
      .warn('mail to CANARY-21@example.org failed, %s', 'sealed:CANARY-22');
    logger.info('phoned 06-12345678 about %o', { name: 'CANARY-23' });
    expect(text()).not.toMatch(/CANARY|12345678/);
    expect(lines()[0]).toMatchObject({ caseId: 'c-1', reporter: { email: '[redacted]' }, msg: 'mail to [email] failed, [sealed]' });
  });

  it('logs an error as its class, code and stack frames, never its message', () => {
    const { logger, text, lines } = capturedLogger();
    const error = new CaseAlreadyClosedError('case of CANARY-30@example.org is closed');
    logger.error(error);
    logger.error({ err: error, caseId: 'c-1' });
    logger.error({ err: new Error('outer CANARY-31', { cause: new TypeError('inner CANARY-32') }) }, 'projection failed');
    expect(text()).not.toContain('CANARY');
    const [first, second, third] = lines();
    expect(first).toMatchObject({ msg: 'CaseAlreadyClosedError', err: { type: 'CaseAlreadyClosedError', code: 'CASE_CLOSED' } });
    expect((first.err as { stack: string }).stack).toMatch(/^at /);
    expect(second).toMatchObject({ msg: 'CaseAlreadyClosedError', caseId: 'c-1' });
    expect(third).toMatchObject({ msg: 'projection failed', err: { type: 'Error', cause: { type: 'TypeError' } } });
  });

  it('survives cycles, buffers and odd values', () => {
    const { logger, lines } = capturedLogger();
    const cyclic: Record<string, unknown> = { caseId: 'c-1' };
    cyclic.self = cyclic;
    logger.info({ cyclic, bytes: Buffer.from('CANARY'), when: new Date(0), count: 10n, ids: new Set(['a']) });
    expect(lines()[0]).toMatchObject({ cyclic: { caseId: 'c-1', self: '[circular]' }, bytes: '[binary]', count: '10', ids: ['a'] });
  });

  it('adds trace_id and span_id inside a span, and nothing outside', async () => {
    const telemetry = startTelemetry({ serviceName: 'case', exporter: new InMemorySpanExporter() });
    const { logger, lines } = capturedLogger();
    const ids = await inSpan('command AcknowledgeCase', {}, (span) => {
      logger.info('acknowledged');
      return span.spanContext();
    });
    logger.info('outside');
    await telemetry.shutdown();
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId, trace_flags: '01' });
    expect(outside).not.toHaveProperty('trace_id');
  });
});
