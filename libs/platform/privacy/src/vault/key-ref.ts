import { InvalidRefError } from '../errors';

/** The data subjects who get their own key (glossary: melder, beschuldigde, getuige). */
export const SUBJECT_KINDS = ['reporter', 'accused', 'witness'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The key for a case's narrative: what is not about one person in particular. */
export interface CaseKeyRef {
  readonly scope: 'case';
  readonly caseRef: string;
}

/**
 * The key for what a case holds about one data subject. A subject has one key per case it appears
 * in: shredding a case then never erases what another case holds about the same person, while
 * shredding the subject erases it in every case.
 */
export interface SubjectKeyRef {
  readonly scope: 'subject';
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly caseRef: string;
}

/** Names a data key by what it protects. References are opaque ids, never names. */
export type KeyRef = CaseKeyRef | SubjectKeyRef;

/** The key for a case's narrative. */
export function caseKey(caseRef: string): CaseKeyRef {
  return { scope: 'case', caseRef: opaqueId(caseRef, 'caseRef') };
}

/** The key for one data subject within one case. */
export function subjectKey(subjectKind: SubjectKind, subjectRef: string, caseRef: string): SubjectKeyRef {
  return {
    scope: 'subject',
    subjectKind: checkKind(subjectKind),
    subjectRef: opaqueId(subjectRef, 'subjectRef'),
    caseRef: opaqueId(caseRef, 'caseRef'),
  };
}

/** Refs arrive from callers that may build them by hand: check them at every entry. */
export function checkRef(ref: KeyRef): KeyRef {
  return ref.scope === 'case' ? caseKey(ref.caseRef) : subjectKey(ref.subjectKind, ref.subjectRef, ref.caseRef);
}

/** One string per ref, for in-memory maps and advisory-lock keys. */
export function refKey(ref: KeyRef): string {
  return ref.scope === 'case' ? `case/${ref.caseRef}` : `subject/${ref.subjectKind}/${ref.subjectRef}/${ref.caseRef}`;
}

const OPAQUE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Refs end up in the vault's columns and near logs: spaces and '@' are refused so a name or an
 * e-mail address cannot be used as one by mistake. The message never repeats the value.
 */
export function opaqueId(value: string, field: string): string {
  if (typeof value !== 'string' || !OPAQUE_ID.test(value)) throw new InvalidRefError(field);
  return value;
}

export function checkKind(kind: SubjectKind): SubjectKind {
  if (!SUBJECT_KINDS.includes(kind)) throw new InvalidRefError('subjectKind');
  return kind;
}
