import { closeSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { InputError } from '../errors';
import { readText } from '../load/read-file';

/** How long a run waits for another to finish appending, and when a lock is presumed abandoned. */
const WAIT_MS = 30_000;
const STALE_MS = 120_000;

const sleep = (ms: number): void => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms) as unknown as void;

interface Holder {
  pid: number;
  host: string;
  at: number;
}

/** Who holds the lock; null while it is being written or once released. A FIFO or device in its place is refused (reading it would block). */
function holder(lock: string): Holder | null {
  let text: string;
  try {
    text = readText(lock, { what: 'evidence log lock', allowEmpty: true });
  } catch (err) {
    // Released (and perhaps re-created) between our open and this read: not held by anyone we
    // can name, so wait and retry. Only a lock that is not a regular file is an error.
    const st = lstatSync(lock, { throwIfNoEntry: false });
    if (!st || st.isFile()) return null;
    throw err;
  }
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.pid === 'number' && typeof h.at === 'number' ? h : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Abandoned: its process on this host is gone, or it is older than any append takes. */
function stale(h: Holder | null): boolean {
  if (!h) return false;
  if (h.host === hostname() && !alive(h.pid)) return true;
  return Date.now() - h.at > STALE_MS;
}

/**
 * Runs `f` holding `<file>.lock`, created with O_EXCL so only one process holds it; others
 * wait. A lock left by a process that died is moved aside (rename is atomic: of two waiters
 * only one breaks it) and taken.
 */
export function withLock<T>(file: string, f: () => T): T {
  const lock = `${file}.lock`;
  const until = Date.now() + WAIT_MS;
  let fd: number | undefined;
  for (let delay = 5; fd === undefined; delay = Math.min(delay * 2, 200)) {
    try {
      fd = openSync(lock, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new InputError(`${lock}: cannot create the evidence log lock (${(err as Error).message})`);
      const h = holder(lock);
      if (stale(h)) {
        const aside = `${lock}.stale-${process.pid}-${Date.now()}`;
        try {
          renameSync(lock, aside);
          // Another waiter may have broken it and taken a fresh lock in between: give that one
          // back, unless a third has locked since (link never replaces an existing file).
          if (JSON.stringify(holder(aside)) !== JSON.stringify(h)) linkSync(aside, lock);
          unlinkSync(aside);
        } catch {
          // Someone else moved it first; try again.
        }
        continue;
      }
      if (Date.now() > until) throw new InputError(`${lock}: another run has held the evidence log lock for over ${WAIT_MS / 1000} s (pid ${h?.pid ?? '?'}); remove the file if no run is writing evidence`);
      sleep(delay);
    }
  }
  try {
    return f();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
