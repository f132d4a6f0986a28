import fc from 'fast-check';
import type { Source } from './sources';

type Json = Record<string, unknown>;

/** A mutant: the file's bytes, and the address the violating resource has in it. */
export interface Mutant {
  kind: string;
  bytes: Buffer;
  address: string;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Every resource entry of a plan's planned_values (child modules included). */
function plannedEntries(module: unknown, out: Json[] = []): Json[] {
  if (!isObj(module)) return out;
  for (const r of Array.isArray(module.resources) ? module.resources : []) if (isObj(r)) out.push(r);
  for (const c of Array.isArray(module.child_modules) ? module.child_modules : []) plannedEntries(c, out);
  return out;
}

/** Where the violating resource lives in a source document. */
export interface Located {
  /** The object holding the attribute values (plan `values`, config block body). */
  values: Json;
  /** Plan: the planned_values entry and its resource_changes entry. Config: the section map and key. */
  entry?: Json;
  change?: Json;
  parent?: Json;
  key?: string;
}

export function locate(kind: Source['kind'], doc: Json, address: string): Located | undefined {
  if (kind === 'plan') {
    const entry = plannedEntries(isObj(doc.planned_values) ? doc.planned_values.root_module : undefined).find((r) => r.address === address);
    if (!entry || !isObj(entry.values)) return undefined;
    const change = (Array.isArray(doc.resource_changes) ? doc.resource_changes : []).find((c) => isObj(c) && c.address === address && c.deposed === undefined) as Json | undefined;
    return { values: entry.values, entry, change };
  }
  const m = /^(data\.)?([^.]+)\.([^.[]+)$/.exec(address);
  if (!m) return undefined;
  const section = doc[m[1] ? 'data' : 'resource'];
  const byName = isObj(section) ? section[m[2]] : undefined;
  if (!isObj(byName) || !isObj(byName[m[3]])) return undefined;
  return { values: byName[m[3]] as Json, parent: byName, key: m[3] };
}

type Path = Array<string | number>;

/** Attribute paths below a resource's values (nested blocks and list items too), up to depth 4. */
export function attributePaths(values: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length >= 4) return out;
  if (Array.isArray(values)) values.forEach((v, i) => (out.push([...prefix, i]), attributePaths(v, [...prefix, i], out)));
  else if (isObj(values)) for (const [k, v] of Object.entries(values)) if (!k.startsWith('//')) out.push([...prefix, k]), attributePaths(v, [...prefix, k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], root);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}

/**
 * Attribute-level shape and encoding changes that keep the value's meaning or make it one
 * Terraform rejects (never a different valid value: `true` for "public-read" is the string
 * "true" to Terraform, a new configuration). Undefined when it does not apply to the value.
 */
const attributeMutations: Record<string, (v: unknown) => unknown> = {
  'array around a value': (v) => (v === null ? undefined : [v]),
  'object around a value': (v) => (scalar(v) || (Array.isArray(v) && v.every(scalar)) ? { value: v } : undefined),
  'quoted boolean or number': (v) => (typeof v === 'boolean' || typeof v === 'number' ? String(v) : undefined),
  'number as a padded string': (v) => (typeof v === 'number' ? ` ${v} ` : undefined),
  'capitalised boolean string': (v) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : undefined),
  'empty object': (v) => (scalar(v) ? {} : undefined),
  'list of lists': (v) => (Array.isArray(v) ? [v] : undefined),
};

