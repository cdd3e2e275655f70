import { useIntl } from 'react-intl';
import { Choices, Field, Select, type FormRefusal } from '../coordinator-form';
import { REGIONS, WORKFORCE_LANGUAGES } from '../directory-values';
import { useFormat } from '../format';
import { COUNSELLOR_GENDERS, COUNSELLOR_KINDS, COUNSELLOR_ROLES, PROFILE_FIELDS, SPECIALISMS } from './counsellor-values';
import { TextArea } from './text-area';

/** What the profile form shows at first: the counsellor's profile when it is changed, sensible defaults when new. */
export interface ProfileDefaults {
  name?: string | null;
  introduction?: string | null;
  kind: string;
  organisationId?: string | null;
  roles: string[];
  languages: string[];
  gender?: string;
  regions: string[];
  specialisms: string[];
  capacityCases?: number;
  capacityHoursPerWeek?: number;
}

/** The labels of the profile's fields (and the account's, when onboarding), for the refusal's summary. */
export function useProfileLabels(withAccount: boolean): Record<string, string> {
  const intl = useIntl();
  const names = [...(withAccount ? ['username', 'email'] : []), ...PROFILE_FIELDS];
  return Object.fromEntries(names.map((name) => [name, intl.formatMessage({ id: `administration.counsellor.${name}` })]));
}

/**
 * A counsellor's profile as form fields: who they are (public name and introduction), internal or external, what
 * they are counsellor for, languages, gender, regions, specialisms and capacity. Used to onboard and to change.
 */
export function ProfileFields(props: {
  intent: string;
  refused: FormRefusal | undefined;
  defaults: ProfileDefaults;
  organisations: { value: string; label: string }[];
}) {
  const { intent, refused, defaults, organisations } = props;
  const { intl, label } = useFormat();
  const t = (id: string) => intl.formatMessage({ id: `administration.counsellor.${id}` });
  const options = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: label(prefix, value) }));
  const number = (value: number | undefined) => (value === undefined ? undefined : String(value));
  return (
    <>
      <Field
        intent={intent}
        name="name"
        label={t('name')}
        hint={t('nameHint')}
        refused={refused}
        defaultValue={defaults.name ?? undefined}
        required
      />
      <TextArea
        intent={intent}
        name="introduction"
        label={`${t('introduction')} (${t('optional')})`}
        hint={t('introductionHint')}
        refused={refused}
        defaultValue={defaults.introduction ?? undefined}
      />
      <Choices
        intent={intent}
        name="kind"
        legend={t('kind')}
        hint={t('kindHint')}
        options={options('coordinator.counsellorKind', COUNSELLOR_KINDS)}
        multiple={false}
        refused={refused}
        defaultValue={[defaults.kind]}
      />
      <Select
        intent={intent}
        name="organisationId"
        label={t('organisationId')}
        hint={t('organisationIdHint')}
        options={[{ value: '', label: t('noOrganisation') }, ...organisations]}
        refused={refused}
        defaultValue={defaults.organisationId ?? ''}
      />
      <Choices
        intent={intent}
        name="roles"
        legend={t('roles')}
        hint={t('atLeastOne')}
        options={options('coordinator.role', COUNSELLOR_ROLES)}
        refused={refused}
        defaultValue={defaults.roles}
      />
      <Choices
        intent={intent}
        name="languages"
        legend={t('languages')}
        hint={t('languagesHint')}
        options={options('coordinator.language', WORKFORCE_LANGUAGES)}
        refused={refused}
        defaultValue={defaults.languages}
      />
      <Choices
        intent={intent}
        name="gender"
        legend={t('gender')}
        hint={t('genderHint')}
        options={options('coordinator.gender', COUNSELLOR_GENDERS)}
        multiple={false}
        refused={refused}
        defaultValue={defaults.gender ? [defaults.gender] : []}
      />
      <Choices
        intent={intent}
        name="regions"
        legend={t('regions')}
        hint={t('regionsHint')}
        options={options('coordinator.region', REGIONS)}
        refused={refused}
        defaultValue={defaults.regions}
      />
      <Choices
        intent={intent}
        name="specialisms"
        legend={t('specialisms')}
        hint={t('specialismsHint')}
        options={options('coordinator.specialism', SPECIALISMS)}
        refused={refused}
        defaultValue={defaults.specialisms}
      />
      <Field
        intent={intent}
        name="capacityCases"
        label={t('capacityCases')}
        hint={t('capacityCasesHint')}
        type="number"
        refused={refused}
        defaultValue={number(defaults.capacityCases)}
        required
      />
      <Field
        intent={intent}
        name="capacityHoursPerWeek"
        label={t('capacityHoursPerWeek')}
        hint={t('capacityHoursPerWeekHint')}
        type="number"
        refused={refused}
        defaultValue={number(defaults.capacityHoursPerWeek)}
        required
      />
    </>
  );
}
