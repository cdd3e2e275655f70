import { Form } from 'react-router';
import type { Organisation } from '../../api/matching.server';
import { Choices, Field, RefusalSummary, type FormRefusal } from '../coordinator-form';
import { REGIONS, WORKFORCE_LANGUAGES } from '../directory-values';
import { VersionField } from '../concurrency';
import { useFormat } from '../format';
import { DETAILS_FIELDS as FIELDS } from './organisation-details';

/** The form that changes an organisation's details, shown as they are now; posts `intent=details` to the page. */
export function OrganisationDetailsForm({ org, action, refused }: { org: Organisation; action: string; refused: FormRefusal | undefined }) {
  const { intl, label } = useFormat();
  const t = (id: string) => intl.formatMessage({ id: `coordinator.organisation.${id}` });
  const a = (id: string) => intl.formatMessage({ id: `administration.organisation.${id}` });
  return (
    <section className="portal-section" aria-labelledby="details">
      <h2 className="utrecht-heading-2" id="details">
        {a('details')}
      </h2>
      <p className="utrecht-paragraph">{a('detailsHint')}</p>
      <Form method="post" action={action} className="portal-form">
        <input type="hidden" name="intent" value="details" />
        <VersionField version={org.version} />
        <RefusalSummary refused={refused} intent="details" labels={Object.fromEntries(FIELDS.map((f) => [f, t(f)]))} />
        <Field intent="details" name="name" label={t('name')} refused={refused} defaultValue={org.name ?? ''} required />
        <Field
          intent="details"
          name="intakeCode"
          label={t('intakeCode')}
          hint={`${t('intakeCodeHint')} ${a('intakeCodeChange')}`}
          refused={refused}
          defaultValue={org.intakeCode}
          required
          ltr
        />
        <Field
          intent="details"
          name="kvkNumber"
          label={t('kvkNumber')}
          hint={t('kvkNumberHint')}
          refused={refused}
          defaultValue={org.kvkNumber}
          required
          ltr
          inputMode="numeric"
        />
        <Field
          intent="details"
          name="vatId"
          label={`${t('vatId')} (${t('optional')})`}
          hint={t('vatIdHint')}
          refused={refused}
          defaultValue={org.vatId ?? ''}
          ltr
        />
        <Field
          intent="details"
          name="sbiCode"
          label={t('sbiCode')}
          hint={t('sbiCodeHint')}
          refused={refused}
          defaultValue={org.sbiCode}
          required
          ltr
          inputMode="numeric"
        />
        <Choices
          intent="details"
          name="regions"
          legend={t('regions')}
          hint={t('regionsHint')}
          options={REGIONS.map((r) => ({ value: r, label: label('coordinator.region', r) }))}
          refused={refused}
          defaultValue={org.regions}
        />
        <Choices
          intent="details"
          name="languages"
          legend={t('languages')}
          hint={t('languagesHint')}
          options={WORKFORCE_LANGUAGES.map((l) => ({ value: l, label: label('coordinator.language', l) }))}
          refused={refused}
          defaultValue={org.languages}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {a('detailsSubmit')}
        </button>
      </Form>
    </section>
  );
}
