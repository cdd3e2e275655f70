import { THEMES } from '@vertrouwd/contracts';
import { CONSENT_VERSIONS, FORM_LANGUAGES, translation } from './translations';

/** Every leaf path of a JSON value (array items by index), so a missing text in one language shows. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => paths(child, prefix ? `${prefix}.${key}` : key));
}
const at = (file: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], file);

describe('translations of the intake page', () => {
  const dutch = translation('nl');

  it.each(FORM_LANGUAGES)('%s has every text the Dutch page has, and no other, none of them empty', (language) => {
    const text = translation(language);
    expect(paths(text).sort()).toEqual(paths(dutch).sort());
    for (const path of paths(text)) expect(String(at(text, path)).trim()).not.toBe('');
  });

  // Words that are the same in both languages, checked one by one ("Man" is English and Dutch alike).
  const SAME_AS_DUTCH: Record<string, string[]> = { en: ['genders.male'] };

  it.each(FORM_LANGUAGES.filter((l) => l !== 'nl'))('%s is not Dutch in disguise: its texts differ from the Dutch ones', (language) => {
    const text = translation(language);
    const same = paths(text).filter((p) => p !== 'direction' && at(text, p) === at(dutch, p));
    expect(same).toEqual(SAME_AS_DUTCH[language] ?? []);
  });

  it('reads Arabic right to left and the others left to right', () => {
    for (const language of FORM_LANGUAGES) expect(translation(language).direction).toBe(language === 'ar' ? 'rtl' : 'ltr');
  });

  it('describes every theme a report can have, and has a consent text for every version', () => {
    for (const language of FORM_LANGUAGES) {
      expect(Object.keys(translation(language).themes).sort()).toEqual([...THEMES].sort());
      expect(Object.keys(translation(language).consentTexts).sort()).toEqual([...CONSENT_VERSIONS].sort());
    }
  });

  it('words Dutch naturally: sexual orientation is an orientation, not a preference', () => {
    expect(dutch.themes.discrimination.description).toContain('seksuele oriëntatie');
    expect(JSON.stringify(dutch)).not.toMatch(/seksuele voorkeur/);
  });

  it('says what a reporter needs before writing: deadlines, external reporting, the limits of confidentiality', () => {
    for (const language of FORM_LANGUAGES) {
      const text = translation(language);
      expect(text.nextSteps.items.join(' ')).toMatch(/7/);
      expect(text.nextSteps.items.join(' ')).toMatch(/3/);
      expect(text.externalReporting.where.join(' ')).toContain('Huis voor Klokkenluiders');
      expect(text.confidentiality.limits.length).toBeGreaterThanOrEqual(2);
    }
  });
});
