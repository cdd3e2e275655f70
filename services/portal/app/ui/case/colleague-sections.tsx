import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Colleague } from '../../api/matching-self.server';
import { useFormat } from '../format';
import type { ColleagueWork, ConsultationShown } from './colleague-work';
import { SelectField, StepForm, TextAreaField, type StepRefusal } from './step-form';

// The case page's work with colleagues: asking the reporter to reveal their identity to someone (dual control),
// asking a colleague a de-identified question (intervisie), and handing the case over. A colleague is chosen from
// the agency's active counsellors (matching); when matching cannot be read the page says so and offers no form.

export interface ColleagueProps {
  work: ColleagueWork;
  consultations: ConsultationShown[];
  colleagues: Colleague[] | undefined;
  me: string;
  action: string;
  open: boolean;
  refusal: StepRefusal | undefined;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="portal-section" aria-labelledby={id} data-testid={id}>
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function useColleagues(props: Pick<ColleagueProps, 'colleagues' | 'me'>) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const names = new Map((props.colleagues ?? []).map((c) => [c.counsellorId, c.name ?? t('casework.colleague.unnamed')]));
  // A name is isolated from the sentence around it (a Latin name in an Arabic sentence keeps the words in order).
  const nameOf = (id: string) => (
    <bdi>{id === props.me ? t('casework.colleague.you') : (names.get(id) ?? t('casework.colleague.unlisted'))}</bdi>
  );
  const options = (props.colleagues ?? []).map((c) => ({ value: c.counsellorId, label: c.name ?? t('casework.colleague.unnamed') }));
  return { t, nameOf, options };
}

function Unavailable() {
  const intl = useIntl();
  return <p className="utrecht-paragraph">{intl.formatMessage({ id: 'casework.colleague.unavailable' })}</p>;
}

export function IdentitySection(props: ColleagueProps) {
  const { day } = useFormat();
  const { t, nameOf, options } = useColleagues(props);
  const { work, open } = props;
  const decision = (r: ColleagueWork['reveals'][number]) =>
    r.state === 'asked'
      ? t('casework.reveal.asked')
      : t(`casework.reveal.${r.state}.${r.decidedBy ?? 'reporter'}`, { date: day(r.decidedAt ?? r.requestedAt) });
  return (
    <Section id="identity" title={t('casework.reveal.title')}>
      <p className="utrecht-paragraph" data-testid="identity-state">
        {work.identity.shown !== undefined ? (
          <>
            <strong>{t('casework.reveal.identity')}</strong>{' '}
            <span dir="auto" className="portal-message__text">
              {work.identity.shown}
            </span>
          </>
        ) : work.identity.given ? (
          t('casework.reveal.notRevealed')
        ) : (
          t('casework.reveal.anonymous')
        )}
      </p>
      {work.reveals.length > 0 ? (
        <ul className="portal-list">
          {work.reveals.map((r) => (
            <li key={r.revealId} data-testid="reveal">
              <FormattedMessage id="casework.reveal.for" values={{ viewer: nameOf(r.viewerId), date: day(r.requestedAt) }} />:{' '}
              <strong>{decision(r)}</strong>
              <br />
              {t('casework.reveal.reason')}{' '}
              <q className="portal-message__text" dir="auto">
                {r.reason ?? t('casework.erased')}
              </q>
            </li>
          ))}
        </ul>
      ) : null}
      {open && work.identity.given ? (
        props.colleagues === undefined ? (
          <Unavailable />
        ) : (
          <>
            <h3 className="utrecht-heading-3">{t('casework.reveal.ask')}</h3>
            <p className="utrecht-paragraph">{t('casework.reveal.explain')}</p>
            <StepForm
              intent="reveal"
              action={props.action}
              refusal={props.refusal}
              submit={t('casework.reveal.submit')}
              secondary
              key={work.reveals.length}
            >
              <SelectField
                name="viewerId"
                label={t('casework.field.viewer')}
                options={[{ value: props.me, label: t('casework.colleague.you') }, ...options]}
              />
              <TextAreaField name="reason" label={t('casework.field.revealReason')} hint={t('casework.hint.revealReason')} rows={3} />
            </StepForm>
          </>
        )
      ) : null}
    </Section>
  );
}

