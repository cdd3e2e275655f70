import { THEMES } from '@vertrouwd/contracts';
import en from './en.json';
import nl from './nl.json';

/** Every leaf path of a JSON value (array items by index), so a missing text in one language shows. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(paths(en).sort()).toEqual(paths(nl).sort());
  });

  it('describe every theme a report can have, and no text is empty', () => {
    expect(Object.keys(nl.themes).sort()).toEqual([...THEMES].sort());
    for (const file of [nl, en])
      expect(
        paths(file).every((p) => String(p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], file)).trim() !== ''),
      ).toBe(true);
  });
});