/** Resource-level structure changes of a plan entry: each must be refused. */
const planStructure: Record<string, (l: Located, doc: Json) => void> = {
  'values as a list': (l) => (l.entry!.values = [l.values]),
  'values as a string': (l) => (l.entry!.values = 'values'),
  'values as null': (l) => (l.entry!.values = null),
  'address as a number': (l) => (l.entry!.address = 7),
  'address as null': (l) => (l.entry!.address = null),
  'address as a list': (l) => (l.entry!.address = [l.entry!.address]),
  'type as a number': (l) => (l.entry!.type = 1),
  'type as a list': (l) => (l.entry!.type = [l.entry!.type]),
  'name as a number': (l) => (l.entry!.name = 2),
  'name as null': (l) => (l.entry!.name = null),
  'index as an object': (l) => (l.entry!.index = { i: 0 }),
  'index as a boolean': (l) => (l.entry!.index = true),
  'index as a negative number': (l) => (l.entry!.index = -1),
  'mode as a number': (l) => (l.entry!.mode = 3),
  'sensitive_values as a string': (l) => (l.entry!.sensitive_values = 'password'),
  'sensitive_values holding a string': (l) => (l.entry!.sensitive_values = { password: 'yes' }),
  'duplicate address': (_l, doc) => {
    const root = (doc.planned_values as Json).root_module as Json;
    const entry = _l.entry!;
    root.resources = [...(Array.isArray(root.resources) ? root.resources : []), JSON.parse(JSON.stringify(entry))];
  },
  // The planned object gone, its change (create, update, no-op…) kept: a resource no rule would see.
  'change without its planned entry': (l, doc) => {
    const drop = (m: unknown): void => {
      if (!isObj(m)) return;
      if (Array.isArray(m.resources)) m.resources = m.resources.filter((r) => r !== l.entry);
      for (const c of Array.isArray(m.child_modules) ? m.child_modules : []) drop(c);
    };
    drop((doc.planned_values as Json).root_module);
  },
  // The planned object kept, its change turned into a delete: a resource the estate rules would not count.
  'change deleting its planned entry': (l) => ((l.change!.change as Json).actions = ['delete']),
  // The change taken out of resource_changes (its unknown and sensitive marks with it), or dressed as a deposed object's.
  'change taken out': (l, doc) => (doc.resource_changes = (doc.resource_changes as Json[]).filter((c) => c !== l.change)),
  'change marked deposed': (l) => (l.change!.deposed = 'a1b2c3d4'),
  // What the rules read taken out of planned_values, the change left whole.
  'values emptied': (l) => (l.entry!.values = {}),
  'values taken out': (l) => delete l.entry!.values,
  'after_unknown as a string': (l) => l.change && (l.change.change as Json) && ((l.change.change as Json).after_unknown = 'all'),
  'after_unknown holding a number': (l) => l.change && ((l.change.change as Json).after_unknown = { acl: 1 }),
  'after_sensitive as a list of strings': (l) => l.change && ((l.change.change as Json).after_sensitive = ['password']),
};

/** Resource-level structure changes of a config block: each must be refused. */
const configStructure: Record<string, (l: Located) => void> = {
  'block as a string': (l) => (l.parent![l.key!] = 'resource'),
  'block as a number': (l) => (l.parent![l.key!] = 5),
  'block as null': (l) => (l.parent![l.key!] = null),
  'block declared twice': (l) => (l.parent![l.key!] = [l.values, l.values]),
};

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function strings(values: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof values === 'string') out.push(prefix);
  else if (Array.isArray(values)) values.forEach((v, i) => strings(v, [...prefix, i], out));
  else if (isObj(values)) for (const [k, v] of Object.entries(values)) strings(v, [...prefix, k], out);
  return out;
}

/**
 * The document's text with the violating resource's first string value written by `raw`
 * (raw JSON text for the original string), or undefined when the resource has no string.
 */
function rewriteString(source: Source, address: string, raw: (original: string) => string): Buffer | undefined {
  const doc = clone(source.doc);
  const l = locate(source.kind, doc, address);
  const p = l && strings(l.values)[0];
  if (!l || !p) return undefined;
  const original = getAt(l.values, p) as string;
  const token = '@@MUTATED-STRING@@';
  setAt(l.values, p, token);
  const [before, after] = JSON.stringify(doc, null, 1).split(JSON.stringify(token));
  return Buffer.concat([Buffer.from(before), Buffer.from(raw(original), 'latin1'), Buffer.from(after)]);
}

// Every UTF-16 unit as a \\uXXXX escape (astral characters as their surrogate pair).
const escapeAll = (s: string): string => s.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const jsonBody = (s: string): string => Buffer.from(JSON.stringify(s).slice(1, -1)).toString('latin1');

