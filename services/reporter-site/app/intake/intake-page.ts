/** What intake's `GET /intake/:code?lang=` answers (docs/intake/intake-page.md), as far as the site shows it. */
export interface IntakePage {
  organisation: { name: string; languages: string[] };
  language: string;
  direction: 'ltr' | 'rtl';
  outOfScope: { workload: { title: string; whereToGo: string } };
  framing: { title: string; text: string };
  nextSteps: { title: string; items: string[] };
  anonymousContact: { title: string; text: string };
  confidentiality: { title: string; text: string; limits: string[] };
  externalReporting: { title: string; text: string; where: string[] };
  questions: Record<Question, string>;
  consent: { version: string; title: string; paragraphs: string[] };
  text: { form: { title: string; intro: string }; receipt: { keep: string; proof: string } };
  themes: { theme: string; label: string; description: string }[];
  counsellor: { does: string[]; doesNot: string[] };
  counsellors: Counsellor[];
  relations: Choice[];
  anonymity: Choice[];
  contactOptions: Choice[];
  advisorGenders: Choice[];
}

export type Question =
  | 'theme'
  | 'relation'
  | 'account'
  | 'anonymity'
  | 'contactChannel'
  | 'email'
  | 'phone'
  | 'identityName'
  | 'language'
  | 'advisorGender'
  | 'advisorKind'
  | 'advisorChoice'
  | 'consent';

export interface Choice {
  value: string;
  label: string;
}

export interface Counsellor {
  counsellorId: string;
  name: string;
  introduction?: string;
  kind: string;
  kindLabel: string;
  languages: string[];
}

/** `POST /intake/:code/reports` 201: shown once, never stored by the site beyond the one view. */
export interface Receipt {
  receiptCode: string;
  passphrase: string;
  proof: { receiptHash: string; submittedAt: string; signature: string; keyId: string };
}
