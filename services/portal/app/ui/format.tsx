import { useIntl } from 'react-intl';
import type { DeadlineState } from '../api/case.server';

/** Dates as Dutch calendar days and times (Europe/Amsterdam), the same on the server and in the browser. */
export function useFormat() {
  const intl = useIntl();
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  const moment = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const deadline = (state: DeadlineState | undefined) => {
    if (!state) return intl.formatMessage({ id: 'deadline.none' });
    if (state.state === 'met') return intl.formatMessage({ id: 'deadline.met' }, { date: day(state.metAt ?? state.dueAt) });
    return intl.formatMessage({ id: `deadline.${state.state}` }, { date: day(state.dueAt) });
  };
  const label = (prefix: string, value: string) =>
    intl.messages[`${prefix}.${value}`] !== undefined ? intl.formatMessage({ id: `${prefix}.${value}` }) : value;
  return { day, moment, deadline, label, intl };
}

/** A short reference for a case id, for titles; links keep the whole id. */
export const refOf = (caseId: string) => caseId.slice(0, 8);

export function PageTitle({ title }: { title: string }) {
  const intl = useIntl();
  return <title>{intl.formatMessage({ id: 'portal.pageTitle' }, { title })}</title>;
}
