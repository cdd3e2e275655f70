import { CONSENT_SCOPES, LEGAL_DUTY_REASONS, REFERRAL_TYPES } from '../../api/case-values';
import { useFormat } from '../format';
import { Paragraph, Section, useLabels, useStepLabel, type SectionProps } from './sections';
import { SelectField, StepForm, TextAreaField } from './step-form';

// Where the law overrides the reporter's consent (docs/case/consent.md): each duty recorded on the case with its step,
// reason, the advisor's explanation and date, and, while the case is open, the form to record one. The form is
// folded away behind a warning: a duty to disclose sets the counsellor's confidentiality aside, the reporter reads it
// with its explanation, and it cannot be taken back.

export function LegalDutySection({ work, action, open, refusal }: SectionProps) {
  const { moment } = useFormat();
  const { t, label, options } = useLabels();
  const what = useStepLabel();
  return (
    <Section id="legal-duties" title={t('casework.duty.title')}>
      {work.legalDuties.length === 0 ? (
        <Paragraph id="casework.duty.none" />
      ) : (
        <ol className="portal-messages">
          {work.legalDuties.map((d) => (
            <li key={d.dutyId} className="portal-message portal-message--advisor" data-testid="legal-duty">
              <p className="portal-message__meta">
                <strong>
                  {t('casework.consent.legalDuty', { what: what(d.scope, d.referralType), reason: label('legalDuty', d.reason) })}
                </strong>{' '}
                {d.at ? <time dateTime={d.at}>{moment(d.at)}</time> : null}
              </p>
              <p className="utrecht-paragraph portal-message__text" dir="auto">
                {d.explanation ?? t('casework.erased')}
              </p>
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <details className="portal-details-toggle" open={refusal?.form === 'legal-duty' ? true : undefined}>
          <summary>{t('casework.duty.record')}</summary>
          <div className="utrecht-alert utrecht-alert--warning portal-notice" id="legal-duty-warning" data-testid="legal-duty-warning">
            <div className="utrecht-alert__content">
              <div className="utrecht-alert__message">
                <p className="utrecht-paragraph">
                  <strong>{t('casework.duty.warning')}</strong>
                </p>
                <ul className="portal-list">
                  <li>{t('casework.duty.warningWhen')}</li>
                  <li>{t('casework.duty.warningStep')}</li>
                  <li>{t('casework.duty.warningReporter')}</li>
                </ul>
              </div>
            </div>
          </div>
          <StepForm
            intent="legal-duty"
            action={action}
            refusal={refusal}
            submit={t('casework.duty.submit')}
            secondary
            key={work.legalDuties.length}
          >
            <SelectField name="reason" label={t('casework.field.dutyReason')} options={options('legalDuty', LEGAL_DUTY_REASONS)} />
            <SelectField name="scope" label={t('casework.field.dutyScope')} options={options('scope', CONSENT_SCOPES)} />
            <SelectField
              name="referralType"
              label={t('casework.field.referralTarget')}
              hint={t('casework.hint.referralTarget')}
              options={options('to', REFERRAL_TYPES)}
              optional
            />
            <TextAreaField name="explanation" label={t('casework.field.dutyExplanation')} hint={t('casework.hint.dutyExplanation')} />
          </StepForm>
        </details>
      ) : null}
    </Section>
  );
}
