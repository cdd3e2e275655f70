import { oneLine, printable } from './document-text';

describe('document text', () => {
  it('keeps what people write, right-to-left marks included', () => {
    expect(printable('Bakkerij Zoë, محمد\u200F 12\n')).toBe('Bakkerij Zoë, محمد\u200F 12\n');
  });

  it('turns control characters and direction overrides into spaces and lone surrogates into U+FFFD, the same in every export', () => {
    expect(printable('a\u0000b\u202Ec\u2066d\uD800')).toBe('a b c d\uFFFD');
    expect(oneLine(' Kerkstraat 1\r\nUtrecht\u202E ')).toBe('Kerkstraat 1 Utrecht');
  });
});
