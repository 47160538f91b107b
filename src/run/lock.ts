import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../util/problems.js';

/**
 * Claims a run directory's journal for this process. Two runs appending to one journal would interleave
 * records and invalidate each other's offsets, so the second is refused; a lock left by a process that
 * no longer exists (kill -9) is taken over. Returns the release function.
 */
export function lockFile(path: string): () => void {
  return takeLock(`${path}.lock`, path);
}

/**
 * Creates `lock` holding this process's id, or takes it over from a process that no longer exists; refused (bad
 * input naming `subject`) while a live process holds it. Returns the release function.
 */
export function takeLock(lock: string, subject: string): () => void {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number(readFileSync(lock, 'utf8'));
    if (isAlive(holder))
      throw new InputError([
        { file: subject, message: `is in use by another counterfair run (process ${holder}); wait for it to finish or use another --out` },
      ]);
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

/** Whether a process with this id exists (one of another user's counts: it cannot be signalled, but it is there). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
