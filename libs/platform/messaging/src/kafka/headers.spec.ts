import { decodeHeaders, decodeText, encodeHeaders, encodeText } from './headers';

describe('Kafka header and payload encoding', () => {
  it('round-trips headers through bytes as UTF-8, names and values alike', () => {
    const headers = { traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`, 'x-correlation-id': 'c-1', naam: 'Zoë 💬' };
    const encoded = encodeHeaders(headers);
    expect([...encoded.keys()].every(Buffer.isBuffer)).toBe(true);
    expect(encoded.get([...encoded.keys()][2])?.equals(Buffer.from('Zoë 💬', 'utf8'))).toBe(true);
    expect(decodeHeaders(encoded)).toEqual(headers);
  });

  it('sends no headers when there are none', () => {
    expect(encodeHeaders(undefined).size).toBe(0);
    expect(encodeHeaders({}).size).toBe(0);
    expect(decodeHeaders([])).toEqual({});
  });

  it('refuses a header value that is not a string rather than sending [object Object]', () => {
    expect(() => encodeHeaders({ n: 2 as unknown as string })).toThrow('header n: a string');
  });

  it('keeps the last value of a name another producer repeated', () => {
    const raw: [Buffer, Buffer][] = [
      [encodeText('n'), encodeText('1')],
      [encodeText('other'), encodeText('x')],
      [encodeText('n'), encodeText('2')],
    ];
    expect(decodeHeaders(raw)).toEqual({ n: '2', other: 'x' });
  });

  it('reads a null header value, key or value as the empty string', () => {
    expect(
      decodeHeaders([
        [encodeText('empty'), null],
        [encodeText('missing'), undefined],
      ]),
    ).toEqual({ empty: '', missing: '' });
    expect(decodeText(null)).toBe('');
    expect(decodeText(undefined)).toBe('');
  });

  it('keeps a header named __proto__ as a plain header, not a prototype', () => {
    const decoded = decodeHeaders([[encodeText('__proto__'), encodeText('x')]]);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__']);
    expect(decoded['__proto__']).toBe('x');
  });

  it('decodes keys and values as UTF-8 text', () => {
    expect(decodeText(encodeText('{"zaak":"ü"}'))).toBe('{"zaak":"ü"}');
  });
});
