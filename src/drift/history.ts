import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors';
import { readJson } from '../load/read-file';
import { driftFingerprint, fingerprintOf } from '../fingerprint';
import { isJson } from '../normalize/draft';
import type { DriftHistory, HistoryEntry, HistoryStatus, ResolvedItem } from '../types/drift-report';
import { schemaErrors } from '../normalize/validate';
import { hoursBetween } from './time';

export const HISTORY_VERSION = 2;

/** Something open in this run, keyed by fingerprint across runs. */
export interface OpenItem {
  fingerprint: string;
  kind: HistoryEntry['kind'];
  subject: string;
  stack: string;
}

export interface LoadedHistory {
  path: string | null;
  history: DriftHistory;
  status: HistoryStatus['status'];
  migratedFrom?: number;
}

/**
 * Version 0 (pre-release builds): a list of `{ id, subject, since, seen }` with epoch seconds.
 * Version 1: a map of readable keys (`finding:<rule>:<key>`, `drift:<key>`) → `{ kind,
 * subject, first_seen, last_seen }` with ISO instants.
 * Version 2: the same map keyed by the one fingerprint baselines and SARIF use.
 */
function migrateV0(path: string, doc: Record<string, unknown>): Record<string, unknown> {
  const bad = (why: string): never => {
    throw new InputError(`${path}: corrupt drift history (version 0: ${why}); the file was left untouched`);
  };
  if (!Array.isArray(doc.findings)) bad('"findings" must be a list');
  const items: DriftHistory['items'] = {};
  let latest = 0;
  for (const f of doc.findings as unknown[]) {
    if (!isJson(f) || typeof f.id !== 'string' || typeof f.since !== 'number' || typeof f.seen !== 'number') {
      bad('each finding needs id, since and seen');
    }
    const e = f as { id: string; subject?: unknown; since: number; seen: number };
    latest = Math.max(latest, e.seen);
    items[e.id] = {
      kind: e.id.startsWith('finding:') ? 'finding' : 'drift',
      subject: typeof e.subject === 'string' ? e.subject : e.id,
      first_seen: new Date(e.since * 1000).toISOString(),
      last_seen: new Date(e.seen * 1000).toISOString(),
    };
  }
  return { version: 1, updated_at: new Date(latest * 1000).toISOString(), items };
}

/** A version-1 key as a fingerprint: `finding:<rule id>:<subject key>` (rule ids hold no colon) or `drift:<key>`. */
function fingerprintOfV1Key(path: string, key: string): string {
  const finding = /^finding:([^:]+):(.+)$/.exec(key);
  if (finding) return fingerprintOf(finding[1], finding[2]);
  if (key.startsWith('drift:') && key.length > 6) return driftFingerprint(key.slice(6));
  throw new InputError(`${path}: corrupt drift history (version 1: item "${key}" is neither finding:<rule>:<key> nor drift:<key>); the file was left untouched`);
}

function migrateV1(path: string, doc: Record<string, unknown>): DriftHistory {
  const err = schemaErrors('drift-report', { ...doc, version: HISTORY_VERSION }, '#/definitions/DriftHistory');
  if (err) throw new InputError(`${path}: corrupt drift history (version 1: ${err}); the file was left untouched`);
  const v1 = doc as unknown as DriftHistory;
  const items: DriftHistory['items'] = {};
  for (const [key, entry] of Object.entries(v1.items)) items[fingerprintOfV1Key(path, key)] = entry;
  return { version: HISTORY_VERSION, updated_at: v1.updated_at, items };
}

/**
 * Reads --history. Missing: a new, empty history. Unreadable, malformed or from a newer
 * Leakguard: InputError (exit 2) before anything is written, so the file stays byte-identical.
 */
export function loadHistory(path: string | undefined, now: string): LoadedHistory {
  const empty: DriftHistory = { version: HISTORY_VERSION, updated_at: now, items: {} };
  if (!path) return { path: null, history: empty, status: 'none' };
  if (!existsSync(path)) return { path, history: empty, status: 'created' };
  const corrupt = (why: string): never => {
    throw new InputError(`${path}: corrupt drift history (${why}); the file was left untouched`);
  };
  let doc: unknown;
  try {
    doc = readJson(path);
  } catch (err) {
    if (err instanceof InputError) corrupt(err.message.slice(path.length + 2));
    throw err;
  }
  if (!isJson(doc) || typeof doc.version !== 'number') return corrupt('no numeric "version" field');
  if (doc.version > HISTORY_VERSION) corrupt(`version ${doc.version} is newer than this Leakguard reads (${HISTORY_VERSION})`);
  if (doc.version === 0) return { path, history: migrateV1(path, migrateV0(path, doc)), status: 'migrated', migratedFrom: 0 };
  if (doc.version === 1) return { path, history: migrateV1(path, doc), status: 'migrated', migratedFrom: 1 };
  const err = schemaErrors('drift-report', doc, '#/definitions/DriftHistory');
  if (err) corrupt(err);
  return { path, history: doc as unknown as DriftHistory, status: 'updated' };
}

/**
 * The stack an entry was seen in: its `stack`, else (entries written before it existed) the
 * stack of the `<stack>/<address>` key its subject ends with; undefined for a key without one.
 */
export function stackOfEntry(e: HistoryEntry): string | undefined {
  if (e.stack !== undefined) return e.stack;
  const key = e.subject.slice(e.subject.lastIndexOf(' ') + 1);
  const slash = key.indexOf('/');
  return slash > 0 && !key.includes(':') ? key.slice(0, slash) : undefined;
}

/**
 * Carries first_seen over, stamps last_seen, and drops what is no longer open (with its
 * resolution time). Only the entries of `checked` stacks can resolve: the others (stacks this
 * run did not look at) are kept as they are. Entries of no known stack count as checked.
 */
export function advance(prev: DriftHistory, open: OpenItem[], now: string, checked?: ReadonlySet<string>): { next: DriftHistory; resolved: ResolvedItem[] } {
  const items: DriftHistory['items'] = {};
  for (const o of open) {
    const seen = prev.items[o.fingerprint];
    items[o.fingerprint] = { kind: o.kind, subject: o.subject, stack: o.stack, first_seen: seen?.first_seen ?? now, last_seen: now };
  }
  const unchecked = ([fp, e]: [string, HistoryEntry]): boolean => {
    const stack = stackOfEntry(e);
    return !(fp in items) && checked !== undefined && stack !== undefined && !checked.has(stack);
  };
  for (const [fp, e] of Object.entries(prev.items).filter(unchecked)) items[fp] = e;
  const resolved: ResolvedItem[] = Object.entries(prev.items)
    .filter(([fp]) => !(fp in items))
    .map(([fingerprint, e]) => ({
      fingerprint,
      kind: e.kind,
      subject: e.subject,
      first_seen: e.first_seen,
      last_seen: e.last_seen,
      resolved_at: now,
      open_hours: Math.max(0, hoursBetween(e.first_seen, now)),
    }))
    .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
  return { next: { version: HISTORY_VERSION, updated_at: now, items }, resolved };
}

/** Written to a sibling temp file and renamed, so a crash never leaves half a history. */
export function saveHistory(path: string, history: DriftHistory): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(history, null, 2) + '\n');
  renameSync(tmp, path);
}
