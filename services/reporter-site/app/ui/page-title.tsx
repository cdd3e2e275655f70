import { useIntl } from 'react-intl';

/** The document's title (React hoists it into <head>); a page showing form errors says so first. */
export function PageTitle({ title, organisation, failed = false }: { title: string; organisation: string; failed?: boolean }) {
  const intl = useIntl();
  const full = intl.formatMessage({ id: 'site.pageTitle' }, { title, organisation });
  return <title>{failed ? intl.formatMessage({ id: 'site.errorTitle' }, { title: full }) : full}</title>;
}
