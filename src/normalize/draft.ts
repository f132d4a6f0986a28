import type { Action, Origin, Provider, Waiver } from '../types/policy-input';
import type { Json } from '../load/types';

/** A resource as one source format sees it, before keys, tags and regions are resolved. */
export interface Draft {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  module: string;
  index: string | number | null;
  /** Provider configuration key, e.g. `aws`, `aws.west`. */
  provider: string;
  values: Json;
  unknown: string[];
  /** Paths whose value Terraform would reject for the declared type (also in `unknown`). */
  unreadable?: string[];
  sensitive: string[];
  /**
   * Of the sensitive paths, those whose value is a collection (a list, set, map, object or
   * block) Terraform hides as a whole: one sensitive value inside made all of it sensitive.
   */
  hidden?: string[];
  action: Action;
  origin: Origin;
  /** Attribute path → addresses (same stack) it refers to. */
  references: Record<string, string[]>;
  /**
   * Attribute paths whose configuration refers to something, none of it a resource the input
   * holds (a local value, a module output): normalize() keeps those unknown at plan time as the
   * input's `unlinked`.
   */
  unlinked?: string[];
  /** HCL: attribute paths whose expression names anything not written in the code (a root variable, a local, a resource; module-refs.ts writtenInCode): not literals. */
  referencing?: string[];
  waivers?: Waiver[];
  /** Plans: hidden paths built from what the plan does not hold, read in the folder beside it (a literal there is in `written`). */
  readInSource?: string[];
  /**
   * For the secret scan only, by path: what the code writes in an attribute unknown before apply
   * as a whole (a container definition jsonencoded around a database's address), each unknown
   * part `(known after apply)`: from the HCL evaluator (its secret_views, or the known part of a
   * map), in a plan read beside its folder too. Never a rule's value.
   */
  secretViews?: Record<string, unknown>;
  /** Plans: a provisioner writes text beside a reference, which the plan does not hold (and no folder beside it shows). */
  provisionersUnread?: boolean;
  /** Plans: the configuration's expressions, whose literal values (writtenAt) are scanned for
   * secrets only (a plan keeps some attributes, such as an instance's user_data, as a hash of
   * what was written). */
  written?: Json;
}

export interface StackDraft {
  name: string;
  format: 'cdktf-out' | 'cdktf-json' | 'hcl' | 'plan' | 'state';
  source: string;
  providers: Record<string, Provider>;
  resources: Draft[];
  terraformVersion?: string;
  /** What this source could not show the rules, a line each (normalize() passes them on as not checked). */
  notChecked?: string[];
  /** How the user can have an unlinked attribute followed (a plan read without its folder): ends its not-checked line. */
  unlinkedAdvice?: string;
}

export const SENSITIVE = '(sensitive)';

export function cloudOf(type: string): 'aws' | 'azure' | 'other' {
  if (type.startsWith('aws_')) return 'aws';
  if (type.startsWith('azurerm_')) return 'azure';
  return 'other';
}

/** `aws_s3_bucket` → `aws`; the provider a resource uses when it names none. */
export function defaultProviderOf(type: string): string {
  return type.split('_')[0];
}

/** The value at `path` (or some of it) is unknown: the path, a path above it, or one below it is. */
export const unknownAt = (unknown: readonly string[], path: string): boolean => unknown.some((u) => u === path || path.startsWith(`${u}.`) || u.startsWith(`${path}.`));

/**
 * The value at a dotted path (list elements at each step, as after_unknown drops indexes) is
 * known and null: each value there is null, or there is none (no block holds it).
 */
export function knownNullAt(values: Json, unknown: readonly string[], path: string): boolean {
  const dot = path.indexOf('.');
  // Most references are top-level attributes, most of them set: no unknown path looked at.
  if (dot < 0) return (values[path] === null || values[path] === undefined) && !unknownAt(unknown, path);
  if (unknownAt(unknown, path)) return false;
  let at: unknown[] = [values];
  for (const seg of path.split('.')) {
    const next: unknown[] = [];
    for (const v of at) {
      for (const x of Array.isArray(v) ? v : [v]) if (isJson(x) && x[seg] !== undefined) next.push(x[seg]);
    }
    at = next;
  }
  return at.every((v) => v === null);
}

/**
 * A draft without the references of attributes whose value is known and null: whatever the
 * expression names (the branch of a conditional not taken, `try(…)`'s first choice) links
 * nothing. `kms_key_id = var.cmk ? aws_kms_key.k.arn : null` with cmk false had read as set to
 * the key, and a log group without one passed (in HCL and in a plan alike).
 */
export function withoutNullReferences(d: Draft): Draft {
  let kept: Record<string, string[]> | null = null;
  for (const attr in d.references) {
    // A hidden value is not null (a collection hidden as a whole holds no readable path).
    if (!knownNullAt(d.values, d.unknown, attr) || unknownAt(d.sensitive, attr)) continue;
    kept ??= { ...d.references };
    delete kept[attr];
  }
  return kept ? { ...d, references: kept } : d;
}

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Paths where a Terraform marker tree (after_unknown, sensitive_values) is `true`. Array indexes are dropped. */
export function markedPaths(tree: unknown, prefix = ''): string[] {
  if (tree === true) return prefix ? [prefix] : [];
  // One list for the whole tree, deduplicated once: keeping each path's first occurrence is
  // the same whether done at every level or at the end.
  const out: string[] = [];
  collectMarked(tree, prefix, out);
  return out.length > 1 ? [...new Set(out)] : out;
}

