import { StatusChangePage } from '../ui/administration/counsellor-status-change';
import { statusChangeAction, statusChangeLoader } from '../ui/administration/counsellor-status-change.server';
import type { Route } from './+types/counsellor-deactivation';

/** The confirmation page of a counsellor's deactivation (see counsellor-status-change.tsx). */
export const loader = statusChangeLoader;
export const action = statusChangeAction('deactivation');

export default function CounsellorDeactivation({ loaderData, actionData, params }: Route.ComponentProps) {
  return <StatusChangePage change="deactivation" person={loaderData.person} refused={actionData} lang={params.lang} />;
}
