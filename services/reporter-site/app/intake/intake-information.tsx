import { FormattedMessage } from 'react-intl';
import type { IntakePage } from './intake-page';

/** Everything a reporter should know before writing, in intake's reading order: what is not for the counsellor first. */
export function IntakeInformation({ page }: { page: IntakePage }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{page.text.form.title}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{page.text.form.intro}</p>
      <section className="site-notice utrecht-alert utrecht-alert--warning" aria-labelledby="out-of-scope">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <h2 id="out-of-scope" className="utrecht-heading-3">
              {page.outOfScope.workload.title}
            </h2>
            <p className="utrecht-paragraph">{page.outOfScope.workload.whereToGo}</p>
          </div>
        </div>
      </section>
      <Section id="framing" title={page.framing.title}>
        <p className="utrecht-paragraph">{page.framing.text}</p>
      </Section>
      <Section id="themes" title={<FormattedMessage id="intake.themes.title" />}>
        <dl className="site-themes">
          {page.themes.map((t) => (
            <div key={t.theme}>
              <dt>{t.label}</dt>
              <dd>{t.description}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="next-steps" title={page.nextSteps.title}>
        <List items={page.nextSteps.items} ordered />
      </Section>
      <Section id="anonymity" title={page.anonymousContact.title}>
        <p className="utrecht-paragraph">{page.anonymousContact.text}</p>
      </Section>
      <Section id="confidentiality" title={page.confidentiality.title}>
        <p className="utrecht-paragraph">{page.confidentiality.text}</p>
        <h3 className="utrecht-heading-3">
          <FormattedMessage id="intake.confidentiality.limits" />
        </h3>
        <List items={page.confidentiality.limits} />
      </Section>
      <Section id="counsellor" title={<FormattedMessage id="intake.counsellor.does" />}>
        <List items={page.counsellor.does} />
        <h3 className="utrecht-heading-3">
          <FormattedMessage id="intake.counsellor.doesNot" />
        </h3>
        <List items={page.counsellor.doesNot} />
      </Section>
      <Counsellors page={page} />
      <Section id="external" title={page.externalReporting.title}>
        <p className="utrecht-paragraph">{page.externalReporting.text}</p>
        <List items={page.externalReporting.where} />
      </Section>
    </>
  );
}

function Counsellors({ page }: { page: IntakePage }) {
  if (page.counsellors.length === 0) return null;
  return (
    <Section id="counsellors" title={<FormattedMessage id="intake.counsellors.title" values={{ organisation: page.organisation.name }} />}>
      <ul className="site-counsellors">
        {page.counsellors.map((c) => (
          <li key={c.counsellorId}>
            <p className="utrecht-paragraph site-counsellors__name">{c.name}</p>
            <p className="utrecht-paragraph">{c.kindLabel}</p>
            {c.introduction ? <p className="utrecht-paragraph">{c.introduction}</p> : null}
            <p className="utrecht-paragraph">
              <FormattedMessage id="intake.counsellors.languages" values={{ languages: c.languages.map(languageName).join(', ') }} />
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

// Languages by their own names (as the language switch shows them), so every reporter finds theirs; looked up
// once per language code (the names do not change while the site runs).
const languageNames = new Map<string, string>();
function languageName(code: string): string {
  let name = languageNames.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    if (languageNames.size < 500) languageNames.set(code, name);
  }
  return name;
}

function Section({ id, title, children }: { id: string; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="site-section" aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {title}
      </h2>
      {children}
    </section>
  );
}

function List({ items, ordered = false }: { items: string[]; ordered?: boolean }) {
  const Tag = ordered ? 'ol' : 'ul';
  return (
    <Tag className={ordered ? 'utrecht-ordered-list' : 'utrecht-unordered-list'}>
      {items.map((item) => (
        <li key={item} className={ordered ? 'utrecht-ordered-list__item' : 'utrecht-unordered-list__item'}>
          {item}
        </li>
      ))}
    </Tag>
  );
}