function collectMarked(tree: unknown, prefix: string, out: string[]): void {
  if (tree === true) {
    if (prefix) out.push(prefix);
  } else if (Array.isArray(tree)) {
    for (let i = 0; i < tree.length; i++) collectMarked(tree[i], prefix, out);
  } else if (isJson(tree)) {
    const keys = Object.keys(tree);
    for (let i = 0; i < keys.length; i++) collectMarked(tree[keys[i]], prefix ? `${prefix}.${keys[i]}` : keys[i], out);
  }
}

/** Some `true` in a marker tree (most are `{}` or `{tags: {}}`: nothing marked). */
export function hasMark(tree: unknown): boolean {
  if (tree === true) return true;
  if (Array.isArray(tree)) {
    for (let i = 0; i < tree.length; i++) if (hasMark(tree[i])) return true;
  } else if (isJson(tree)) {
    for (const k in tree) if (hasMark(tree[k])) return true;
  }
  return false;
}

/** Union of two marker trees (planned_values.sensitive_values and change.after_sensitive). */
export function mergeMarks(a: unknown, b: unknown): unknown {
  if (a === true || b === true) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return Array.from({ length: Math.max(x.length, y.length) }, (_, i) => mergeMarks(x[i], y[i]));
  }
  if (isJson(a) || isJson(b)) {
    const x = isJson(a) ? a : {};
    const y = isJson(b) ? b : {};
    const out: Json = {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) out[k] = mergeMarks(x[k], y[k]);
    return out;
  }
  return false;
}

/**
 * The marked paths that hold a value. Terraform marks a schema-sensitive attribute even when it
 * is null (an `auth_token` never set); listing those would read as "a secret is set". A path
 * absent from the values (unknown at plan time) is kept.
 */
export function sensitivePaths(marks: unknown, values: unknown, prefix = ''): string[] {
  if (marks === true) return prefix && values !== null ? [prefix] : [];
  const out: string[] = [];
  collectSensitive(marks, values, prefix, out);
  return out.length > 1 ? [...new Set(out)] : out;
}

function collectSensitive(marks: unknown, values: unknown, prefix: string, out: string[]): void {
  if (marks === true) {
    if (prefix && values !== null) out.push(prefix);
  } else if (Array.isArray(marks)) {
    for (let i = 0; i < marks.length; i++) collectSensitive(marks[i], Array.isArray(values) ? values[i] : undefined, prefix, out);
  } else if (isJson(marks)) {
    const keys = Object.keys(marks);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      collectSensitive(marks[k], isJson(values) ? values[k] : undefined, prefix ? `${prefix}.${k}` : k, out);
    }
  }
}

/** The sensitive paths (sensitivePaths) whose value is a list or an object: a collection hidden as a whole. */
export function hiddenCollections(marks: unknown, values: unknown, prefix = ''): string[] {
  const out: string[] = [];
  collectHidden(marks, values, prefix, out);
  return out.length > 1 ? [...new Set(out)] : out;
}

function collectHidden(marks: unknown, values: unknown, prefix: string, out: string[]): void {
  if (marks === true) {
    if (prefix && typeof values === 'object' && values !== null) out.push(prefix);
  } else if (Array.isArray(marks)) {
    if (Array.isArray(values)) for (let i = 0; i < marks.length; i++) collectHidden(marks[i], values[i], prefix, out);
  } else if (isJson(marks) && isJson(values)) {
    for (const k of Object.keys(marks)) collectHidden(marks[k], values[k], prefix ? `${prefix}.${k}` : k, out);
  }
}

/**
 * Replaces every value Terraform marks sensitive, so secrets never reach the policy or a report.
 * Copy on write: a list or object with nothing to redact is returned as it is (most marks are
 * empty `{}` trees, and copying every resource's values cost time and garbage).
 */
export function redact(values: unknown, marks: unknown): unknown {
  if (marks === true) return values === null || values === undefined ? values : SENSITIVE;
  if (Array.isArray(values) && Array.isArray(marks)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < values.length; i++) {
      const r = redact(values[i], marks[i]);
      if (r !== values[i]) (out ??= values.slice())[i] = r;
    }
    return out ?? values;
  }
  if (isJson(values) && isJson(marks)) {
    let out: Json | null = null;
    for (const [k, m] of Object.entries(marks)) {
      if (!(k in values)) continue;
      const r = redact(values[k], m);
      if (r !== values[k]) (out ??= { ...values })[k] = r;
    }
    return out ?? values;
  }
  return values;
}

const ACTIONS = new Set(['create', 'update', 'delete', 'no-op', 'read']);

export function actionOf(actions: unknown): Action {
  if (!Array.isArray(actions) || actions.length === 0) return 'none';
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  const a = String(actions[0]);
  return (ACTIONS.has(a) ? a : 'none') as Action;
}

/**
 * The configuration sets something at `path`, inside it or around it from an expression that
 * refers to something (a resource it names, or a value the input cannot follow: `unlinked`),
 * not left to the provider to compute.
 */
export function configuredAt(r: { references: Record<string, readonly string[]>; unlinked?: readonly string[] }, path: string): boolean {
  const related = (p: string): boolean => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`);
  return Object.entries(r.references).some(([p, keys]) => keys.length > 0 && related(p)) || (r.unlinked ?? []).some(related);
}

/**
 * A write-only argument (Terraform 1.11; hashicorp/aws names each `<name>_wo`, which
 * test/conformance/hidden-sets.test.ts holds to its schema): a plan and a state never show its
 * value, whatever the code writes.
 */
export const isWriteOnly = (path: string): boolean => /_wo$/.test(path.slice(path.lastIndexOf('.') + 1));
