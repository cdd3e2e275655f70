import type { IntakeApi } from '@vertrouwd/web-api';

// The shapes of intake's answers as its committed OpenAPI document says (libs/web-api, `npm run openapi`): a changed
// API fails the site's type check instead of its pages.
type Schemas = IntakeApi.components['schemas'];

/** What intake's `GET /intake/:code?lang=` answers (docs/intake/intake-page.md). */
export type IntakePage = Schemas['IntakePageView'];

export type Question = keyof Schemas['Questions'];

export type Choice = Schemas['Choice'];

export type Counsellor = Schemas['ListedCounsellorView'];

/**
 * `POST /intake/:code/reports` 201, as far as the reporter is shown it: shown once, never stored by the site beyond
 * the one view (the case's id in intake's answer is not kept).
 */
export type Receipt = Pick<Schemas['ReceiptView'], 'receiptCode' | 'passphrase' | 'proof'>;
