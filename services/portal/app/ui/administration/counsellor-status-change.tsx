import { Form, Link } from 'react-router';
import type { counsellor } from '../../api/matching.server';
import { RefusalSummary, type FormRefusal } from '../coordinator-form';
import { PageTitle, useFormat } from '../format';

/**
 * A counsellor leaving the agency or coming back (matching `POST …/deactivation`, `POST …/reactivation`), each
 * confirmed on a page of its own so that it works without scripts: the counsellor page links there, the page says
 * what it means, and only its button posts.
 */
export type StatusChange = 'deactivation' | 'reactivation';

type Counsellor = Awaited<ReturnType<typeof counsellor>>;

export const STATUS_CHANGES = {
  deactivation: {
    from: 'active',
    to: 'inactive',
    done: 'deactivated',
    intent: 'deactivate',
    points: ['noNewCases', 'account', 'openCases', 'noWayBack'],
  },
  reactivation: { from: 'inactive', to: 'active', done: 'reactivated', intent: 'reactivate', points: ['matched', 'account', 'profile'] },
} as const;

export function StatusChangePage({
  change,
  person: c,
  refused,
  lang,
}: {
  change: StatusChange;
  person: Counsellor;
  refused: FormRefusal | undefined;
  lang: string;
}) {
  const { intl } = useFormat();
  const { from, intent, points } = STATUS_CHANGES[change];
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `administration.${change}.${id}` }, values);
  const name = c.name ?? c.username;
  const page = `/${lang}/counsellors/${c.counsellorId}`;
  const possible = c.status === from;
  return (
    <main id="content" className="portal-page" tabIndex={-1}>
      <PageTitle
        title={refused ? `${intl.formatMessage({ id: 'coordinator.errorTitle' })}: ${t('title', { name })}` : t('title', { name })}
      />
      <h1 className="utrecht-heading-1">{t('title', { name })}</h1>
      {possible ? (
        <>
          <p className="utrecht-paragraph">{t('meaning', { name })}</p>
          <ul className="portal-list">
            {points.map((point) => (
              <li key={point}>{t(point)}</li>
            ))}
          </ul>
          <Form method="post" action={`${page}/${change}`} className="portal-form">
            <RefusalSummary refused={refused} intent={intent} labels={{}} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {t('confirm', { name })}
            </button>
          </Form>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('already', { name })}</p>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={page}>
          {possible ? t('cancel') : intl.formatMessage({ id: 'administration.backTo' }, { name })}
        </Link>
      </p>
    </main>
  );
}
