import { readFileSync } from 'node:fs';

/** Whether a process runs: not gone, and not a zombie (an exited process its parent has not reaped yet). */
export function processRuns(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}
