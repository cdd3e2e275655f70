import { randomBytes, randomUUID } from 'node:crypto';
import { KEY_BYTES } from '../crypto/aes-gcm';
import { AlreadyShreddedError, UnknownKeyError } from '../errors';
import { caseKey, checkKind, checkRef, opaqueId, refKey, type KeyRef, type SubjectKind } from './key-ref';
import type { DataKey, KeyLookup, KeyVault, NewKeys, ShredResult } from './key-vault.port';

interface Entry {
  ref: KeyRef;
  key: Buffer | undefined;
}

/**
 * A {@link KeyVault} in memory with the same rules as the PostgreSQL one (one key per ref, erasure
 * final, erased cases and subjects refuse new keys), for unit tests of code that seals. Not durable.
 */
export class InMemoryKeyVault implements KeyVault {
  private readonly byId = new Map<string, Entry>();
  private readonly idByRef = new Map<string, string>();
  private readonly shreddedCases = new Set<string>();
  private readonly shreddedSubjects = new Set<string>();

  async keyFor(ref: KeyRef): Promise<DataKey> {
    const checked = checkRef(ref);
    const existing = this.idByRef.get(refKey(checked));
    if (existing) {
      const { key } = this.byId.get(existing)!;
      if (!key) throw new AlreadyShreddedError(checked.scope);
      return { keyId: existing, key };
    }
    if (this.shreddedCases.has(checked.caseRef)) throw new AlreadyShreddedError('case');
    if (checked.scope === 'subject' && this.shreddedSubjects.has(`${checked.subjectKind}/${checked.subjectRef}`)) {
      throw new AlreadyShreddedError('subject');
    }
    const keyId = randomUUID();
    const key = randomBytes(KEY_BYTES);
    this.byId.set(keyId, { ref: checked, key });
    this.idByRef.set(refKey(checked), keyId);
    return { keyId, key };
  }

  /** As the PostgreSQL vault's, without a transaction: all keys or none. */
  async createKeys(refs: KeyRef[]): Promise<DataKey[]> {
    const checked = refs.map(checkRef);
    for (const ref of checked) {
      if (this.idByRef.has(refKey(ref))) throw new Error('createKeys: a ref has a key already');
      if (this.shreddedCases.has(ref.caseRef)) throw new AlreadyShreddedError('case');
      if (ref.scope === 'subject' && this.shreddedSubjects.has(`${ref.subjectKind}/${ref.subjectRef}`))
        throw new AlreadyShreddedError('subject');
    }
    return Promise.all(checked.map((ref) => this.keyFor(ref)));
  }

  /** Made and kept at once (this vault has no transactions): `store` has nothing left to write. */
  async newKeys(refs: KeyRef[]): Promise<NewKeys> {
    return { keys: await this.createKeys(refs), store: async () => undefined };
  }

  async keyById(keyId: string): Promise<KeyLookup> {
    const entry = this.byId.get(keyId);
    if (!entry) throw new UnknownKeyError(keyId);
    return entry.key ? { status: 'live', key: entry.key, caseRef: entry.ref.caseRef } : { status: 'erased' };
  }

  async shredSubject(subjectKind: SubjectKind, subjectRef: string): Promise<ShredResult> {
    const kind = checkKind(subjectKind);
    const ref = opaqueId(subjectRef, 'subjectRef');
    this.shreddedSubjects.add(`${kind}/${ref}`);
    return this.shredWhere((r) => r.scope === 'subject' && r.subjectKind === kind && r.subjectRef === ref);
  }

  async shredCase(caseRef: string): Promise<ShredResult> {
    const ref = caseKey(caseRef).caseRef;
    this.shreddedCases.add(ref);
    return this.shredWhere((r) => r.caseRef === ref);
  }

  private shredWhere(matches: (ref: KeyRef) => boolean): ShredResult {
    let keys = 0;
    for (const entry of this.byId.values()) {
      if (entry.key && matches(entry.ref)) {
        entry.key = undefined;
        keys += 1;
      }
    }
    return { keys };
  }
}
