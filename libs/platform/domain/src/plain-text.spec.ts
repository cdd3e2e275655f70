import { isPlainText } from './plain-text';

describe('plain text', () => {
  it('takes what people write, in any script, emoji included', () => {
    for (const text of ['Jan de Vries', 'Zoë Çelik', 'محمد', 'Łódź', 'naïve 🙂', '', 'IBAN NL91\u200F ABNA', 'بنك\u061C 12']) {
      expect(isPlainText(text)).toBe(true);
    }
  });

  it('refuses NUL, other control characters and lone surrogates', () => {
    for (const text of ['a\u0000b', 'a\u0001b', 'a\u001Bb', 'a\u007Fb', 'a\uD800b', 'a\uDC00b', '\uD83D']) {
      expect(isPlainText(text)).toBe(false);
      expect(isPlainText(text, 'many')).toBe(false);
    }
  });

  it('refuses C1 controls and the direction embeddings, overrides and isolates that make a line show other than it reads', () => {
    const overrides = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const text of ['a\u0085b', 'a\u009Bb', ...overrides.map((c) => `Bakkerij ${c}1000,00 EUR`)]) {
      expect(isPlainText(text)).toBe(false);
      expect(isPlainText(text, 'many')).toBe(false);
    }
  });

  it('allows tab and line breaks only where many lines are allowed', () => {
    for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(isPlainText(text)).toBe(false);
      expect(isPlainText(text, 'many')).toBe(true);
    }
  });
});
