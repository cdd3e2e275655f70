import type { PoolClient } from 'pg';
import type { KeyRef, SubjectKind } from './key-ref';
import { REF_LOCK_NAMESPACE } from './schema.sql';

export interface KeyRow {
  key_id: string;
  wrapped_key: Buffer | null;
  wrapped_by: string | null;
  /** Null only on a subject's tombstone, which never has a key. */
  case_ref: string | null;
}

const KEY_COLUMNS = 'key_id, wrapped_key, wrapped_by, case_ref';

export const SELECT_BY_ID = `select ${KEY_COLUMNS} from privacy_keys where key_id = $1`;

// case_ref first: the by-case index finds the handful of rows of one case.
export const SELECT_BY_REF = `select ${KEY_COLUMNS} from privacy_keys
  where case_ref = $1 and scope = $2 and subject_kind is not distinct from $3 and subject_ref is not distinct from $4`;

/** A shredded case, or a subject shredded in any case, refuses new keys. */
export const SELECT_TOMBSTONE = `select scope from privacy_keys where shredded_at is not null
  and ((scope = 'case' and case_ref = $1) or (scope = 'subject' and subject_kind = $2 and subject_ref = $3)) limit 1`;

export const INSERT_KEY = `insert into privacy_keys (key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key, wrapped_by)
  values ($1, $2, $3, $4, $5, $6, $7)`;

/**
 * Fresh keys, all or none, in one round trip (the migration's `privacy_create_keys`: the refs' locks, then the insert
 * unless a case or subject named was shredded): $1 locks in order, $2 key ids, $3 scopes, $4 subject kinds, $5 subject
 * refs, $6 case refs, $7 wrapped keys, $8 the wrapper's id.
 */
export const CREATE_KEYS = 'select created, shredded from privacy_create_keys($1, $2, $3, $4, $5, $6, $7, $8)';

const SHRED = 'set wrapped_key = null, wrapped_by = null, shredded_at = now()';

export const SHRED_CASE = `update privacy_keys ${SHRED} where case_ref = $1 and shredded_at is null`;
/** A case shredded before it had a key still gets its tombstone. */
export const TOMBSTONE_CASE = `insert into privacy_keys (key_id, scope, case_ref, shredded_at)
  values ($2, 'case', $1, now()) on conflict do nothing`;

export const SHRED_SUBJECT = `update privacy_keys ${SHRED}
  where scope = 'subject' and subject_kind = $1 and subject_ref = $2 and shredded_at is null`;
export const TOMBSTONE_SUBJECT = `insert into privacy_keys (key_id, scope, subject_kind, subject_ref, shredded_at)
  select $3, 'subject', $1, $2, now()
  where not exists (select 1 from privacy_keys where scope = 'subject' and subject_kind = $1 and subject_ref = $2)`;

/** Parameters of SELECT_BY_REF and INSERT_KEY's ref columns. */
export function refParams(ref: KeyRef): [string, string, string | null, string | null] {
  return ref.scope === 'case' ? [ref.caseRef, 'case', null, null] : [ref.caseRef, 'subject', ref.subjectKind, ref.subjectRef];
}

export const caseLock = (caseRef: string) => `case/${caseRef}`;
export const subjectLock = (kind: SubjectKind, subjectRef: string) => `subject/${kind}/${subjectRef}`;

/**
 * Creating a key takes its case's lock, then its subject's; shredding a case takes the case lock,
 * shredding a subject the subject lock. One order, so no deadlock, and no key is ever created
 * beside a shred that would miss it. Hash collisions only make unrelated refs wait for each other.
 */
export async function lockRefs(client: PoolClient, locks: string[]): Promise<void> {
  for (const lock of locks) {
    await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [REF_LOCK_NAMESPACE, lock]);
  }
}

export function locksFor(ref: KeyRef): string[] {
  const forCase = caseLock(ref.caseRef);
  return ref.scope === 'case' ? [forCase] : [forCase, subjectLock(ref.subjectKind, ref.subjectRef)];
}

/** The AAD of a wrapped data key: a wrapped key moved to another row no longer unwraps. */
export const dataKeyContext = (keyId: string) => `vertrouwd/privacy/data-key/${keyId}`;
