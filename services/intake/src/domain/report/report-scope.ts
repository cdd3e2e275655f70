import type { Theme } from './report.events';

/** Themes a reporter may pick outside a counsellor's remit (domain brief): answered with where to go, not stored. */
export const OUT_OF_SCOPE_THEMES = ['workload'] as const;

/** What a reporter may pick: the themes a counsellor handles (the published `THEMES`), plus workload. */
export type SubmittableTheme = Theme | (typeof OUT_OF_SCOPE_THEMES)[number];

/** Workload is psychosocial workload too, but outside a counsellor's remit: point elsewhere. */
export function isOutOfScope(theme: SubmittableTheme): theme is 'workload' {
  return theme === 'workload';
}

export function inScope(theme: SubmittableTheme): Theme | undefined {
  return isOutOfScope(theme) ? undefined : theme;
}
