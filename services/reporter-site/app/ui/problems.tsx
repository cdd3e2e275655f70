import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Problem } from '../follow-up/forms';

/**
 * A posted form's problems first on the page (a page loaded without script opens at its top): how many, each linked
 * to its field. Announced as an alert.
 */
export function ProblemSummary({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="site-error-summary utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="problems-title">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="problems-title" className="utrecht-heading-3">
            <FormattedMessage id="case.errors.summary" values={{ count: problems.length }} />
          </h2>
          <ul className="utrecht-unordered-list">
            {problems.map((problem) => (
              <li key={problem.field} className="utrecht-unordered-list__item">
                <a className="utrecht-link" href={`#${problem.field}`}>
                  <ProblemText problem={problem} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function ProblemText({ problem }: { problem: Problem }) {
  const intl = useIntl();
  return <>{intl.formatMessage({ id: problem.message }, problem.values)}</>;
}

/** The field's own error, which the field names with aria-describedby. */
export function FieldProblem({ field, problems }: { field: string; problems: Problem[] }) {
  const problem = problems.find((p) => p.field === field);
  if (!problem) return null;
  return (
    <p className="utrecht-form-field-error-message" id={`${field}-error`}>
      <ProblemText problem={problem} />
    </p>
  );
}

/** The attributes that tie a field to its error. */
export function invalidProps(field: string, problems: Problem[], hint?: string) {
  const invalid = problems.some((p) => p.field === field);
  const described = [hint, invalid ? `${field}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid ? true : undefined, 'aria-describedby': described || undefined };
}

/** A short message in a box: what the last action did (status), or what went wrong (alert). */
export function NoticeBox({ kind, children }: { kind: 'ok' | 'warning' | 'error'; children: ReactNode }) {
  const style = kind === 'ok' ? 'utrecht-alert--ok' : kind === 'warning' ? 'utrecht-alert--warning' : 'utrecht-alert--error';
  return (
    <div className={`utrecht-alert ${style} site-notice`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        <p className="utrecht-alert__message utrecht-paragraph">{children}</p>
      </div>
    </div>
  );
}
