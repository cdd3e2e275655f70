import { StatusChangePage } from '../ui/administration/counsellor-status-change';
import { statusChangeAction, statusChangeLoader } from '../ui/administration/counsellor-status-change.server';
import type { Route } from './+types/counsellor-reactivation';

/** The confirmation page of a counsellor's reactivation (see counsellor-status-change.tsx). */
export const loader = statusChangeLoader;
export const action = statusChangeAction('reactivation');

export default function CounsellorReactivation({ loaderData, actionData, params }: Route.ComponentProps) {
  return <StatusChangePage change="reactivation" person={loaderData.person} refused={actionData} lang={params.lang} />;
}
