import { THEMES } from '@vertrouwd/contracts';
import type { Theme } from './report.events';

/** What a reporter may pick: the themes a counsellor handles, plus workload, which is answered, not stored. */
export const SUBMITTABLE_THEMES = [...THEMES, 'workload'] as const;
export type SubmittableTheme = (typeof SUBMITTABLE_THEMES)[number];

/** Workload is psychosocial workload too, but outside a counsellor's remit (domain brief): point elsewhere. */
export function isOutOfScope(theme: SubmittableTheme): theme is 'workload' {
  return theme === 'workload';
}

export function inScope(theme: SubmittableTheme): Theme | undefined {
  return isOutOfScope(theme) ? undefined : theme;
}
