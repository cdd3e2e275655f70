import { centsToDecimal, formatDecimal, formatEuro } from './amounts';

describe('amounts', () => {
  it.each([
    [0, '0.00', '€ 0,00', '€0.00'],
    [5, '0.05', '€ 0,05', '€0.05'],
    [123_456, '1234.56', '€ 1.234,56', '€1,234.56'],
    [123_456_789, '1234567.89', '€ 1.234.567,89', '€1,234,567.89'],
    [-19_000, '-190.00', '-€ 190,00', '-€190.00'],
  ])('%i cents is %s, %s in Dutch and %s in English', (cents, decimal, nl, en) => {
    expect(centsToDecimal(cents)).toBe(decimal);
    expect(formatEuro(cents, 'nl')).toBe(nl);
    expect(formatEuro(cents, 'en')).toBe(en);
  });

  it('refuses a fraction of a cent instead of rounding it away', () => {
    expect(() => centsToDecimal(10.5)).toThrow(RangeError);
  });

  it('prints a decimal quantity with the language’s decimal mark, digits untouched', () => {
    expect(formatDecimal('12.25', 'nl')).toBe('12,25');
    expect(formatDecimal('12.25', 'en')).toBe('12.25');
  });
});
