import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import ar from '../i18n/catalogue/ar.messages';
import en from '../i18n/catalogue/en.messages';
import nl from '../i18n/catalogue/nl.messages';
import pl from '../i18n/catalogue/pl.messages';
import tr from '../i18n/catalogue/tr.messages';
import { RefusalSummary, type FormRefusal } from './coordinator-form';

// Onboarding a username that is already a staff account of the agency is refused by matching (409, the rule named,
// no field): the onboarding page says why in the coordinator's language, not only "refused (409)".
const catalogues = { nl, en, pl, tr, ar };
const refused: FormRefusal = {
  intent: 'onboard',
  refusal: { status: 409, title: 'Conflict', rule: 'StaffAccountInUseError', fields: [] },
  values: { username: 'counsellor-twice' },
};

const render = (language: keyof typeof catalogues) =>
  renderToStaticMarkup(
    <IntlProvider locale={language} messages={catalogues[language]}>
      <RefusalSummary refused={refused} intent="onboard" labels={{ username: 'username' }} area="onboarding" />
    </IntlProvider>,
  );

describe('the onboarding refusal of a username already in use', () => {
  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('is named in %s', (language) => {
    const html = render(language);
    const text = catalogues[language]['onboarding.refusal.StaffAccountInUseError'];
    expect(text).toBeTruthy();
    expect(html).toContain(renderToStaticMarkup(<>{text}</>));
    expect(html).not.toContain('409');
  });
});
