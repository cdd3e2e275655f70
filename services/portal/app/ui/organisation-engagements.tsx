import { Form } from 'react-router';
import type { Engagement } from '../api/matching.server';
import { ENGAGEMENT_KINDS } from '../api/case-values';
import { TextArea } from './administration/text-area';
import { Field, nameOf, RefusalSummary, Select, text, whole, type FormRefusal } from './coordinator-form';
import { useFormat } from './format';

// The organisation page's work outside cases (prevention, advice: the annual report counts it): what the agency's
// counsellors did there, and the coordinator's form to record it for one of them. A plain form with a hidden
// activity id chosen when the page was made, so a form sent twice records the work once.

/** The engagement the coordinator's form describes, as matching takes it. */
export function engagementOf(form: FormData) {
  return {
    activityId: text(form, 'activityId'),
    counsellorId: text(form, 'counsellorId'),
    kind: text(form, 'kind') as (typeof ENGAGEMENT_KINDS)[number],
    on: text(form, 'on'),
    minutes: whole(form, 'minutes'),
    description: text(form, 'description'),
  };
}

export function OrganisationEngagements(props: {
  engagements: Engagement[];
  names: Record<string, string>;
  /** Who may have done it: the counsellors who can serve the organisation. */
  counsellors: { value: string; label: string }[];
  primaryId: string | null;
  activityId: string;
  today: string;
  action: string;
  refused: FormRefusal | undefined;
}) {
  const { intl, day, label } = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `coordinator.organisation.${id}` }, values);
  const { refused } = props;
  const labels = { counsellorId: t('engagementWho'), kind: t('engagementKind'), on: t('engagementOn'), minutes: t('engagementMinutes') };
  const fieldLabels = { ...labels, description: t('engagementDescription') };
  return (
    <section className="portal-section" aria-labelledby="engagements">
      <h2 className="utrecht-heading-2" id="engagements">
        {t('engagements')}
      </h2>
      {props.engagements.length === 0 ? (
        <p className="utrecht-paragraph">{t('noEngagements')}</p>
      ) : (
        <ul className="portal-list" data-testid="engagements">
          {props.engagements.map((e) => (
            <li key={e.activityId}>
              {t('engagement', {
                date: day(e.on),
                kind: label('coordinator.engagement', e.kind),
                minutes: e.minutes,
                who: nameOf(props.names, e.counsellorId),
              })}
              {/* Isolated: a Dutch description keeps its own direction inside an Arabic sentence. */}
              {e.description ? (
                <>
                  : <bdi>{e.description}</bdi>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3 className="utrecht-heading-3">{t('recordEngagement')}</h3>
      <p className="utrecht-paragraph">{t('recordEngagementHint')}</p>
      {/* Keyed by the list: once recorded, the form starts empty with a new activity id, with scripts too. */}
      <Form key={props.activityId} method="post" action={props.action} className="portal-form">
        <input type="hidden" name="intent" value="engagement" />
        <input type="hidden" name="activityId" value={props.activityId} />
        <RefusalSummary refused={refused} intent="engagement" labels={fieldLabels} />
        <Select
          intent="engagement"
          name="counsellorId"
          label={labels.counsellorId}
          options={[{ value: '', label: t('chooseCounsellor') }, ...props.counsellors]}
          refused={refused}
          defaultValue={props.primaryId ?? ''}
        />
        <Select
          intent="engagement"
          name="kind"
          label={labels.kind}
          options={ENGAGEMENT_KINDS.map((k) => ({ value: k, label: label('coordinator.engagement', k) }))}
          refused={refused}
        />
        <Field intent="engagement" name="on" label={labels.on} type="date" refused={refused} defaultValue={props.today} required ltr />
        <Field
          intent="engagement"
          name="minutes"
          label={labels.minutes}
          hint={t('engagementMinutesHint')}
          type="number"
          inputMode="numeric"
          refused={refused}
          required
          ltr
        />
        <TextArea
          intent="engagement"
          name="description"
          label={fieldLabels.description}
          hint={t('engagementDescriptionHint')}
          refused={refused}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('recordEngagementSubmit')}
        </button>
      </Form>
    </section>
  );
}