export function ConsultationsSection(props: ColleagueProps) {
  const { day } = useFormat();
  const { t, nameOf, options } = useColleagues(props);
  return (
    <Section id="consultations" title={t('casework.consult.title')}>
      {props.consultations.length === 0 ? (
        <p className="utrecht-paragraph">{t('casework.consult.none')}</p>
      ) : (
        <ol className="portal-messages">
          {props.consultations.map((c) => (
            <li key={c.consultationId} className="portal-message portal-message--advisor" data-testid="consultation">
              <p className="portal-message__meta">
                <strong>
                  <FormattedMessage id="casework.consult.askedOf" values={{ colleague: nameOf(c.colleagueId), date: day(c.requestedAt) }} />
                </strong>
              </p>
              <p className="utrecht-paragraph portal-message__text" dir="auto">
                {c.texts ? (c.texts.question ?? t('casework.erased')) : t('casework.consult.onItsWay')}
              </p>
              <p className="utrecht-paragraph" data-testid="consultation-answer">
                <strong>
                  {c.answeredAt ? t('casework.consult.answered', { date: day(c.answeredAt) }) : t('casework.consult.waiting')}
                </strong>
                {c.answeredAt ? (
                  <>
                    {' '}
                    <span className="portal-message__text" dir="auto">
                      {c.texts ? (c.texts.answer ?? t('casework.erased')) : t('casework.consult.onItsWay')}
                    </span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {props.open ? (
        props.colleagues === undefined ? (
          <Unavailable />
        ) : props.colleagues.length === 0 ? (
          <p className="utrecht-paragraph">{t('casework.colleague.none')}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('casework.consult.explain')}</p>
            <StepForm
              intent="consult"
              action={props.action}
              refusal={props.refusal}
              submit={t('casework.consult.submit')}
              secondary
              key={props.consultations.length}
            >
              <SelectField name="colleagueId" label={t('casework.field.colleague')} options={options} />
              <TextAreaField name="question" label={t('casework.field.question')} hint={t('casework.hint.question')} rows={4} />
            </StepForm>
          </>
        )
      ) : null}
    </Section>
  );
}

export function TransferSection(props: ColleagueProps) {
  const { day } = useFormat();
  const { t, nameOf, options } = useColleagues(props);
  const { work } = props;
  if (!props.open && work.transfers.length === 0) return null;
  return (
    <Section id="transfer" title={t('casework.transfer.title')}>
      {work.transfers.length > 0 ? (
        <ul className="portal-list">
          {work.transfers.map((tr, i) => (
            <li key={i} data-testid="transferred">
              <FormattedMessage id="casework.transfer.from" values={{ colleague: nameOf(tr.fromAdvisorId), date: day(tr.at) }} />{' '}
              <q className="portal-message__text" dir="auto">
                {tr.reason ?? t('casework.erased')}
              </q>
            </li>
          ))}
        </ul>
      ) : null}
      {work.declined ? (
        <p className="utrecht-paragraph" data-testid="handover-declined">
          <FormattedMessage
            id="casework.transfer.declined"
            values={{ colleague: nameOf(work.declined.toAdvisorId), date: day(work.declined.declinedAt) }}
          />
        </p>
      ) : null}
      {!props.open ? null : work.handover ? (
        <p className="utrecht-paragraph" data-testid="handover">
          <FormattedMessage
            id="casework.transfer.pending"
            values={{ colleague: nameOf(work.handover.toAdvisorId), date: day(work.handover.offeredAt) }}
          />
        </p>
      ) : props.colleagues === undefined ? (
        <Unavailable />
      ) : props.colleagues.length === 0 ? (
        <p className="utrecht-paragraph">{t('casework.colleague.none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('casework.transfer.explain')}</p>
          <StepForm intent="transfer" action={props.action} refusal={props.refusal} submit={t('casework.transfer.submit')} secondary>
            <SelectField name="toAdvisorId" label={t('casework.field.colleague')} options={options} />
            <TextAreaField name="reason" label={t('casework.field.transferReason')} hint={t('casework.hint.transferReason')} rows={3} />
          </StepForm>
        </>
      )}
    </Section>
  );
}
