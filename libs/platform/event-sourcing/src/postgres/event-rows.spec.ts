import { InvalidAppendError } from '../errors';
import { encodeEvents } from './event-rows';

const encode = (data: unknown) => encodeEvents([{ type: 'Noted', data }]);

describe('encodeEvents: JSON text PostgreSQL stores and returns unchanged', () => {
  it('refuses a NUL character or a lone surrogate, in data or in metadata', () => {
    for (const text of ['a\u0000b', '\u0000', 'x\ud800', '\udfff y', 'p\\\u0000']) {
      expect(() => encode({ text })).toThrow(InvalidAppendError);
      expect(() => encode({ [text]: 1 })).toThrow(/NUL character or a lone surrogate/);
    }
    expect(() => encodeEvents([{ type: 'Noted', data: {}, metadata: { note: 'a\u0000' } }])).toThrow(/metadata/);
  });

  it('keeps text that only looks like an escape, and well-formed surrogate pairs', () => {
    // A path with `\u` in it: JSON.stringify escapes the backslash, so the text holds `\\u`, not an escape.
    for (const text of ['C:\\users\\d800', '\\u0000', '\\\\ud800', 'emoji \ud83d\ude00', 'control \u0001 and \u001f', '']) {
      const [event] = encode({ text });
      expect(JSON.parse(event.dataJson)).toEqual({ text });
    }
  });
});
