import type { Json } from '../load/types';
import attributeTypes from './attribute-types.json';
import { isJson, SENSITIVE, type Draft } from './draft';

/**
 * Values as Terraform reads them: each attribute a rule reads is converted to its declared
 * type (scripts/gen-attribute-types.ts, from the provider schemas) the way Terraform's type
 * conversion does — `"true"` → true, `"0"` → 0, 12 → "12" for a string. A value Terraform
 * would reject (a list where a string is declared, an object where a bool is) becomes unknown
 * and unreadable, so the rule's unknown behaviour applies instead of a silent pass.
 */
type TypeExpr = string | [string, unknown];
type Entry = TypeExpr | { block: string };
const types = attributeTypes.types as unknown as Record<string, Record<string, Entry>>;

/** Whether a type's attribute at `path` is a block, or a collection of objects written as blocks (security group `egress`). */
export function isBlock(type: string, path: string): boolean {
  const t = types[type]?.[path];
  if (t === undefined || typeof t === 'string') return false;
  if (!Array.isArray(t)) return true;
  const [kind, of] = t;
  return (kind === 'list' || kind === 'set') && Array.isArray(of) && of[0] === 'object';
}

export const FAIL = Symbol('cannot convert');
type Converted = unknown | typeof FAIL;

// cty's number syntax (big.Float, base 10): sign, digits, fraction, exponent; no hex, no spaces.
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number as Terraform writes it: plain decimal digits, never an exponent (1e21 → "1000000000000000000000"). */
function decimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', exp] = m;
  const digits = lead + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return sign + (point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`);
}

function primitive(v: unknown, t: string): Converted {
  switch (t) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return decimal(v);
      if (typeof v === 'boolean') return String(v);
      return FAIL;
    case 'number':
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && NUMERIC.test(v) && Number.isFinite(Number(v))) return Number(v);
      return FAIL;
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      return FAIL;
    default:
      return v; // dynamic: any value
  }
}

/** Terraform's conversion of `v` to type `t`; null stays null (any type may be null). Exported for the differential test. */
export function convert(v: unknown, t: TypeExpr, expressions: boolean): Converted {
  if (v === null || v === undefined) return v;
  // A config source's `${…}` is an expression, not a value: unknown until evaluated.
  if (expressions && typeof v === 'string' && v.includes('${')) return v;
  if (typeof t === 'string') return primitive(v, t);
  const [kind, inner] = t;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) return FAIL;
    // The list itself where no element changed (copy on write, as walkBlock).
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = convert(v[i], inner as TypeExpr, expressions);
      if (c === FAIL) return FAIL;
      if (out === null && c !== v[i]) out = v.slice(0, i);
      if (out !== null) out.push(c);
    }
    return out ?? v;
  }
  if (kind === 'map') {
    if (!isJson(v)) return FAIL;
    // Copy on write, as lists: the map itself where no element changed. A copy is built by
    // assignment, which drops an own `__proto__` key: such a map is always copied, as before.
    let out: Json | null = Object.prototype.hasOwnProperty.call(v, '__proto__') ? {} : null;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const x = v[keys[i]];
      const c = convert(x, inner as TypeExpr, expressions);
      if (c === FAIL) return FAIL;
      if (out === null && c !== x) {
        // The first change: the copy takes the elements before it as they are.
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = v[keys[j]];
      }
      if (out !== null) out[keys[i]] = c;
    }
    return out ?? v;
  }
  if (kind === 'object') {
    if (!isJson(v)) return FAIL;
    const attrs = inner as Record<string, TypeExpr>;
    let out: Json | null = null;
    for (const k of Object.keys(attrs)) {
      if (!(k in v)) continue;
      const c = convert(v[k], attrs[k], expressions);
      if (c === FAIL) return FAIL;
      if (c !== v[k]) (out ??= { ...v })[k] = c;
    }
    return out ?? v;
  }
  if (kind === 'tuple') {
    const items = inner as TypeExpr[];
    if (!Array.isArray(v) || v.length !== items.length) return FAIL;
    const out = v.map((x, i) => convert(x, items[i], expressions));
    return out.includes(FAIL) ? FAIL : same(out, v) ? v : out;
  }
  return v;
}

interface Walk {
  table: Record<string, Entry>;
  expressions: boolean;
  /** Created at the first unreadable path (most resources have none). */
  unreadable: Set<string> | null;
}

/**
 * One block (the resource body, or a nested block) with every attribute converted: a copy
 * where a conversion changed something, else the block itself (copy on write: most values
 * already have their declared type, and copying every block cost time and garbage).
 */
function walkBlock(block: Json, prefix: string, w: Walk): Json {
  let values: Json | null = null;
  const keys = Object.keys(block);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = block[k];
    const path = prefix + k;
    const entry = w.table[path];
    if (entry === undefined || v === null) continue;
    let x: unknown;
    if (typeof entry === 'object' && !Array.isArray(entry)) {
      // Nested blocks: an object (a CDKTF single block) or a list of them (plans, HCL).
      if (w.expressions && typeof v === 'string' && v.includes('${')) continue;
      const items = Array.isArray(v) ? v : [v];
      if (items.every((i) => isJson(i) || i === null)) {
        const walked = items.map((i) => (isJson(i) ? walkBlock(i, `${path}.`, w) : i));
        x = Array.isArray(v) ? (same(walked, v) ? v : walked) : walked[0];
      } else {
        x = null;
        (w.unreadable ??= new Set()).add(path);
      }
    } else {
      x = convert(v, entry, w.expressions);
      if (x === FAIL) {
        x = null;
        (w.unreadable ??= new Set()).add(path);
      }
    }
    if (x !== v) (values ??= { ...block })[k] = x;
  }
  return values ?? block;
}

/** Two lists hold the very same elements. */
function same(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

/** Coerces a draft's values; unreadable paths join `unknown` (and `unreadable`). `expressions`: a config source, where `${…}` is an expression. */
export function coerceDraft(d: Draft, expressions: boolean): void {
  const table = types[d.mode === 'data' ? `data.${d.type}` : d.type];
  if (!table) return;
  const w: Walk = { table, expressions, unreadable: null };
  d.values = walkBlock(d.values, '', w);
  const unreadable = w.unreadable;
  if (unreadable === null || unreadable.size === 0) return;
  // Tags merge tags_all over tags: either unreadable leaves the resource's tags unknown.
  if (unreadable.has('tags_all')) unreadable.add('tags');
  const paths = [...unreadable].sort();
  d.unreadable = paths;
  d.unknown = [...new Set([...d.unknown, ...paths])];
}

/** The declared type at a dotted path is a set (a set of blocks, or a set attribute). */
function isSet(entry: Entry | undefined): boolean {
  if (entry === undefined) return false;
  if (Array.isArray(entry)) return entry[0] === 'set';
  return typeof entry === 'object' && entry.block === 'set';
}

/** A value holds the redaction at the path `rest` below it (through nested blocks' lists). */
function redactedAt(v: unknown, rest: readonly string[]): boolean {
  if (rest.length === 0) return v === SENSITIVE;
  if (Array.isArray(v)) return v.some((x) => redactedAt(x, rest));
  return isJson(v) && redactedAt(v[rest[0]], rest.slice(1));
}

/** `block` with the value at segs[at] (below segs[0..at-1], through lists) redacted wherever it holds a redaction at the rest of segs; copy on write. */
function hide(block: Json, segs: readonly string[], depth: number, at: number): Json {
  const k = segs[depth];
  const v = block[k];
  let x: unknown = v;
  if (depth === at) {
    if (redactedAt(v, segs.slice(at + 1))) x = SENSITIVE;
  } else if (Array.isArray(v)) {
    const items = v.map((i) => (isJson(i) ? hide(i, segs, depth + 1, at) : i));
    x = same(items, v) ? v : items;
  } else if (isJson(v)) {
    x = hide(v, segs, depth + 1, at);
  }
  return x === v ? block : { ...block, [k]: x };
}

const redactedIn = (v: unknown): boolean => v === SENSITIVE || (Array.isArray(v) ? v.some(redactedIn) : isJson(v) && Object.values(v).some(redactedIn));

/** An evaluated value as a plan's configuration expressions: a constant, or members down to each redacted value, which reads as a reference. */
function expressionsOf(v: unknown): unknown {
  if (v === SENSITIVE) return { references: [] };
  if (!redactedIn(v)) return { constant_value: v };
  if (Array.isArray(v)) return v.map(expressionsOf);
  if (!isJson(v)) return { constant_value: v };
  const out: Json = {};
  for (const k of Object.keys(v)) if (k !== '__proto__') out[k] = expressionsOf(v[k]);
  return out;
}

/**
 * A sensitive value inside a set makes the whole set sensitive in Terraform (a set's elements
 * cannot carry marks: cty moves them onto the set), so a plan hides the outermost set around
 * it as a whole (a CloudFront origin with a secret header: `after_sensitive.origin = true`).
 * The HCL evaluator marks the value alone; this gives an evaluated resource the plan's marks,
 * from the provider schema's set types.
 */
export function hoistSensitive(d: Draft): void {
  const table = types[d.mode === 'data' ? `data.${d.type}` : d.type];
  if (!table || d.sensitive.length === 0) return;
  const before = d.values;
  const hoisted = new Set<string>();
  const kept: string[] = [];
  for (const path of d.sensitive) {
    const segs = path.split('.');
    let at = -1;
    for (let i = 0; i < segs.length - 1 && at < 0; i++) if (isSet(table[segs.slice(0, i + 1).join('.')])) at = i;
    if (at < 0) {
      kept.push(path);
      continue;
    }
    d.values = hide(d.values, segs, 0, at);
    hoisted.add(segs.slice(0, at + 1).join('.'));
  }
  if (hoisted.size === 0) return;
  // What was written in each hidden set, as a plan's configuration shows it (a literal where it
  // was one, a reference where a sensitive value went): the secret scan reads the literals
  // there, and says the rest was not read (secrets.ts), as it does for a plan.
  const written: Json = { ...(d.written ?? {}) };
  for (const h of hoisted) {
    const top = h.split('.')[0];
    // A literal the HCL normalizer already matched there (from-hcl.ts: a value equal to one the code writes) stays.
    if (Object.hasOwn(before, top)) written[top] = withLiterals(expressionsOf(before[top]), written[top]);
  }
  d.written = written;
  const under = (p: string): boolean => [...hoisted].some((h) => p.startsWith(`${h}.`));
  d.sensitive = [...new Set([...kept.filter((p) => !under(p)), ...hoisted])];
  // A set is a collection: hidden as a whole now, as the plan hides it.
  d.hidden = [...new Set([...(d.hidden ?? []).filter((p) => !under(p)), ...hoisted])];
}

/** `tree` (expressions) with the constants of `literals` (a tree of expressions too, blocks as objects) laid over it, in every block of a list. */
function withLiterals(tree: unknown, literals: unknown): unknown {
  if (!isJson(literals)) return tree;
  if ('constant_value' in literals) return literals;
  if (Array.isArray(tree)) return tree.map((e) => withLiterals(e, literals));
  if (!isJson(tree)) return tree;
  const out: Json = { ...tree };
  for (const k of Object.keys(literals)) out[k] = withLiterals(out[k], literals[k]);
  return out;
}
