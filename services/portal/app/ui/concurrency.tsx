import { useNavigation, type ShouldRevalidateFunctionArgs } from 'react-router';
import type { FormRefusal } from './coordinator-form';

// An edit form sends back the version of the record it was loaded with (If-Match): when someone else saved the record
// meanwhile, the service refuses (412) and the page shows the form again with what the user typed, the current
// version beside it, and that version in the form, so that saving again applies the change to it.

const VERSION_FIELD = 'version';

/** The version the form was loaded with, sent with the form. */
export function VersionField({ version }: { version: number }) {
  return <input type="hidden" name={VERSION_FIELD} value={version} />;
}

/** The version a posted form was loaded with; undefined when it sent none (the save is then unconditional). */
export function versionSent(form: FormData): number | undefined {
  const value = form.get(VERSION_FIELD);
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Whether a form was refused because the record changed since it was opened. */
export function isStale(refused: unknown, intent?: string): refused is FormRefusal {
  const r = refused as Partial<FormRefusal> | undefined;
  return r?.refusal?.status === 412 && (intent === undefined || r.intent === intent);
}

/**
 * The page reads the record again after a stale save (React Router reads nothing again after a refused action by
 * default), so it shows the current version and its form carries it.
 */
export function revalidateWhenStale({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return isStale(actionResult) || defaultShouldRevalidate;
}

/**
 * A form's answer as the page shows it. React Router hands the page a stale save's answer before it has read the record
 * again: for that moment the page would call the version the user opened "the current version" and its form would
 * carry that version, so saving again would be refused once more. A stale answer shows once the read is done,
 * together with what it read; every other answer shows at once.
 */
export function useAnswerOnceRead<T>(actionData: T): T | undefined {
  const { state } = useNavigation();
  return state !== 'idle' && isStale(actionData) ? undefined : actionData;
}
