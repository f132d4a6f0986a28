import { appendFileSync, closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { readText } from '../load/read-file';
import { dirname, join } from 'node:path';
import { InputError } from '../errors';
import { sha256 } from '../evaluate/manifest';
import { canonicalJson } from './canonical';
import { keyId, signHash, verifyHash } from './sign';

/**
 * One line of the evidence log (JSON Lines). `hash` covers every other field, `prev` included,
 * except the signature: `signature` is Ed25519 over `hash`, by the key `key_id` names.
 */
export interface LogEntry {
  seq: number;
  timestamp: string;
  /** Bundle folder, relative to the log's folder. */
  bundle: string;
  bundle_sha256: string;
  decision_sha256: string;
  git_commit: string | null;
  exit_code: number;
  findings: number;
  blocking: number;
  /** `hash` of the entry before; 64 zeros for the first. */
  prev: string;
  hash: string;
  /** base64 Ed25519 signature of `hash` (absent in an unsigned log). */
  signature?: string;
  /** First 16 hex digits of the sha256 of the signing key's public key (SPKI DER). */
  key_id?: string;
}

type Body = Omit<LogEntry, 'hash' | 'signature' | 'key_id'>;

export const GENESIS = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;

export const hashOf = (entry: Body): string => sha256(canonicalJson(entry));

function bodyOf(e: LogEntry): Body {
  const b: Partial<LogEntry> = { ...e };
  delete b.hash;
  delete b.signature;
  delete b.key_id;
  return b as Body;
}

function malformed(log: string, n: number, why: string): InputError {
  return new InputError(`${log}: entry ${n} is malformed: ${why}`);
}

function parseEntry(log: string, line: string, n: number): LogEntry {
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch {
    throw malformed(log, n, 'not JSON');
  }
  if (e === null || typeof e !== 'object' || Array.isArray(e)) throw malformed(log, n, 'not a JSON object');
  const x = e as Record<string, unknown>;
  const strings = ['timestamp', 'bundle', 'bundle_sha256', 'decision_sha256', 'prev', 'hash'];
  for (const k of strings) if (typeof x[k] !== 'string') throw malformed(log, n, `"${k}" missing or not a string`);
  for (const k of ['seq', 'exit_code', 'findings', 'blocking']) if (!Number.isInteger(x[k])) throw malformed(log, n, `"${k}" missing or not an integer`);
  if (x.git_commit !== null && typeof x.git_commit !== 'string') throw malformed(log, n, '"git_commit" must be a string or null');
  if (!HEX64.test(x.hash as string) || !HEX64.test(x.prev as string)) throw malformed(log, n, '"hash" and "prev" must be sha256 hex');
  if ((x.signature === undefined) !== (x.key_id === undefined)) throw malformed(log, n, '"signature" and "key_id" come together');
  if (x.signature !== undefined && (typeof x.signature !== 'string' || typeof x.key_id !== 'string')) throw malformed(log, n, '"signature" and "key_id" must be strings');
  return x as unknown as LogEntry;
}

/** Every entry, in file order; blank lines are ignored (a trailing newline). */
export function readLog(log: string): LogEntry[] {
  if (!existsSync(log)) throw new InputError(`${log}: evidence log not found`);
  const lines = readText(log, { what: 'evidence log', allowEmpty: true }).split('\n');
  const entries: LogEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    entries.push(parseEntry(log, line, i + 1));
  });
  return entries;
}

/**
 * Appends one entry chained to the last, signed when a key is given; the log is created on
 * first use. Callers hold the log's lock (`withLock`), so two runs never chain to one entry.
 */
export function appendEntry(log: string, fields: Omit<Body, 'seq' | 'prev'>, key: KeyObject | null = null): LogEntry {
  const entries = existsSync(log) ? readLog(log) : [];
  const last = entries[entries.length - 1];
  const body: Body = { seq: (last?.seq ?? 0) + 1, ...fields, prev: last?.hash ?? GENESIS };
  const hash = hashOf(body);
  const entry: LogEntry = { ...body, hash, ...(key ? { key_id: keyId(key), signature: signHash(key, hash) } : {}) };
  try {
    appendFileSync(log, canonicalJson(entry) + '\n');
    const fd = openSync(log, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    throw new InputError(`${log}: cannot append to the evidence log (${err instanceof Error ? err.message : String(err)})`);
  }
  return entry;
}

export type Verdict =
  | { intact: true; entries: number; head: string; signed: number; keyChecked: string | null }
  | { intact: false; entry: number; reason: string };

export interface VerifyOptions {
  /** Also re-hash each entry's bundle (evidence.json) next to the log. */
  bundles?: boolean;
  /** The last entry's hash as recorded elsewhere: detects entries cut off the end. */
  head?: string;
  /** Every entry must carry a signature by this key: detects forged and rewritten entries. */
  publicKey?: KeyObject;
}

/**
 * Walks the chain: each entry must hash to its `hash`, carry the next sequence number and
 * point at the entry before. The first break names the entry (1-based, in file order).
 */
export function verifyLog(log: string, opts: VerifyOptions = {}): Verdict {
  const entries = readLog(log);
  if (entries.length === 0) throw new InputError(`${log}: the evidence log has no entries`);
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    const n = i + 1;
    const { hash, signature } = e;
    if (hashOf(bodyOf(e)) !== hash) return { intact: false, entry: n, reason: 'content does not match its hash (entry edited)' };
    if (opts.publicKey) {
      if (signature === undefined) return { intact: false, entry: n, reason: 'not signed, and --public-key needs every entry signed by that key' };
      if (!verifyHash(opts.publicKey, hash, signature)) {
        return { intact: false, entry: n, reason: 'signature does not verify with the public key (a forged entry, or signed with another key)' };
      }
    }
    if (e.seq !== n) {
      return { intact: false, entry: n, reason: `sequence number ${e.seq} where ${n} was expected (an entry was removed, reordered or inserted)` };
    }
    if (e.prev !== prev) return { intact: false, entry: n, reason: `does not chain to entry ${n - 1} (an entry before it was edited, removed or reordered)` };
    if (opts.bundles) {
      const file = join(dirname(log), e.bundle, 'evidence.json');
      if (!existsSync(file)) return { intact: false, entry: n, reason: `bundle ${e.bundle} is missing` };
      if (sha256(readText(file, { allowEmpty: true })) !== e.bundle_sha256) return { intact: false, entry: n, reason: `bundle ${e.bundle}/evidence.json was changed` };
    }
    prev = hash;
  }
  if (opts.head && opts.head !== prev) {
    return { intact: false, entry: entries.length, reason: `last entry's hash is not the expected head ${opts.head} (entries cut off the end?)` };
  }
  const signed = entries.filter((e) => e.signature !== undefined).length;
  return { intact: true, entries: entries.length, head: prev, signed, keyChecked: opts.publicKey ? keyId(opts.publicKey) : null };
}
