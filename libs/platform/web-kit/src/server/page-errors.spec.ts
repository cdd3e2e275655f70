import { logPageError } from './page-errors.ts';

// What a page's failure leaves in the log: the error's class and a correlation id, never what it quotes.
const CANARY = 'CANARY-jansen-0612345678';

/** An error as a library might throw it while handling a form: its input in the message, a property and a cause. */
function quotingError(): Error {
  const cause = new RangeError(`value out of range: ${CANARY}`);
  return Object.assign(new TypeError(`Invalid value "${CANARY}"`, { cause }), { input: CANARY, code: 'ERR_INVALID_ARG_VALUE' });
}

describe('logPageError', () => {
  it('writes one line with the class, the code, the cause’s class and a correlation id, and nothing the error quotes', () => {
    const lines: string[] = [];
    const id = logPageError('portal', quotingError(), (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({
      level: 'error',
      time: expect.any(String),
      service: 'portal',
      msg: 'a page failed',
      error: 'TypeError',
      code: 'ERR_INVALID_ARG_VALUE',
      cause: 'RangeError',
      correlationId: id,
    });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names neither a thrown string nor an error whose name or code was made of its input', () => {
    const lines: string[] = [];
    logPageError('reporter-site', `failed for ${CANARY}`, (line) => lines.push(line));
    logPageError('reporter-site', Object.assign(new Error('x'), { name: `Bad ${CANARY}`, code: `${CANARY} here` }), (line) =>
      lines.push(line),
    );
    expect(lines.map((line) => (JSON.parse(line) as { error: string }).error)).toEqual(['string', 'Error']);
    expect(lines.join('\n')).not.toContain('CANARY');
  });

  it('writes to standard error by default, and nothing of the canary reaches standard output or standard error', () => {
    const written = { stdout: [] as string[], stderr: [] as string[] };
    const capture = (into: string[]) => (chunk: string | Uint8Array) => (into.push(String(chunk)), true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture(written.stderr));
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture(written.stdout));
    try {
      logPageError('portal', quotingError());
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
    expect(written.stderr).toHaveLength(1);
    expect(written.stderr[0]).toContain('"error":"TypeError"');
    expect([...written.stdout, ...written.stderr].join('')).not.toContain('CANARY');
  });
});
