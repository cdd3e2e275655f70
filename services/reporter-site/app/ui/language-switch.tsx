import { useIntl } from 'react-intl';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages';

/** Links to the same page in each language, each name in its own language and direction. */
export function LanguageSwitch({ current, hrefOf }: { current: Language; hrefOf: (language: Language) => string }) {
  const intl = useIntl();
  return (
    <nav className="site-languages" aria-label={intl.formatMessage({ id: 'site.languages' })}>
      <ul className="site-languages__list">
        {LANGUAGES.map((language) => (
          <li key={language}>
            <a
              className="utrecht-link"
              href={hrefOf(language)}
              lang={language}
              hrefLang={language}
              dir={language === 'ar' ? 'rtl' : 'ltr'}
              aria-current={language === current ? 'page' : undefined}
            >
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
