import { InputError } from '../errors';
import type { Json } from '../load/types';
import { isJson } from './draft';

/** One resource instance in the shape of `terraform show -json` (`values.root_module.resources[]`). */
export interface Instance extends Json {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  values: Json;
  sensitive_values?: unknown;
}

export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Structural checks: what the policy cannot read is refused, never dropped or read as `{}`.
 * Terraform itself never writes these shapes, so the file was edited or is not what it claims.
 */
export class Structure {
  private readonly seen = new Set<string>();
  constructor(readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new InputError(`${this.file}: ${where} ${problem}`);
  }

  /** `v` is a list, or absent. */
  list(v: unknown, where: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(where, `must be a list, got ${kindOf(v)}`);
    return v;
  }

  object(v: unknown, where: string): Json {
    if (!isJson(v)) this.fail(where, `must be an object, got ${kindOf(v)}`);
    return v;
  }

  /** A Terraform marker tree (after_unknown, after_sensitive, sensitive_values): booleans in objects and lists. */
  marks(v: unknown, where: string): void {
    // The common case, a well-formed tree, checked without a work list; the loop below finds
    // what is wrong (and a tree too deep to recurse into).
    try {
      if (markTree(v)) return;
    } catch {
      // Too deep for the recursion.
    }
    const stack: unknown[] = [v];
    while (stack.length > 0) {
      const x = stack.pop();
      if (x === undefined || typeof x === 'boolean') continue;
      if (Array.isArray(x)) stack.push(...x);
      else if (isJson(x)) stack.push(...Object.values(x));
      else this.fail(where, `must be a tree of true/false marks, found ${kindOf(x)}`);
    }
  }

  /** Checks one instance and records its address; a second instance at one address is refused. */
  instance(r: Instance): Instance {
    // Where the problem is, said only when there is one (this runs for every instance).
    const at = (): string => `resource ${r.address}`;
    if (r.mode !== 'managed' && r.mode !== 'data') this.fail(at(), `has mode ${describe(r.mode)} (expected "managed" or "data")`);
    if (typeof r.type !== 'string' || !TYPE_NAME.test(r.type)) this.fail(at(), `has type ${describe(r.type)} (expected a resource type name)`);
    if (typeof r.name !== 'string' || r.name === '') this.fail(at(), `has name ${describe(r.name)} (expected a non-empty string)`);
    const index = r.index;
    if (index !== undefined && typeof index !== 'string' && !(Number.isSafeInteger(index) && (index as number) >= 0)) {
      this.fail(at(), `has index ${describe(index)} (expected a string key or a whole number)`);
    }
    const local = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    // Terraform 1.0 wrote some prior_state instances without `index`, their address keeping it.
    const unindexed = r.address.endsWith(']') ? r.address.slice(0, r.address.lastIndexOf('[')) : '';
    if (!(endsWithLocal(unindexed, local) || (index === undefined && endsWithLocal(r.address, local)))) {
      this.fail(at(), `does not match its type, name and index (${local}${index === undefined ? '' : `[${JSON.stringify(index)}]`})`);
    }
    if (!isJson(r.values)) this.fail(at(), `has values of type ${kindOf(r.values)} (expected an object)`);
    if (!isMarkTree(r.sensitive_values)) this.marks(r.sensitive_values, `${at()} sensitive_values`);
    if (this.seen.has(r.address)) this.fail(at(), 'appears twice (two instances cannot share an address)');
    this.seen.add(r.address);
    return r;
  }
}

const TYPE_NAME = /^[A-Za-z][\w-]*$/;

/** `base` is `local` or ends in `.local`. */
function endsWithLocal(base: string, local: string): boolean {
  return base === local || (base.length > local.length && base.endsWith(local) && base[base.length - local.length - 1] === '.');
}

/** A well-formed marker tree (Structure.marks accepts it), checked without building a message. */
export function isMarkTree(v: unknown): boolean {
  try {
    return markTree(v);
  } catch {
    return false; // too deep to recurse: Structure.marks decides
  }
}

function markTree(v: unknown): boolean {
  if (v === undefined || typeof v === 'boolean') return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!markTree(v[i])) return false;
    return true;
  }
  if (isJson(v)) {
    // for…in, not Object.keys (no array per node): a property it sees that Object.values
    // would not (an inherited one) can only make this false, and Structure.marks decides then.
    for (const k in v) if (!markTree(v[k])) return false;
    return true;
  }
  return false;
}

