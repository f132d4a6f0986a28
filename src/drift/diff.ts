import { isJson, redact } from '../normalize/draft';
import type { AttributeChange } from '../types/drift-report';

export type Segment = string | number;

/** `tags.owner`, `logging[0].target_bucket`, `tags["kubernetes.io/role"]`. */
export function pathString(path: Segment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isJson(a) && isJson(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isJson(v) && Object.keys(v).length === 0);

function parsedJson(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** null ↔ {} and a policy document re-serialised by the cloud are not real changes. */
function cosmetic(before: unknown, after: unknown): boolean {
  if (isEmpty(before) && isEmpty(after)) return true;
  const b = parsedJson(before);
  return b !== undefined && deepEqual(b, parsedJson(after));
}

/** A marker tree (before_sensitive ∪ after_sensitive) one step down. */
export const step = (marks: unknown, s: Segment): unknown => (Array.isArray(marks) || isJson(marks) ? (marks as Record<string, unknown>)[s as string] : marks === true);

const anyMarked = (marks: unknown): boolean =>
  marks === true || (Array.isArray(marks) ? marks.some(anyMarked) : isJson(marks) ? Object.values(marks).some(anyMarked) : false);

/** One changed attribute; values leave only through `redact`, so marked parts read `(sensitive)`. */
export function leafChange(path: Segment[], before: unknown, after: unknown, marks: unknown): AttributeChange {
  const sensitive = anyMarked(marks);
  const change: AttributeChange = {
    path: pathString(path),
    op: before === undefined ? 'add' : after === undefined ? 'remove' : 'change',
    sensitive,
    cosmetic: !sensitive && cosmetic(before, after),
  };
  if (before !== undefined) change.before = redact(before, marks);
  if (after !== undefined) change.after = redact(after, marks);
  return change;
}

/**
 * Attribute-level differences between the desired and the live values. Values are compared
 * raw (so a changed secret is still seen) but only ever emitted through `redact`: wherever
 * either side is marked sensitive, the report shows `(sensitive)`.
 */
export function diffValues(before: unknown, after: unknown, marks: unknown, path: Segment[] = [], out: AttributeChange[] = []): AttributeChange[] {
  if (deepEqual(before, after)) return out;
  if (marks === true) {
    out.push(leafChange(path, before, after, marks));
    return out;
  }
  const blocks = (v: unknown): boolean => Array.isArray(v) && v.some((x) => isJson(x) || Array.isArray(x));
  if (Array.isArray(before) && Array.isArray(after) && (blocks(before) || blocks(after))) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffValues(before[i], after[i], step(marks, i), [...path, i], out);
    return out;
  }
  if (isJson(before) && isJson(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) diffValues(before[k], after[k], step(marks, k), [...path, k], out);
    return out;
  }
  out.push(leafChange(path, before, after, marks));
  return out;
}
