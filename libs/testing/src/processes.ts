import { readFileSync } from 'node:fs';

/** Whether a process runs: not gone, and not a zombie (an exited process its parent has not reaped yet). */
export function processRuns(pid: number): boolean {
  try {
    // The state follows the name in parentheses, which may itself hold ") ": read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