export function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v.slice(0, 80)) : kindOf(v);
}

function addressOf(r: Json, where: string, s: Structure): string {
  if (typeof r.address !== 'string' || r.address === '') s.fail(where, `has address of type ${kindOf(r.address)} (expected a non-empty string)`);
  return r.address;
}

/** Every resource of a `values.root_module`-shaped module tree, child modules included. */
export function moduleInstances(module: unknown, s: Structure, where = 'root_module', out: Instance[] = []): Instance[] {
  if (module === undefined || module === null) return out;
  const m = s.object(module, where);
  s.list(m.resources, `${where}.resources`).forEach((raw, i) => {
    const r = isJson(raw) ? raw : s.object(raw, `${where}.resources[${i}]`);
    // Terraform omits `values` when the object is null (a resource gone from the refreshed
    // state); any other non-object is not its output.
    const address = typeof r.address === 'string' && r.address !== '' ? r.address : addressOf(r, `${where}.resources[${i}]`, s);
    // Nothing changes or keeps an instance beyond reading it: the plan's own object serves,
    // copied only to give it its (empty) values.
    out.push(s.instance(('values' in r ? r : { ...r, address, values: {} }) as Instance));
  });
  s.list(m.child_modules, `${where}.child_modules`).forEach((c, i) => moduleInstances(c, s, `${where}.child_modules[${i}]`, out));
  return out;
}

/** `sensitive_attributes` paths of a raw .tfstate (`[[{"type":"get_attr","value":"password"}]]`) → a marker tree. */
function marksFromPaths(paths: unknown, s: Structure, where: string): Json {
  const root: Json = {};
  for (const p of s.list(paths, where)) {
    const steps = s.list(p, where).map((x) => (isJson(x) ? (x.type === 'index' && isJson(x.value) ? x.value.value : x.value) : undefined));
    if (steps.length === 0 || steps.some((x) => typeof x !== 'string' && typeof x !== 'number')) s.fail(where, 'holds a path that is not a list of attribute names and indexes');
    let node: Record<string, unknown> = root;
    steps.forEach((x, i) => {
      const k = String(x);
      if (i === steps.length - 1) node[k] = true;
      else node = (isJson(node[k]) ? node[k] : (node[k] = {})) as Record<string, unknown>;
    });
  }
  return root;
}

/** Instances of a state: `terraform show -json` (values.root_module) or a raw .tfstate v4. */
export function stateInstances(state: Json, file: string): Instance[] {
  const s = new Structure(file);
  if ('format_version' in state) {
    if (state.values === undefined || state.values === null) return [];
    return moduleInstances(s.object(state.values, 'values').root_module, s, 'values.root_module');
  }
  const out: Instance[] = [];
  s.list(state.resources, 'resources').forEach((raw, i) => {
    const where = `resources[${i}]`;
    const r = s.object(raw, where);
    if (r.module !== undefined && typeof r.module !== 'string') s.fail(where, `has module of type ${kindOf(r.module)} (expected a string)`);
    const prefix = typeof r.module === 'string' ? `${r.module}.` : '';
    const local = `${r.mode === 'data' ? 'data.' : ''}${String(r.type)}.${String(r.name)}`;
    s.list(r.instances, `${where}.instances`).forEach((rawInst, j) => {
      const at = `${where}.instances[${j}]`;
      const inst = s.object(rawInst, at);
      // A deposed object (create_before_destroy) is the old copy awaiting destruction; the
      // current instance at the same address is the one that stays.
      if (inst.deposed !== undefined) return;
      const index = inst.index_key as string | number | undefined;
      const address = `${prefix}${local}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`;
      out.push(
        s.instance({
            address,
            mode: r.mode as string,
            type: r.type as string,
            name: r.name as string,
            ...(index === undefined ? {} : { index }),
            provider_name: String(r.provider ?? '').replace(/^provider\["|"\].*$/g, ''),
            values: inst.attributes as Json,
            sensitive_values: marksFromPaths(inst.sensitive_attributes, s, `resource ${address} sensitive_attributes`),
          }),
      );
    });
  });
  return out;
}