/** Encodings of the same document: each keeps the value (finding kept) or is invalid (refused). */
function encodings(source: Source, address: string): Record<string, () => Mutant | undefined> {
  const as = (kind: string, bytes: Buffer | undefined): Mutant | undefined => bytes && { kind, bytes, address };
  return {
    'byte order mark': () => as('byte order mark', Buffer.from(`\ufeff${JSON.stringify(source.doc)}`)),
    'every character escaped': () => as('every character escaped', rewriteString(source, address, (s) => `"${escapeAll(s)}"`)),
    'lone surrogate': () => as('lone surrogate', rewriteString(source, address, (s) => `"${jsonBody(s)}\\ud800"`)),
    // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
    'invalid UTF-8': () => as('invalid UTF-8', rewriteString(source, address, (s) => `"${jsonBody(s)}\xc3("`)),
    'unicode index key': () => {
      if (source.kind !== 'plan') return undefined;
      const doc = clone(source.doc);
      const l = locate('plan', doc, address);
      if (!l?.entry || l.entry.index !== undefined) return undefined;
      const key = 'ключ-ü-☃';
      const next = `${address}[${JSON.stringify(key)}]`;
      l.entry.index = key;
      l.entry.address = next;
      if (l.change) l.change.address = next;
      return { kind: 'unicode index key', bytes: Buffer.from(JSON.stringify(doc)), address: next };
    },
  };
}

export type Expect = 'keep' | 'refuse' | 'any';

export interface Planned {
  mutant: Mutant;
  /** What a correct tool must do: keep the finding, refuse the file, or either (or say unverifiable). */
  expect: Expect;
  /** Structural mutants: the refusal must name the file and the resource. */
  structural?: boolean;
}

/** One mutant of `source` around its violating resource at `address`, chosen by `choice`. */
export function mutate(source: Source, address: string, choice: { family: number; pick: number; path: number }): Planned | undefined {
  const families = ['attribute', 'structure', 'encoding'] as const;
  const family = families[choice.family % families.length];
  if (family === 'attribute') {
    const doc = clone(source.doc);
    const l = locate(source.kind, doc, address);
    if (!l) return undefined;
    const paths = attributePaths(l.values);
    if (paths.length === 0) return undefined;
    const path = paths[choice.path % paths.length];
    const names = Object.keys(attributeMutations);
    const name = names[choice.pick % names.length];
    const next = attributeMutations[name](getAt(l.values, path));
    if (next === undefined) return undefined;
    setAt(l.values, path, next);
    return { mutant: { kind: name, bytes: Buffer.from(JSON.stringify(doc)), address }, expect: 'any' };
  }
  if (family === 'structure') {
    const doc = clone(source.doc);
    const l = locate(source.kind, doc, address);
    if (!l) return undefined;
    const table = source.kind === 'plan' ? planStructure : configStructure;
    const names = Object.keys(table);
    const name = names[choice.pick % names.length];
    if (source.kind === 'plan' && (name.startsWith('after_') || name.startsWith('change ') || name.startsWith('values ')) && !l.change) return undefined;
    // Nothing to take out of values that hold nothing.
    if (name.startsWith('values ') && Object.keys(l.values).length === 0) return undefined;
    // A plan's only change taken out (or hidden as a deposed no-op) leaves planned values alone,
    // which a document may be (drift's worlds): refused or not, but never a silent pass.
    const others = source.kind === 'plan' ? (Array.isArray(doc.resource_changes) ? (doc.resource_changes as Json[]) : []).filter((c) => c !== l.change && c.deposed === undefined) : [];
    const alone = (name === 'change taken out' || name === 'change marked deposed') && others.length === 0;
    (table[name] as (l: Located, doc: Json) => void)(l, doc);
    return { mutant: { kind: name, bytes: Buffer.from(JSON.stringify(doc)), address }, expect: alone ? 'any' : 'refuse', structural: !alone };
  }
  const all = encodings(source, address);
  const names = Object.keys(all);
  const name = names[choice.pick % names.length];
  const m = all[name]();
  if (!m) return undefined;
  return { mutant: m, expect: name === 'lone surrogate' || name === 'invalid UTF-8' ? 'refuse' : 'keep' };
}

export const choiceArb = fc.record({ family: fc.nat(), pick: fc.nat(), path: fc.nat() });
