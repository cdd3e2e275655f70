import { FormattedMessage, useIntl } from 'react-intl';
import type { IntakePage, Receipt } from '../intake/intake-page';

/** Receipt code, passphrase and proof, left-to-right inside any language, with what to do with them. */
export function ReceiptDetails({ receipt, page }: { receipt: Receipt; page: IntakePage }) {
  const intl = useIntl();
  const submittedAt = intl.formatDate(receipt.proof.submittedAt, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return (
    <>
      <div className="utrecht-alert utrecht-alert--warning site-notice">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <p className="utrecht-paragraph">
              <strong>
                <FormattedMessage id="receipt.once" />
              </strong>
            </p>
            <p className="utrecht-paragraph">{page.text.receipt.keep}</p>
          </div>
        </div>
      </div>
      <dl className="site-receipt">
        <div>
          <dt>
            <FormattedMessage id="receipt.code" />
          </dt>
          <dd>
            <code className="site-secret" dir="ltr" data-testid="receipt-code">
              {receipt.receiptCode}
            </code>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="receipt.passphrase" />
          </dt>
          <dd>
            <code className="site-secret" dir="ltr" data-testid="passphrase">
              {receipt.passphrase}
            </code>
          </dd>
        </div>
      </dl>
      <p className="utrecht-paragraph">
        <FormattedMessage id="receipt.noRecovery" />
      </p>
      <section className="site-section" aria-labelledby="proof-title">
        <h2 id="proof-title" className="utrecht-heading-2">
          <FormattedMessage id="receipt.proof.title" />
        </h2>
        <p className="utrecht-paragraph">
          <FormattedMessage id="receipt.submittedAt" values={{ date: submittedAt }} />
        </p>
        <p className="utrecht-paragraph">{page.text.receipt.proof}</p>
        <p className="utrecht-paragraph">
          <FormattedMessage id="receipt.proof.save" />
        </p>
        <pre className="site-proof" dir="ltr" data-testid="proof">
          {JSON.stringify(receipt.proof, null, 2)}
        </pre>
      </section>
      <section className="site-section" aria-labelledby="next-title">
        <h2 id="next-title" className="utrecht-heading-2">
          <FormattedMessage id="receipt.next" />
        </h2>
        <ol className="utrecht-ordered-list">
          {page.nextSteps.items.map((item) => (
            <li key={item} className="utrecht-ordered-list__item">
              {item}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
