import type { Privacy } from './create-privacy';
import { distinctErasures, type Erasure } from './vault/erasure-ledger';

/** What re-applying a ledger did: erasures applied, and the keys and audit secrets that were still live. */
export interface ReappliedErasures {
  readonly erasures: number;
  readonly keys: number;
}

/**
 * Shreds again, in this vault, everything the ledger says was erased: run on a restored backup before any service
 * serves from it. Idempotent: an erasure the copy already holds shreds nothing; one made after the backup shreds the
 * keys the copy still has and leaves the tombstone that refuses new keys for that case or subject. Open `privacy`
 * without a ledger (re-applying writes nothing new down).
 */
export async function reapplyErasures(privacy: Pick<Privacy, 'vault' | 'pseudonymizer'>, ledger: Erasure[]): Promise<ReappliedErasures> {
  const erasures = distinctErasures(ledger);
  let keys = 0;
  for (const erasure of erasures) {
    if (erasure.scope === 'case') keys += (await privacy.vault.shredCase(erasure.caseRef)).keys;
    else if (erasure.scope === 'subject') keys += (await privacy.vault.shredSubject(erasure.subjectKind, erasure.subjectRef)).keys;
    else await privacy.pseudonymizer.endAudit(erasure.auditId);
  }
  return { erasures: erasures.length, keys };
}
