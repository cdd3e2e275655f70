import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { LegalClocks } from '../../api/case.server';
import { ACTIVITIES, CONSENT_SCOPES, CONVERSATION_MODES, REFERRAL_TYPES } from '../../api/case-values';
import { useFormat } from '../format';
import type { CaseWork, Conversation } from './case-work';
import { InputField, SelectField, StepForm, TextAreaField, type StepRefusal } from './step-form';

// The sections of the advisor's case page beyond messages and closing: the legal deadlines, conversations and their
// summaries, the reporter's consents, advice, referrals, a formal report, aftercare and hours (legal duties are in
// legal-duty-section.tsx). Each section lists what the case holds and, while the case is open, has its step's form.

export interface SectionProps {
  work: CaseWork;
  action: string;
  open: boolean;
  refusal: StepRefusal | undefined;
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="portal-section" aria-labelledby={id} data-testid={id}>
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Paragraph({ id, values }: { id: string; values?: Record<string, string | number> }) {
  return (
    <p className="utrecht-paragraph">
      <FormattedMessage id={id} values={values} />
    </p>
  );
}

/** The label of a closed-list value, e.g. `casework.mode.phone`; the value itself when a newer one has no label yet. */
export function useLabels() {
  const intl = useIntl();
  const label = (list: string, value: string) =>
    intl.messages[`casework.${list}.${value}`] !== undefined ? intl.formatMessage({ id: `casework.${list}.${value}` }) : value;
  const options = (list: string, values: readonly string[]) => values.map((value) => ({ value, label: label(list, value) }));
  return { label, options, t: (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values) };
}

export function DeadlinesSection({ deadlines }: { deadlines: LegalClocks | undefined }) {
  const { deadline } = useFormat();
  const { t, label } = useLabels();
  return (
    <Section id="deadlines" title={t('casework.deadlines.title')}>
      {deadlines ? (
        <dl className="portal-details">
          {(['acknowledgement', 'feedback'] as const).map((which) => (
            <div key={which}>
              <dt>{t(`casework.deadlines.${which}`)}</dt>
              <dd className={`portal-deadline--${deadlines[which].state}`} data-testid={`deadline-${which}`}>
                {label('deadlineState', deadlines[which].state)}: {deadline(deadlines[which])}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('casework.deadlines.regime')}</dt>
            <dd>{label('regime', deadlines.regime)}</dd>
          </div>
        </dl>
      ) : (
        <Paragraph id="casework.deadlines.none" />
      )}
    </Section>
  );
}

export function ConversationsSection({ work, action, open, refusal }: SectionProps) {
  const { day } = useFormat();
  const { t, label, options } = useLabels();
  return (
    <Section id="conversations" title={t('casework.conversations.title')}>
      {work.conversations.length === 0 ? (
        <Paragraph id="casework.conversations.none" />
      ) : (
        <ol className="portal-messages">
          {work.conversations.map((c) => (
            <li key={c.conversationId} className="portal-message portal-message--advisor" data-testid="conversation">
              <h3 className="utrecht-heading-3">
                {t('casework.conversations.heading', { date: day(c.heldOn), minutes: c.minutes, mode: label('mode', c.mode) })}
              </h3>
              <SummaryOf conversation={c} action={action} open={open} refusal={refusal} />
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <>
          <h3 className="utrecht-heading-3" id="conversation-new">
            {t('casework.conversations.record')}
          </h3>
          <StepForm
            intent="conversation"
            action={action}
            refusal={refusal}
            submit={t('casework.conversations.submit')}
            key={work.conversations.length}
          >
            <InputField name="heldOn" type="date" label={t('casework.field.heldOn')} hint={t('casework.hint.day')} />
            <InputField name="minutes" type="number" label={t('casework.field.minutes')} hint={t('casework.hint.minutes')} />
            <SelectField name="mode" label={t('casework.field.mode')} options={options('mode', CONVERSATION_MODES)} />
            <TextAreaField name="summary" label={t('casework.field.summary')} hint={t('casework.hint.summary')} />
          </StepForm>
        </>
      ) : null}
    </Section>
  );
}

function SummaryOf({
  conversation: c,
  action,
  open,
  refusal,
}: {
  conversation: Conversation;
  action: string;
  open: boolean;
  refusal: StepRefusal | undefined;
}) {
  const { moment } = useFormat();
  const { t } = useLabels();
  const s = c.summary;
  const state = s.state === 'not-shared' ? t('casework.summary.notShared') : t(`casework.summary.${s.state}`, { version: s.version ?? 1 });
  return (
    <>
      <p className="utrecht-paragraph portal-message__text" dir="auto">
        {s.text ?? t('casework.erased')}
      </p>
      <p className="utrecht-paragraph" data-testid="summary-state">
        <strong>{t('casework.summary.state')}</strong> {state}
        {s.approvedVersion !== null && s.state !== 'approved'
          ? ` ${t('casework.summary.approvedEarlier', { version: s.approvedVersion })}`
          : ''}
      </p>
      {s.answers.length > 0 ? (
        <ul className="portal-list">
          {s.answers.map((a, i) => (
            <li key={i}>
              <time dateTime={a.at}>{moment(a.at)}</time> {t(`casework.summary.answer.${a.kind}`, { version: a.version })}
              {a.kind === 'corrected' ? (
                <>
                  :{' '}
                  <q className="portal-message__text" dir="auto">
                    {a.correction ?? t('casework.erased')}
                  </q>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open && s.state === 'not-shared' ? (
        <StepForm intent="share" item={s.summaryId} action={action} refusal={refusal} submit={t('casework.summary.share')} secondary />
      ) : null}
      {open && s.state !== 'not-shared' ? (
        <details className="portal-details-toggle" open={refusal?.form === `revise:${s.summaryId}` ? true : undefined}>
          <summary>{t('casework.summary.revise')}</summary>
          <StepForm
            intent="revise"
            item={s.summaryId}
            action={action}
            refusal={refusal}
            submit={t('casework.summary.reviseSubmit')}
            secondary
            key={s.version ?? 0}
          >
            <TextAreaField name="summary" label={t('casework.field.revision')} hint={t('casework.hint.revision')} />
          </StepForm>
        </details>
      ) : null}
    </>
  );
}

/** The step a consent or a legal duty is for, in words: a referral to whom, or the scope. */
export function useStepLabel(): (scope: string, referralType: string | null) => string {
  const { t, label } = useLabels();
  return (scope, referralType) =>
    scope === 'referral' && referralType ? t('casework.consent.toReferral', { to: label('to', referralType) }) : label('scope', scope);
}

export function ConsentsSection({ work, action, open, refusal }: SectionProps) {
  const { day } = useFormat();
  const { t, label, options } = useLabels();
  const what = useStepLabel();
  return (
    <Section id="consents" title={t('casework.consent.title')}>
      {work.consents.length === 0 ? (
        <Paragraph id="casework.consent.none" />
      ) : (
        <ul className="portal-list">
          {work.consents.map((c) => (
            <li key={c.consentId} data-testid="consent">
              {what(c.scope, c.referralType)}: <strong>{label('consentStatus', c.status)}</strong>
              {c.recordedBy === 'reporter'
                ? ` (${t('casework.consent.byReporter')})`
                : c.heldOn
                  ? ` (${t('casework.consent.inConversation', { date: day(c.heldOn) })})`
                  : ''}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        work.conversations.length === 0 ? (
          <Paragraph id="casework.consent.needsConversation" />
        ) : (
          <>
            <h3 className="utrecht-heading-3">{t('casework.consent.ask')}</h3>
            <Paragraph id="casework.consent.explain" />
            <StepForm intent="consent" action={action} refusal={refusal} submit={t('casework.consent.submit')} key={work.consents.length}>
              <SelectField
                name="conversationId"
                label={t('casework.field.conversation')}
                options={work.conversations.map((c) => ({ value: c.conversationId, label: `${day(c.heldOn)}, ${label('mode', c.mode)}` }))}
              />
              <SelectField name="scope" label={t('casework.field.scope')} options={options('scope', CONSENT_SCOPES)} />
              <SelectField
                name="referralType"
                label={t('casework.field.referralTarget')}
                hint={t('casework.hint.referralTarget')}
                options={options('to', REFERRAL_TYPES)}
                optional
              />
            </StepForm>
          </>
        )
      ) : null}
    </Section>
  );
}

export function CareSection({ work, action, open, refusal }: SectionProps) {
  const { day, moment } = useFormat();
  const { t, label, options } = useLabels();
  return (
    <>
      <Section id="advice" title={t('casework.advice.title')}>
        {work.advice.length === 0 ? (
          <Paragraph id="casework.advice.none" />
        ) : (
          <ol className="portal-messages">
            {work.advice.map((a) => (
              <li key={a.adviceId} className="portal-message portal-message--advisor">
                <p className="portal-message__meta">
                  <time dateTime={a.at}>{moment(a.at)}</time>
                </p>
                <p className="utrecht-paragraph portal-message__text" dir="auto">
                  {a.text ?? t('casework.erased')}
                </p>
              </li>
            ))}
          </ol>
        )}
        {open ? (
          <StepForm
            intent="advice"
            action={action}
            refusal={refusal}
            submit={t('casework.advice.submit')}
            secondary
            key={work.advice.length}
          >
            <TextAreaField name="text" label={t('casework.field.advice')} hint={t('casework.hint.advice')} />
          </StepForm>
        ) : null}
      </Section>

      <Section id="referrals" title={t('casework.referral.title')}>
        {work.referrals.length === 0 ? (
          <Paragraph id="casework.referral.none" />
        ) : (
          <ul className="portal-list">
            {work.referrals.map((r) => (
              <li key={r.referralId} data-testid="referral">
                <time dateTime={r.at}>{day(r.at)}</time> {label('to', r.referralType)} ({label('basis', r.basis)})
              </li>
            ))}
          </ul>
        )}
        {open ? (
          <>
            <Paragraph id="casework.referral.explain" />
            <StepForm
              intent="referral"
              action={action}
              refusal={refusal}
              submit={t('casework.referral.submit')}
              secondary
              key={work.referrals.length}
            >
              <SelectField name="referralType" label={t('casework.field.referralTarget')} options={options('to', REFERRAL_TYPES)} />
            </StepForm>
          </>
        ) : null}
        <h3 className="utrecht-heading-3" id="formal-report">
          {t('casework.formal.title')}
        </h3>
        {work.formalReport ? (
          <Paragraph id="casework.formal.done" values={{ date: day(work.formalReport.at) }} />
        ) : open ? (
          <>
            <Paragraph id="casework.formal.explain" />
            <StepForm intent="formal-report" action={action} refusal={refusal} submit={t('casework.formal.submit')} secondary />
          </>
        ) : (
          <Paragraph id="casework.formal.none" />
        )}
      </Section>

      <Section id="aftercare" title={t('casework.aftercare.title')}>
        {work.aftercare.length === 0 ? (
          <Paragraph id="casework.aftercare.none" />
        ) : (
          <ol className="portal-messages">
            {work.aftercare.map((a) => (
              <li key={a.aftercareId} className="portal-message portal-message--advisor" data-testid="aftercare-plan">
                <p className="portal-message__meta">
                  <strong>{t('casework.aftercare.plannedFor', { date: day(a.plannedFor) })}</strong>
                </p>
                <p className="utrecht-paragraph portal-message__text" dir="auto">
                  {a.plan ?? t('casework.erased')}
                </p>
                {a.done ? (
                  <p className="utrecht-paragraph portal-message__text" dir="auto">
                    <strong>{t('casework.aftercare.doneOn', { date: day(a.done.at) })}</strong> {a.done.note ?? t('casework.erased')}
                  </p>
                ) : open ? (
                  <StepForm
                    intent="aftercare-done"
                    item={a.aftercareId}
                    action={action}
                    refusal={refusal}
                    submit={t('casework.aftercare.doneSubmit')}
                    secondary
                  >
                    <TextAreaField name="note" label={t('casework.field.aftercareNote')} rows={3} />
                  </StepForm>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {open ? (
          <StepForm
            intent="aftercare"
            action={action}
            refusal={refusal}
            submit={t('casework.aftercare.submit')}
            secondary
            key={work.aftercare.length}
          >
            <InputField name="plannedFor" type="date" label={t('casework.field.plannedFor')} hint={t('casework.hint.date')} />
            <TextAreaField name="plan" label={t('casework.field.plan')} rows={3} />
          </StepForm>
        ) : null}
      </Section>
    </>
  );
}

export function HoursSection({ work, action, open, refusal }: SectionProps) {
  const { day } = useFormat();
  const { t, label, options } = useLabels();
  return (
    <Section id="hours" title={t('casework.hours.title')}>
      {work.hours.length === 0 ? (
        <Paragraph id="casework.hours.none" />
      ) : (
        <div className="portal-table-scroll">
          <table className="utrecht-table" data-testid="hours-table">
            <caption className="utrecht-table__caption">{t('casework.hours.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t('casework.field.workedOn')}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t('casework.field.activity')}
                </th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {t('casework.field.minutes')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {work.hours.map((h, i) => (
                <tr key={i} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{day(h.workedOn)}</td>
                  <td className="utrecht-table__cell">{label('activity', h.activity)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-column" dir="ltr">
                    {h.minutes}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row">
                <th scope="row" colSpan={2} className="utrecht-table__header-cell">
                  {t('casework.hours.total')}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-column" dir="ltr" data-testid="hours-total">
                  {work.totalMinutes}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {open ? (
        <StepForm intent="hours" action={action} refusal={refusal} submit={t('casework.hours.submit')} secondary key={work.hours.length}>
          <InputField name="workedOn" type="date" label={t('casework.field.workedOn')} hint={t('casework.hint.day')} />
          <InputField name="minutes" type="number" label={t('casework.field.minutes')} hint={t('casework.hint.minutes')} />
          <SelectField name="activity" label={t('casework.field.activity')} options={options('activity', ACTIVITIES)} />
        </StepForm>
      ) : null}
    </Section>
  );
}
