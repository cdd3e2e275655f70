import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkKind, opaqueId, type SubjectKind } from './key-ref';

/**
 * One erasure as the ledger keeps it: what was shredded (opaque refs, never content) and when. Re-applying it to an
 * older copy of the vault (a restored backup) shreds again whatever that copy still holds for it.
 */
export type Erasure =
  | { readonly scope: 'case'; readonly caseRef: string; readonly at: string }
  | { readonly scope: 'subject'; readonly subjectKind: SubjectKind; readonly subjectRef: string; readonly at: string }
  | { readonly scope: 'audit'; readonly auditId: string; readonly at: string };

/**
 * Where erasures are written down *before* they are shredded in the vault, kept apart from the database (beside
 * the master key) so that a database backup restored later cannot bring a shredded key back: the restore re-applies
 * every erasure of the ledger before the services serve (docs/operations/backup-restore.md).
 */
export interface ErasureLedger {
  /** Durable when it resolves; a failure stops the shred (nothing is shredded that the ledger does not know). */
  record(erasure: Erasure): Promise<void>;
}

/**
 * The ledger as a file of JSON lines, appended and synced to disk before each shred (the embedded default keeps it
 * in `<data dir>/privacy/erasures.log`, beside the master key). Appends from several processes do not interleave:
 * each line is one `write` in append mode.
 */
export class FileErasureLedger implements ErasureLedger {
  constructor(readonly file: string) {}

  async record(erasure: Erasure): Promise<void> {
    const line = `${JSON.stringify(checkErasure(erasure))}\n`;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Every erasure in the file (none if it does not exist). A last line cut short by a crash is skipped: its shred
   * never ran, because the shred waits for the line. Any other line that is not an erasure throws.
   */
  static read(file: string): Erasure[] {
    if (!existsSync(file)) return [];
    const lines = readFileSync(file, 'utf8').split('\n');
    const torn = lines.pop(); // '' after the final newline, or a line a crash cut short
    const erasures: Erasure[] = [];
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        erasures.push(checkErasure(JSON.parse(line) as Erasure));
      } catch {
        throw new Error(`Line ${index + 1} of the erasure ledger ${file} is not an erasure`);
      }
    }
    if (torn !== undefined && torn.trim() !== '') {
      try {
        erasures.push(checkErasure(JSON.parse(torn) as Erasure));
      } catch {
        // cut short by a crash before its shred: nothing to re-apply
      }
    }
    return erasures;
  }
}

/** The same erasure twice (two ledgers merged, a retried shred) is one. */
export function distinctErasures(erasures: Erasure[]): Erasure[] {
  const seen = new Map<string, Erasure>();
  for (const erasure of erasures) {
    const key =
      erasure.scope === 'case'
        ? `case/${erasure.caseRef}`
        : erasure.scope === 'subject'
          ? `subject/${erasure.subjectKind}/${erasure.subjectRef}`
          : `audit/${erasure.auditId}`;
    if (!seen.has(key)) seen.set(key, erasure);
  }
  return [...seen.values()];
}

/** The erasure with its refs checked as opaque ids and its time as an ISO string; throws on anything else. */
export function checkErasure(erasure: Erasure): Erasure {
  const at = typeof erasure.at === 'string' && !Number.isNaN(Date.parse(erasure.at)) ? erasure.at : undefined;
  if (!at) throw new Error('An erasure needs the time it was made');
  switch (erasure.scope) {
    case 'case':
      return { scope: 'case', caseRef: opaqueId(erasure.caseRef, 'caseRef'), at };
    case 'subject':
      return { scope: 'subject', subjectKind: checkKind(erasure.subjectKind), subjectRef: opaqueId(erasure.subjectRef, 'subjectRef'), at };
    case 'audit':
      return { scope: 'audit', auditId: opaqueId(erasure.auditId, 'auditId'), at };
    default:
      throw new Error('An erasure is of a case, a subject or an audit');
  }
}
