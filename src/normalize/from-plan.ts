import { isDeepStrictEqual } from 'node:util';
import type { Json, PlanDocument, PlanSource, StateDocument } from '../load/types';
import type { Provider } from '../types/policy-input';
import { actionOf, cloudOf, hasMark, hiddenCollections, isJson, isWriteOnly, markedPaths, mergeMarks, redact, sensitivePaths, unknownAt, type Draft, type StackDraft } from './draft';
import { stringMap } from './from-config';
import { asList, isMarkTree, moduleInstances, stateInstances, Structure, type Instance } from './instances';
import { secretCandidates } from './secrets';
import { planValue, providerConfigs } from '../load/plan-providers';
import { ADDRESS_LIST, builtInPlace, isDocument, KNOWN_AFTER_APPLY, stripIndexes, WHOLE_MODULE_REF } from '../load/plan-source';
import { equalLiteral, literalInCode, stringLeaves, moduleInstancePaths, opaqueAcross, resolveAcross, soleValueAt as oneValueAt, withConstant, type ModuleLinks } from './module-refs';

interface ConfigResource {
  providerKey: string;
  /** Attribute path → raw reference strings (`aws_s3_bucket.b.id`, `var.x`, …). */
  refs: Record<string, string[]>;
  /** Top-level attributes the configuration gives as a constant (JSON configs keep `${…}` templates there). */
  constants: Record<string, unknown>;
  /** What its for_each names, and the attributes written from each.value (what each.value comes from, where the plan leaves them unknown). */
  forEach?: { refs: string[]; attrs: Set<string> };
  /** The expressions, whose literal values (literalTree) only the secret scan reads; a module variable the code sets to a constant reads as that constant (withCodeValues). */
  exprs: Json;
  /** The paths in `exprs` whose expression carries the constants the code gives the variables it names (CODE_VALUES). */
  codePaths?: string[];
  /**
   * What its provisioners write, for the secret scan only: their constants, one a line
   * (provisionerText); `unread`: some expression of theirs refers to something, whose text (a
   * literal beside the reference) a plan does not hold. A plan holds no connection block.
   */
  provisioners?: { text: string; unread: boolean };
}

/** A configuration resource's provisioners as text (`NAME = "value"` for an environment's entries), as the HCL evaluator writes them. */
function provisionerText(provisioners: unknown): { text: string; unread: boolean } | undefined {
  const lines: string[] = [];
  let unread = false;
  const add = (name: string, v: unknown): void => {
    if (typeof v === 'string') lines.push(name === 'inline' || name === 'command' ? v : `${name} = ${JSON.stringify(v)}`);
    else if (Array.isArray(v)) for (const x of v) add(name, x);
    else if (isJson(v)) for (const [k, x] of Object.entries(v)) add(k, x);
  };
  for (const p of asList(provisioners)) {
    const exprs = isJson(p) && isJson(p.expressions) ? p.expressions : {};
    for (const name of Object.keys(exprs).sort()) {
      const e = exprs[name];
      if (isJson(e) && 'constant_value' in e) add(name, e.constant_value);
      else if (isJson(e) && Array.isArray(e.references) && e.references.length > 0) unread = true;
    }
  }
  return lines.length > 0 || unread ? { text: lines.join('\n'), unread } : undefined;
}


/** `module.a["x"].module.b[0].aws_s3_bucket.c[1]` → module instance path and local address. */
export function splitAddress(address: string): { module: string; local: string } {
  // Only an address that starts with `module.` has a module path; the segments of any other
  // join back into the address itself.
  if (!address.startsWith('module.')) return { module: '', local: address };
  const segs: string[] = [];
  let cur = '';
  let bracket = false;
  let quote = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (quote) {
      cur += ch;
      if (ch === '\\') cur += address[++i] ?? '';
      else if (ch === '"') quote = false;
      continue;
    }
    if (ch === '"') quote = true;
    else if (ch === '[') bracket = true;
    else if (ch === ']') bracket = false;
    else if (ch === '.' && !bracket) {
      segs.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  segs.push(cur);
  const mod: string[] = [];
  let i = 0;
  while (segs[i] === 'module' && i + 2 < segs.length) {
    mod.push(`module.${segs[i + 1]}`);
    i += 2;
  }
  return { module: mod.join('.'), local: segs.slice(i).join('.') };
}


/**
 * Terraform names a module beside each output read from it (`module.keys.arn`, `module.keys`):
 * the module alone stands for every output (module-refs.ts) only where no output of it is named
 * (`module.pg[each.key].id`, a key known per instance).
 */
function moduleOutputsFirst(refs: string[]): string[] {
  if (!refs.some((r) => r.startsWith('module.'))) return refs;
  return refs.filter((r) => !/^module\.[A-Za-z_][\w-]*(\[[^\]]*\])?$/.test(r) || !refs.some((o) => o !== r && o.startsWith(r) && /^[.[]/.test(o.slice(r.length))));
}

/**
 * A module named whole (`module.pg`, how a plan names `module.pg[each.key].id`: every
 * instance) replaced by the instances the source folder names for this resource instance
 * (`module.pg["orders"].id`: the HCL evaluator reads the key in the instance's context).
 * Linking every instance judged a hardened database by another instance's parameter group.
 */
function pickedInstances(refs: string[], folder: readonly string[]): string[] {
  if (!refs.some((r) => WHOLE_MODULE_REF.test(r))) return refs;
  return refs.flatMap((r) => {
    if (!WHOLE_MODULE_REF.test(r)) return [r];
    const picked = folder.filter((f) => f.startsWith(`${r}[`));
    return picked.length > 0 ? picked : [r];
  });
}

/** Expression trees: leaves have `references`/`constant_value`; blocks are objects or lists. */
function expressionRefs(exprs: unknown, path = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(exprs)) {
    for (let i = 0; i < exprs.length; i++) expressionRefs(exprs[i], path, into);
  } else if (isJson(exprs)) {
    if (Array.isArray(exprs.references) || 'constant_value' in exprs) {
      if (path && Array.isArray(exprs.references)) (into[path] ??= []).push(...moduleOutputsFirst(exprs.references.map(String)));
      return into;
    }
    const keys = Object.keys(exprs);
    for (let i = 0; i < keys.length; i++) expressionRefs(exprs[keys[i]], path ? `${path}.${keys[i]}` : keys[i], into);
  }
  return into;
}

/** A module variable's value where the code writes it (module-refs.ts writtenInCode): `{ value }`,
 * `{ opaque }` where the caller builds it from constants in a way a plan does not show, or undefined. */
type CodeValue = (name: string) => { value: unknown } | { opaque: true } | { candidates: string[] } | undefined;

/** A module argument's constant as the folder beside the plan evaluates it (module path, variable). */
type SourceConstant = (module: string, name: string) => { value: unknown } | undefined;

/** Stands, in a configuration's expressions, for a module argument a plan holds no value for. */
const BUILT_IN_CALL = 'module.(an argument built from constants, which a plan does not show)';

const WHOLE_VAR = /^var\.([A-Za-z_][\w-]*)$/;

/** The variable an expression is made of alone (`var.x`: references `["var.x"]`), or undefined. */
function soleVariable(e: Json): string | undefined {
  const refs = Array.isArray(e.references) ? e.references : [];
  const m = refs.length === 1 && typeof refs[0] === 'string' ? WHOLE_VAR.exec(refs[0]) : null;
  return m ? m[1] : undefined;
}

/** The expression names one variable alone, or an attribute of it (`var.db.password`: references `["var.db.password", "var.db"]`). */
function oneVariable(e: Json): boolean {
  const refs = Array.isArray(e.references) ? e.references.map(String) : [];
  const whole = refs.find((r) => WHOLE_VAR.test(r));
  return whole !== undefined && refs.every((r) => r === whole || r.startsWith(`${whole}.`));
}

/**
 * The root variables whose value the code gives: the plan's value equals the default its
 * configuration declares, or the value an auto-loaded tfvars file of the folder beside it
 * gives (`rootCode`). A password there is written in the repository (an audit: a public
 * e-commerce platform's database password as a sensitive variable's default had passed).
 * A value given at plan time (-var, TF_VAR_, a tfvars file passed in) is not the code's.
 */
function rootCodeValues(plan: Json, rootCode: Record<string, unknown> | undefined): CodeValue | undefined {
  const declared = isJson(plan.configuration) && isJson(plan.configuration.root_module) && isJson(plan.configuration.root_module.variables) ? plan.configuration.root_module.variables : {};
  const given = isJson(plan.variables) ? plan.variables : {};
  return (name) => {
    const v = Object.hasOwn(given, name) ? given[name] : undefined;
    if (!isJson(v) || !('value' in v) || v.value === null) return undefined;
    const d = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const inCode = (isJson(d) && 'default' in d && isDeepStrictEqual(d.default, v.value)) || (rootCode !== undefined && Object.hasOwn(rootCode, name) && isDeepStrictEqual(rootCode[name], v.value));
    return inCode ? { candidates: stringLeaves(v.value) } : undefined;
  };
}

/**
 * An attribute of one variable alone (`var.rds_config.db_password`: references
 * `["var.rds_config.db_password", "var.rds_config"]`), where the code writes the variable:
 * the attribute's strings as candidates the planned value is matched against (codeLiteral),
 * never taken for it (a template naming the attribute has the same references), or undefined.
 */
function attributeOfVariable(e: Json, values: CodeValue): { candidates: string[] } | undefined {
  const refs = Array.isArray(e.references) ? e.references.map(String) : [];
  const whole = refs.find((r) => WHOLE_VAR.test(r));
  if (whole === undefined || !refs.every((r) => r === whole || r.startsWith(`${whole}.`))) return undefined;
  const path = refs.reduce((a, b) => (b.length > a.length ? b : a)).slice(whole.length + 1);
  const known = values(whole.slice(4));
  if (known && 'candidates' in known) return known;
  if (!known || !('value' in known) || path === '') return undefined;
  let v: unknown = known.value;
  for (const seg of path.split('.')) v = isJson(v) && Object.hasOwn(v, seg) ? v[seg] : undefined;
  const candidates = stringLeaves(v);
  return candidates.length > 0 ? { candidates } : undefined;
}

/** Within a module call: what each of its variables is, where the caller or the module writes it. */
function codeValues(call: Json, parent: CodeValue | undefined, module: string, fromSource?: SourceConstant): CodeValue {
  const exprs = isJson(call.expressions) ? call.expressions : {};
  const declared = isJson(call.module) && isJson(call.module.variables) ? call.module.variables : {};
  return (name) => {
    const e = Object.hasOwn(exprs, name) ? exprs[name] : undefined;
    if (e === undefined) {
      const d = Object.hasOwn(declared, name) ? declared[name] : undefined;
      return isJson(d) && 'default' in d && d.default !== null ? { value: d.default } : undefined;
    }
    if (!isJson(e)) return undefined;
    if ('constant_value' in e) return e.constant_value === null ? undefined : { value: e.constant_value };
    // Built from constants by a function (jsonencode({password = "…"})): a plan shows neither a
    // value nor a reference; the folder beside it evaluates it.
    // (Evaluated there and no constant: an impure function's, uuid(), not a literal.)
    if (!Array.isArray(e.references) || e.references.length === 0) return fromSource ? fromSource(module, name) : { opaque: true };
    const v = soleVariable(e);
    return v !== undefined ? parent?.(v) : undefined;
  };
}

/**
 * The expressions with each leaf that is a module variable alone (`password = var.password`)
 * replaced by the constant the code gives it: a literal password passed into a module is as
 * written as one in the resource (the secret scan reads the configuration's literals). The
 * same tree where nothing is replaced.
 */
function withCodeValues(exprs: unknown, values: CodeValue): unknown {
  if (Array.isArray(exprs)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < exprs.length; i++) {
      const e = withCodeValues(exprs[i], values);
      if (e !== exprs[i]) (out ??= exprs.slice())[i] = e;
    }
    return out ?? exprs;
  }
  if (!isJson(exprs)) return exprs;
  if ('constant_value' in exprs || Array.isArray(exprs.references)) {
    const v = 'constant_value' in exprs ? undefined : soleVariable(exprs);
    const known = v !== undefined ? values(v) : 'constant_value' in exprs ? undefined : attributeOfVariable(exprs, values);
    if (known && 'opaque' in known) return { references: [BUILT_IN_CALL] };
    // A root variable the code gives: what the plan holds there is matched against it (codeLiteral),
    // never taken for it (`"#!/bin/bash\n${var.line}"` names the variable alone, as `var.line` does).
    if (known && 'candidates' in known) return { ...exprs, [CODE_VALUES]: known.candidates };
    if (known) return { constant_value: known.value };
    // Naming several variables (`var.pw != null ? var.pw : var.generated`): the constants the
    // code gives them, which the planned value is matched against (codeLiteral).
    const candidates = v === undefined && Array.isArray(exprs.references) ? codeCandidates(exprs.references, values) : [];
    return candidates.length > 0 ? { ...exprs, [CODE_VALUES]: candidates } : exprs;
  }
  let out: Json | undefined;
  for (const k of Object.keys(exprs)) {
    const e = withCodeValues(exprs[k], values);
    if (e !== exprs[k]) (out ??= { ...exprs })[k] = e;
  }
  return out ?? exprs;
}

/** The expressions with the code's values (withCodeValues), and the paths of those that carry candidates. */
function withCodePaths(exprs: Json, values: CodeValue | undefined): Pick<ConfigResource, 'exprs' | 'codePaths'> {
  const withValues = values ? (withCodeValues(exprs, values) as Json) : exprs;
  if (withValues === exprs) return { exprs };
  const codePaths: string[] = [];
  // Through blocks written once (lists of one), as codeLiteral reads a path.
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      if (node.length === 1) walk(node[0], path);
      return;
    }
    if (!isJson(node)) return;
    if (Array.isArray(node[CODE_VALUES])) {
      if (path !== '') codePaths.push(path);
      return;
    }
    if ('constant_value' in node || Array.isArray(node.references)) return;
    for (const k of Object.keys(node)) walk(node[k], path === '' ? k : `${path}.${k}`);
  };
  walk(withValues, '');
  return codePaths.length > 0 ? { exprs: withValues, codePaths } : { exprs: withValues };
}

/** Where withCodeValues keeps, on an expression naming several variables, the constants the code gives them. */
const CODE_VALUES = 'leakguard_code_values';

/** The constants (strings) the code gives the variables among these references, each once. */
function codeCandidates(refs: unknown[], values: CodeValue): string[] {
  const out = new Set<string>();
  for (const ref of refs) {
    const m = typeof ref === 'string' ? WHOLE_VAR.exec(ref) : null;
    const known = m ? values(m[1]) : undefined;
    if (known && 'value' in known && typeof known.value === 'string' && known.value !== '') out.add(known.value);
    if (known && 'candidates' in known) for (const c of known.candidates) out.add(c);
  }
  return [...out];
}

/**
 * A hidden value the plan holds, at `path` of a configuration's expressions naming several
 * variables: the constant of theirs it equals (a literal written in the code), or undefined.
 */
function codeLiteral(exprs: Json, path: string, planned: unknown): { value: unknown } | undefined {
  let node: unknown = exprs;
  let whole = true;
  for (const seg of path.split('.')) {
    if (Array.isArray(node)) node = node.length === 1 ? node[0] : undefined;
    // An expression for what holds the path (a function's environment map written `{ TOKEN =
    // var.token, … }`: a plan keeps the map's expression, not its entries'): what it names.
    if (isJson(node) && (Array.isArray(node.references) || Array.isArray(node[CODE_VALUES]))) {
      whole = false;
      break;
    }
    if (!isJson(node) || !Object.hasOwn(node, seg)) return undefined;
    node = node[seg];
  }
  if (!whole && isWriteOnly(path)) return undefined;
  const candidates = isJson(node) && Array.isArray(node[CODE_VALUES]) ? (node[CODE_VALUES] as unknown[]) : [];
  // A write-only argument has no planned value to match: one variable alone (`var.password`,
  // `var.db.password`) whose one value the code gives is that value.
  if (isWriteOnly(path) && (planned === undefined || planned === null)) return isJson(node) && oneVariable(node) && candidates.length === 1 ? { value: candidates[0] } : undefined;
  // As HCL matches it: a set of one (an ElastiCache user's passwords) by its element.
  return planned === undefined ? undefined : equalLiteral(candidates.map((value) => ({ value })), { value: planned });
}

/**
 * The paths a plan hides, a set hidden whole (an MQ broker's `user` blocks) read by the
 * attributes its configuration names in it (`user.password`).
 */
function hiddenPaths(sensitive: readonly string[], refs: Record<string, string[]>): string[] {
  return sensitive.flatMap((h) => {
    const inside = refs[h] ? [] : Object.keys(refs).filter((k) => k.startsWith(`${h}.`));
    return inside.length > 0 ? inside : [h];
  });
}

/** The one value at a dotted path (through single blocks), or undefined. */
function soleValueAt(values: Json, path: string): unknown {
  let node: unknown = values;
  for (const seg of path.split('.')) {
    if (Array.isArray(node)) node = node.length === 1 ? node[0] : undefined;
    if (!isJson(node)) return undefined;
    node = node[seg];
  }
  return node;
}

function configResources(
  module: unknown,
  prefix: string,
  into: Map<string, ConfigResource>,
  links?: Map<string, { args: Record<string, string[]>; outputs: Record<string, string[]> }>,
  values?: CodeValue,
  fromSource?: SourceConstant,
): Map<string, ConfigResource> {
  if (!isJson(module)) return into;
  for (const r of asList(module.resources)) {
    if (!isJson(r)) continue;
    const exprs = isJson(r.expressions) ? r.expressions : {};
    const constants: Record<string, unknown> = {};
    const keys = Object.keys(exprs);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const e = exprs[k];
      if (isJson(e) && 'constant_value' in e) constants[k] = e.constant_value;
    }
    const refs = expressionRefs(exprs);
    const each = isJson(r.for_each_expression) ? asList(r.for_each_expression.references).map(String) : [];
    const fromEach = each.length > 0 ? Object.keys(refs).filter((a) => refs[a].some((ref) => /^each\.value\b/.test(ref))) : [];
    const provisioners = provisionerText(r.provisioners);
    into.set(prefix ? `${prefix}.${r.address}` : String(r.address), {
      providerKey: String(r.provider_config_key ?? ''),
      ...(provisioners ? { provisioners } : {}),
      refs,
      ...(fromEach.length > 0 ? { forEach: { refs: each, attrs: new Set(fromEach) } } : {}),
      constants,
      ...withCodePaths(exprs, values),
    });
  }
  for (const [name, call] of Object.entries(isJson(module.module_calls) ? module.module_calls : {})) {
    if (!isJson(call)) continue;
    const child = prefix ? `${prefix}.module.${name}` : `module.${name}`;
    if (links) {
      // What the call passes in (by variable) and what the module gives back (by output): module-refs.ts.
      const args: Record<string, string[]> = {};
      // each.value of the call's for_each: what the for_each names.
      const each = isJson(call.for_each_expression) ? asList(call.for_each_expression.references).map(String) : [];
      for (const [path, refs] of Object.entries(expressionRefs(isJson(call.expressions) ? call.expressions : {}))) {
        const list = (args[path.split('.')[0]] ??= []);
        list.push(...refs);
        if (each.length > 0 && refs.some((r) => /^each\.value\b/.test(r))) list.push(...each.filter((r) => !list.includes(r)));
      }
      const outputs: Record<string, string[]> = {};
      const declared = isJson(call.module) && isJson(call.module.outputs) ? call.module.outputs : {};
      for (const [o, out] of Object.entries(declared)) {
        const refs = isJson(out) && isJson(out.expression) ? asList(out.expression.references).map(String) : [];
        if (refs.length > 0) outputs[o] = refs;
      }
      links.set(child, { args, outputs });
    }
    configResources(call.module, child, into, links, codeValues(call, values, child, fromSource), fromSource);
  }
  return into;
}

/** The literal values in an expressions tree (`{x: {constant_value: v}}` → `{x: v}`), nested blocks included. */
export function literalTree(exprs: unknown): unknown {
  if (Array.isArray(exprs)) return exprs.map(literalTree);
  if (!isJson(exprs)) return undefined;
  if ('constant_value' in exprs) return exprs.constant_value;
  // A loop, not fromEntries(entries().map()): 3–8× faster, and this runs for every block of
  // every resource. A `__proto__` key stays an own property, as fromEntries made it.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(exprs)) {
    const v = literalTree(exprs[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** `aws.east` → `provider.aws.east`; `module.m:aws` → `module.m.provider.aws` (how source locations are keyed). */
const providerLocationKey = (key: string): string => {
  const at = key.lastIndexOf(':');
  return at < 0 ? `provider.${key}` : `${key.slice(0, at)}.provider.${key.slice(at + 1)}`;
};

function planProviders(doc: PlanDocument, notChecked: string[]): Record<string, Provider> {
  const { plan, file } = doc;
  const locations = doc.source?.locations;
  const out: Record<string, Provider> = {};
  const codeValues = rootCodeValues(plan, doc.source?.rootCode) ?? ((): undefined => undefined);
  for (const [key, p] of providerConfigs(plan)) {
    const exprs = isJson(p.expressions) ? p.expressions : {};
    const module = typeof p.module_address === 'string' ? p.module_address : '';
    // As the plan holds it (a constant, a variable), else as the plan's source folder gives it.
    let region = planValue(plan, exprs.region ?? exprs.location, module);
    if (typeof region !== 'string' && p.name === 'aws' && exprs.region !== undefined) {
      region = doc.source?.regions?.get(key);
      if (typeof region !== 'string') {
        const at = locations?.get(providerLocationKey(key));
        notChecked.push(
          `provider ${key} region${at ? ` (${at.file}:${at.line})` : ''}: the plan holds no value for it (a local, or an expression of other values), so its resources are in no known region; ` +
            (doc.source ? 'nor does the folder it was made from give one' : 'check the plan beside the folder it was made from (or pass --source-dir) to read it'),
        );
      }
    }
    const tagsBlock = asList(exprs.default_tags)[0];
    const tags = isJson(tagsBlock) ? planValue(plan, tagsBlock.tags, module) : undefined;
    // provider_config carries the provider's arguments in plain text: only candidates leave here.
    // A root provider's argument from a root variable whose value the code gives (its default,
    // an auto-loaded tfvars file beside the plan) is written in the repository as a literal is
    // (a default access key had passed every plan; an audit); one given at plan time is not.
    const fromCode: Record<string, unknown> = {};
    if (module === '') {
      for (const [k, e] of Object.entries(exprs)) {
        const name = isJson(e) ? soleVariable(e) : undefined;
        const known = name === undefined ? undefined : codeValues(name);
        if (known && 'candidates' in known) fromCode[k] = known.candidates.length === 1 ? known.candidates[0] : known.candidates;
      }
    }
    const secrets = secretCandidates(literalTree(exprs), fromCode);
    out[key] = {
      key,
      cloud: cloudOf(`${String(p.name)}_`),
      ...(typeof p.alias === 'string' ? { alias: p.alias } : {}),
      region: typeof region === 'string' ? region : null,
      ...(isJson(tags) ? { default_tags: stringMap(tags) } : {}),
      origin: locations?.get(providerLocationKey(key)) ?? { file },
      ...(secrets.length > 0 ? { secrets } : {}),
    };
  }
  // A module's entry without arguments is its required_providers declaration, not a block of
  // its own: its resources use the configuration the caller passes down, by default the
  // caller's provider of that name (a caller's first, then the root's).
  for (const [key, p] of providerConfigs(plan)) {
    if (!key.includes(':') || isJson(p.expressions) || out[key]?.region !== null) continue;
    const local = key.slice(key.lastIndexOf(':') + 1);
    let module = typeof p.module_address === 'string' ? p.module_address : '';
    let inherited: string | null = null;
    while (inherited === null && module !== '') {
      module = module.includes('.module.') ? module.slice(0, module.lastIndexOf('.module.')) : '';
      inherited = out[module ? `${module}:${local}` : local]?.region ?? null;
    }
    out[key].region = inherited;
  }
  return out;
}

/** Root provider key for a resource: modules inherit the root's configuration unless they declare one. */
function resolveProviderKey(key: string, providers: Record<string, Provider>, providerName: string): string {
  if (key && providers[key]) return key;
  const local = key.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key;
  if (local && providers[local]) return local;
  return local || providerName.split('/').pop() || 'unknown';
}

/** Links a reference to resource instances in the same module instance, preferring the same index. */
export function resolveReference(ref: string, from: { module: string; index: unknown }, instances: Map<string, string[]>): string[] {
  const m = /^((?:data\.)?[a-zA-Z][\w-]*\.[a-zA-Z_][\w-]*)(\[[^\]]*\])?/.exec(ref);
  if (!m || /^(var|local|module|each|count|path|terraform|self)\./.test(m[1])) return [];
  const candidates = instances.get(from.module ? `${from.module}.${m[1]}` : m[1]) ?? [];
  if (m[2]) {
    const exact = candidates.filter((c) => c.endsWith(m[2]));
    if (exact.length > 0) return exact;
  }
  if (candidates.length > 1 && from.index !== null && from.index !== undefined) {
    const same = candidates.filter((c) => c.endsWith(`[${JSON.stringify(from.index)}]`));
    if (same.length > 0) return same;
  }
  return candidates;
}

/** `module.m["a"].aws_s3_bucket.b[0]` grouped under `module.m["a"].aws_s3_bucket.b`. */
export function instanceGroups(addresses: string[]): Map<string, string[]> {
  const instances = new Map<string, string[]>();
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i];
    const group = address.endsWith(']') ? address.replace(/\[[^\]]*\]$/, '') : address;
    const list = instances.get(group) ?? [];
    list.push(address);
    instances.set(group, list);
  }
  return instances;
}

/** The configuration's expressions have nothing at `path` nor above it: a block a `dynamic` block wrote. */
function leftOut(exprs: Json, path: string): boolean {
  let node: unknown = exprs;
  for (const seg of path.split('.')) {
    if (Array.isArray(node)) node = node[0];
    if (!isJson(node)) return true;
    if (Array.isArray(node.references) || 'constant_value' in node) return false;
    if (!Object.hasOwn(node, seg)) return true;
    node = node[seg];
  }
  return false;
}

/**
 * An attribute a plan shows unknown and sets from a local value is open unless the plan's
 * source folder (evaluated with its variables: load/plan-source.ts) knows the resource and
 * knows that value: then the local was null or "", and the provider fills the attribute in.
 */
function openInSource(source: PlanSource['unknown'], address: string, attr: string): boolean {
  const unknown = source?.get(address);
  return unknown === undefined || unknown.some((u) => u === attr || attr.startsWith(`${u}.`) || u.startsWith(`${attr}.`));
}

/** Cheap test before splitting a path (every unknown path of every resource passes here). */
const mayBeAddressList = (p: string): boolean => p.endsWith('cidr_blocks') || p.endsWith('address_prefixes') || p.endsWith('ip_rules');

/** A reference to one address or range (not a list of them): a list that names it is written around it. */
const SCALAR_ADDRESS = /[._](public_ip|private_ip|carrier_ip|customer_owned_ip|cidr_block|ipv6_cidr_block|ip_address)$/;

/** A planned block and the folder's block have the same known settings (address lists aside). */
function sameSettings(planned: Json, folder: Json): boolean {
  for (const [k, v] of Object.entries(planned)) {
    if (ADDRESS_LIST.test(k) || v === null || v === undefined) continue;
    const w = folder[k];
    if (w === null || w === undefined) continue;
    if (typeof v !== 'object' && typeof w !== 'object') {
      if (String(v) !== String(w)) return false;
    } else if (Array.isArray(v) && Array.isArray(w) && !v.includes(null) && !w.includes(null) && JSON.stringify(v) !== JSON.stringify(w)) return false;
  }
  return true;
}

/** What draftsFrom() reads beside the instances: a state has none of it. */
interface PlanParts {
  providers: Record<string, Provider>;
  config: Map<string, ConfigResource>;
  changes: Map<string, Json>;
  lists: PlanLists;
  links: ModuleLinks;
  source?: PlanSource;
  /** Data sources read while planning (prior_state): no change pairs with them. */
  read: ReadonlySet<string>;
}

function draftsFrom(file: string, resources: Instance[], plan?: PlanParts): Draft[] {
  const { providers = {}, config = new Map<string, ConfigResource>(), changes = new Map<string, Json>(), lists, links = new Map(), source, read } = plan ?? {};
  const locations = source?.locations;
  const instances = instanceGroups(resources.map((r) => r.address));
  const modules = links.size > 0 ? moduleInstancePaths(resources.map((r) => r.address)) : [];
  const resolve = (ref: string, from: { module: string; index: unknown }): string[] => (links.size > 0 ? resolveAcross(ref, from, instances, links, modules) : resolveReference(ref, from, instances));
  // Terraform lists the changes in (about) the order of the planned values: the next one in
  // line is tried before the map (the same change: addresses are unique among them).
  const inOrder = [...changes.values()];
  let next = 0;
  const changeOf = (address: string): Json | undefined => {
    const c = inOrder[next];
    if (c !== undefined && c.address === address) {
      next++;
      return c;
    }
    return changes.get(address);
  };
  const drafts = resources.map((r): Draft => {
    const { module } = splitAddress(r.address);
    const change = changeOf(r.address);
    if (!read?.has(r.address)) lists?.pair(r, change);
    const delta = isJson(change?.change) ? change.change : {};
    const unindexed = stripIndexes(r.address);
    const cfg = config.get(unindexed);
    // Most instances mark nothing sensitive (`{tags: {}}`): then redacting changes nothing and
    // no path is sensitive, without building the merged tree.
    const marked = hasMark(r.sensitive_values) || hasMark(delta.after_sensitive);
    const sensitiveMarks = marked ? mergeMarks(r.sensitive_values, delta.after_sensitive) : undefined;
    const references: Record<string, string[]> = {};
    let unlinked: string[] | undefined;
    let afterUnknown: string[] | undefined;
    if (cfg) {
      const from = { module, index: r.index ?? null };
      const inSource = source?.references?.get(r.address);
      const attrs = Object.keys(cfg.refs);
      for (let a = 0; a < attrs.length; a++) {
        const attr = attrs[a];
        // Each instance once, in the order the references first name it. Set from each.value and
        // unknown: also what the for_each names (as the HCL evaluator links it).
        const written = cfg.forEach?.attrs.has(attr) && unknownAt((afterUnknown ??= markedPaths(delta.after_unknown)), attr) ? [...cfg.refs[attr], ...cfg.forEach.refs] : cfg.refs[attr];
        const refs = inSource?.[attr] ? pickedInstances(written, inSource[attr]) : written;
        const first = refs.length > 0 ? resolve(refs[0], from) : [];
        const keys = first.length > 1 ? [...new Set(first)] : first.slice();
        if (refs.length > 1) {
          const seen = new Set(keys);
          for (let i = 1; i < refs.length; i++) {
            const more = resolve(refs[i], from);
            for (let j = 0; j < more.length; j++) {
              const k = more[j];
              if (!seen.has(k)) {
                seen.add(k);
                keys.push(k);
              }
            }
          }
        }
        if (keys.length > 0) {
          references[attr] = keys;
          continue;
        }
        // Through a local value: the source folder names what it refers to.
        const via = inSource?.[attr] ? [...new Set(inSource[attr].flatMap((ref) => resolve(ref, from)))] : [];
        if (via.length > 0) references[attr] = via;
        else if (refs.some((ref) => opaqueAcross(ref, from, links)) && openInSource(source?.unknown, r.address, attr)) (unlinked ??= []).push(attr);
      }
      // Attributes of `dynamic` blocks: the plan's configuration leaves them out, the source folder has them.
      for (const attr of inSource ? Object.keys(inSource) : []) {
        const refs = inSource![attr];
        if (refs.length === 0 || !leftOut(cfg.exprs, attr)) continue;
        const keys = [...new Set(refs.flatMap((ref) => resolve(ref, from)))];
        if (keys.length > 0) references[attr] = keys;
        else if (refs.some((ref) => opaqueAcross(ref, from, links)) && openInSource(source?.unknown, r.address, attr)) (unlinked ??= []).push(attr);
      }
    }
    // A value unknown at plan time whose configuration is a constant template (CDKTF writes
    // `"policy": "{…${aws_s3_bucket.b.arn}…}"`) is as readable as in the synthesized stack.
    // Copied only if a constant fills one in (the plan's own object is not changed).
    let values = (r.values ?? {}) as Json;
    let unknown = afterUnknown ?? markedPaths(delta.after_unknown);
    const fill = (attr: string, value: unknown): void => {
      if (values === r.values) values = { ...values };
      values[attr] = value;
      unknown = unknown.filter((u) => u !== attr && !u.startsWith(`${attr}.`));
    };
    const constants = unknown.length > 0 && cfg ? cfg.constants : null;
    for (const attr of constants ? Object.keys(constants) : []) {
      if (unknown.includes(attr) && (values[attr] === undefined || values[attr] === null)) fill(attr, constants![attr]);
    }
    // A document the plan leaves unknown for an ARN only apply knows: the folder reads the rest.
    const evaluated = unknown.length > 0 ? source?.resources?.get(r.address) : undefined;
    // Unknown in the plan (the provider computes it) and known null in the folder: it links
    // nothing (a reference that names what another for_each instance sets).
    for (const attr of evaluated ? Object.keys(references) : []) {
      if (evaluated!.values[attr] === null && !evaluated!.unknown.includes(attr) && unknown.includes(attr)) delete references[attr];
    }
    for (const attr of evaluated ? [...unknown] : []) {
      const doc = evaluated!.values[attr];
      if (isDocument(r.type, attr) && !attr.includes('.') && typeof doc === 'string' && doc.includes(KNOWN_AFTER_APPLY)) fill(attr, doc);
      // A list the folder knows (in part): its known elements, the rest null and the list still
      // unknown; all null where it holds nothing but what only apply knows.
      if (ADDRESS_LIST.test(attr) && Array.isArray(doc) && (values[attr] === undefined || values[attr] === null)) {
        if (values === r.values) values = { ...values };
        values[attr] = doc;
      }
    }
    // The same in blocks (a security group's inline ingress): each block the plan leaves without
    // its list takes the list of the folder's block with the same known settings.
    for (const p of evaluated ? unknown : []) {
      if (!mayBeAddressList(p)) continue;
      const [block, key, deeper] = p.split('.');
      if (key === undefined || deeper !== undefined || !ADDRESS_LIST.test(key)) continue;
      const planned = values[block];
      const theirs = evaluated!.values[block];
      if (!Array.isArray(planned) || !Array.isArray(theirs)) continue;
      let copy: unknown[] | undefined;
      planned.forEach((b, i) => {
        if (!isJson(b) || (b[key] !== undefined && b[key] !== null)) return;
        const lists = [...new Set(theirs.filter((e) => isJson(e) && Array.isArray(e[key]) && sameSettings(b, e)).map((e) => JSON.stringify((e as Json)[key])))];
        if (lists.length !== 1) return;
        (copy ??= planned.slice())[i] = { ...b, [key]: JSON.parse(lists[0]) };
      });
      if (copy) {
        if (values === r.values) values = { ...values };
        values[block] = copy;
      }
    }
    // Unknown as a whole and not filled (no folder beside the plan): a list written around an
    // address (an Elastic IP's public_ip, a VPC's cidr_block) may hold others beside it, which
    // only the folder shows (["0.0.0.0/0", "${aws_eip.nat.public_ip}/32"]): it is not the
    // network's range alone, and a rule that reads it reports it unverifiable.
    if (cfg) {
      for (const p of unknown) {
        if (!mayBeAddressList(p)) continue;
        const [attr, key, deeper] = p.split('.');
        if (deeper !== undefined || !ADDRESS_LIST.test(key ?? attr)) continue;
        const open = key === undefined ? values[attr] === undefined || values[attr] === null : Array.isArray(values[attr]) && (values[attr] as unknown[]).some((b) => isJson(b) && (b[key] === undefined || b[key] === null));
        if (open && (cfg.refs[p] ?? cfg.refs[attr] ?? []).some((ref) => SCALAR_ADDRESS.test(ref))) (unlinked ??= []).push(p);
      }
    }
    const draft: Draft = {
      address: r.address,
      mode: r.mode === 'data' ? 'data' : 'managed',
      type: r.type,
      name: r.name,
      module,
      index: r.index ?? null,
      provider: resolveProviderKey(cfg?.providerKey ?? '', providers, String(r.provider_name ?? r.type.split('_')[0])),
      values: marked ? (redact(values, sensitiveMarks) as Json) : values,
      unknown,
      sensitive: marked ? sensitivePaths(sensitiveMarks, values) : [],
      action: change ? actionOf(delta.actions) : 'none',
      origin: locations?.get(unindexed) ?? { file },
      references,
    };
    if (marked) {
      const hidden = hiddenCollections(sensitiveMarks, values);
      if (hidden.length > 0) draft.hidden = hidden;
    }
    // A block the configuration leaves out (a `dynamic` block) that the plan shows in part: what
    // it leaves unknown there is configured, set from what only apply knows, not the provider's
    // to compute (a table's key given through `dynamic "server_side_encryption"` had read as no
    // key in a plan alone). A block the provider computes whole is unknown whole, never in part.
    // Beside its folder, the folder's references say what it is.
    if (cfg && !source?.references?.get(r.address)) {
      for (const p of unknown) {
        const dot = p.indexOf('.');
        if (dot < 0) continue;
        const block = p.slice(0, dot);
        const shown = values[block];
        if (!Array.isArray(shown) || shown.length === 0 || !shown.every(isJson) || !leftOut(cfg.exprs, block)) continue;
        if (!(unlinked ??= []).includes(p)) unlinked.push(p);
      }
    }
    if (unlinked) draft.unlinked = unlinked;
    if (cfg) draft.written = cfg.exprs;
    // A hidden value equal to a constant the code gives a variable its expression names.
    // (A set the plan hides whole, an MQ broker's `user` blocks, by the attributes its configuration names in it.)
    // Write-only arguments (`master_password_wo`): a plan never shows their value (null, not
    // marked), so they are hidden as a sensitive one is.
    const hidden = cfg ? [...draft.sensitive, ...Object.keys(cfg.exprs).filter((k) => isWriteOnly(k) && !draft.sensitive.includes(k))] : draft.sensitive;
    for (const p of cfg ? hiddenPaths(hidden, cfg.refs) : []) {
      const known = codeLiteral(cfg!.exprs, p, soleValueAt(values, p));
      if (known) draft.written = withConstant(draft.written === cfg!.exprs ? structuredClone(cfg!.exprs) : draft.written!, p, known.value) as Json;
    }
    // The same for a value the plan shows (a credential the provider does not mark sensitive, a
    // Splunk HEC token): equal to a constant the code gives a root variable its expression names
    // (the default of `var.hec.token`'s object), it is a literal in the code. Such a value had
    // passed on both plan sides while its folder was flagged.
    for (const p of cfg?.codePaths ?? []) {
      const planned = soleValueAt(values, p);
      if (typeof planned !== 'string' || hidden.some((h) => p === h || p.startsWith(`${h}.`))) continue;
      const known = codeLiteral(cfg!.exprs, p, planned);
      if (known) draft.written = withConstant(draft.written === cfg!.exprs ? structuredClone(cfg!.exprs) : draft.written!, p, known.value) as Json;
    }
    // What the plan leaves unknown as a whole the folder beside it shows in part, for the
    // secret scan: the text jsonencode or a template writes with a value only apply knows (a
    // container definition around a database's address), the known entries of a map.
    const evaluatedHere = cfg && source?.resources ? source.resources.get(r.address) : undefined;
    // What its provisioners write: the folder's text (connection blocks included), else the plan's constants.
    const provisioned = evaluatedHere?.secret_views?.provisioner ?? cfg?.provisioners?.text;
    if (provisioned) draft.secretViews = { provisioner: provisioned };
    if (cfg?.provisioners?.unread && evaluatedHere?.secret_views?.provisioner === undefined) draft.provisionersUnread = true;
    if (evaluatedHere) {
      const views: Record<string, unknown> = { ...draft.secretViews };
      for (const [p, view] of Object.entries(evaluatedHere.secret_views ?? {})) if (unknownAt(draft.unknown, p)) views[p] = view;
      for (const u of draft.unknown) {
        if (views[u] !== undefined || !evaluatedHere.unknown.some((e) => e.startsWith(`${u}.`))) continue;
        const known = soleValueAt(evaluatedHere.values as Json, u);
        if (isJson(known) && Object.keys(known).length > 0) views[u] = known;
      }
      if (Object.keys(views).length > 0) draft.secretViews = views;
    }
    // A value the plan hides and builds from what it does not hold (a local, each.value, a
    // dynamic block): the folder beside it shows whether the code writes it as a literal, and which.
    if (cfg && source?.resources && source.links && hidden.length > 0) {
      const evaluated = source.resources.get(r.address);
      const from = { module, index: r.index ?? null };
      const paths = hiddenPaths(hidden, cfg.refs);
      for (const p of evaluated ? paths : []) {
        // Named through a local or each.value, or in a `dynamic` block the configuration leaves out.
        const refs = cfg.refs[p];
        // Or built in place from constants by a function (`value = jsonencode({key = "…"})`).
        const inPlace = builtInPlace(cfg.exprs, p);
        // A write-only argument: the plan never holds its value, however the code gives it.
        const opaque = inPlace || isWriteOnly(p) || (refs ? refs.some((ref) => opaqueAcross(ref, from, links)) : leftOut(cfg.exprs, p));
        // Where the folder knows the hidden value (its sha256), it tells whether the code gives
        // it, as HCL does (a payment token in terraform.tfvars, in a function's environment).
        const hash = evaluated!.sensitive_sha256?.[p];
        if (!opaque && !hash) continue;
        // The one value at the path, in the plan or else in the folder's own evaluation of this
        // instance: a listener's authenticate_oidc block beside its forward block is one of two
        // default_action blocks (an audit: the literal client secret of one element of a module's
        // list of listeners passed beside its plan in silence, once another element's came from a
        // variable).
        const planned = oneValueAt(values, p) ?? oneValueAt(evaluated!.values as Json, p);
        const known = literalInCode(evaluated!, p, source.links, hash ? { sha256: hash } : planned === undefined ? undefined : { value: planned }, source.literals);
        if (!opaque && !known) continue;
        // Nothing to compare the code's literals with (no value in the plan, none in the folder's
        // evaluation, no hash): whether the code writes it stays open, and is said (not checked).
        if (!known && !inPlace && !hash && planned === undefined) continue;
        // Built in place, the folder reads it or knows it only apply can (uuid(), timestamp(): no
        // literal, as the folder checked as HCL says); anything else stays not checked.
        if (inPlace && !known && !evaluated!.unknown.some((u) => u === p || p.startsWith(`${u}.`))) continue;
        (draft.readInSource ??= []).push(p);
        if (known) draft.written = withConstant(draft.written === cfg.exprs ? structuredClone(cfg.exprs) : draft.written!, p, known.value) as Json;
      }
    }
    return draft;
  });
  lists?.unpaired(resources);
  return drafts;
}

/**
 * Scripts the AWS provider keeps as their SHA1 hash (its StateFunc), in a plan's values and in
 * state: the secret scan reads 40 hex digits there. The scan reads the script where a plan's
 * configuration writes it as a literal (Draft.written); a template, a variable or a file is
 * not there, and a state has no configuration.
 */
const HASHED_SCRIPTS: Readonly<Record<string, readonly string[]>> = { aws_instance: ['user_data'], aws_launch_configuration: ['user_data'] };
const SHA1_HEX = /^[0-9a-f]{40}$/;

/** A not-checked line for each hashed script of these managed resources that no literal in their configuration shows. */
function hashedScripts(drafts: readonly Draft[], kind: 'plan' | 'state'): string[] {
  const out: string[] = [];
  for (const d of drafts) {
    if (d.mode !== 'managed' || !Object.hasOwn(HASHED_SCRIPTS, d.type)) continue;
    for (const a of HASHED_SCRIPTS[d.type]) {
      const v = d.values[a];
      if (typeof v !== 'string' || !SHA1_HEX.test(v)) continue;
      const w = d.written?.[a];
      // A constant template (`${…}` kept in a JSON configuration) has parts the scan did not see.
      if (isJson(w) && typeof w.constant_value === 'string' && !w.constant_value.includes('${')) continue;
      out.push(`${d.address} ${a} (${d.origin.file}): the ${kind} holds only its SHA1 hash, so the script was not scanned for secrets (the Terraform folder, checked as HCL, shows it)`);
    }
  }
  return out;
}

const MARK_TREES = ['after_unknown', 'after_sensitive', 'before_sensitive'] as const;

/** The plan's changes by address, each checked: the actions and the unknown/sensitive marks rules depend on. */
function resourceChanges(plan: Json, s: Structure): Map<string, Json> {
  const changes = new Map<string, Json>();
  s.list(plan.resource_changes, 'resource_changes').forEach((raw, i) => {
    // Messages are built only for a problem (this runs for every change).
    const where = (): string => `resource_changes[${i}]`;
    const c = isJson(raw) ? raw : s.object(raw, where());
    if (typeof c.address !== 'string' || c.address === '') s.fail(where(), `has address of type ${typeof c.address} (expected a non-empty string)`);
    const at = (): string => `resource ${c.address} change`;
    const change = isJson(c.change) ? c.change : s.object(c.change, at());
    const actions = Array.isArray(change.actions) ? change.actions : s.list(change.actions, `${at()} actions`);
    if (actions.length === 0 || actions.some((a) => typeof a !== 'string')) s.fail(`${at()} actions`, 'must be a non-empty list of strings');
    for (let j = 0; j < MARK_TREES.length; j++) if (!isMarkTree(change[MARK_TREES[j]])) s.marks(change[MARK_TREES[j]], `${at()} ${MARK_TREES[j]}`);
    // A deposed object (create_before_destroy) shares the address of the instance that stays;
    // Terraform only deletes or forgets it (or finds it gone: no-op). Another action on a
    // "deposed" change would hide the current object's change from the pairing below.
    if (c.deposed !== undefined) {
      if (!actions.every((a) => a === 'delete' || a === 'forget' || a === 'no-op')) s.fail(`${at()} actions`, `of a deposed object must be delete, forget or no-op, not ${actions.join(' and ')}`);
      return;
    }
    if (changes.has(c.address)) s.fail(`resource ${c.address}`, 'appears twice in resource_changes');
    changes.set(c.address, c);
  });
  return changes;
}

/**
 * What a plan's two lists must agree on, checked as draftsFrom() pairs each planned object with
 * its change. Terraform (jsonplan, every release since 0.12) writes into planned_values the
 * object of every current change but a delete, and nothing else: created, updated, replaced,
 * kept and read ones are there, deleted ones are not (a forgotten one, `forget` alone, may be
 * either: not judged); and an object's `values` and its change's `after` are the same object,
 * each without the attributes unknown until apply. The rules read planned_values, and a
 * deleted resource counts for no region or estate: a change without its planned object (a
 * resource no rule would see), a planned object whose change deletes it (one no estate rule
 * would count), a planned object without its change (its unknown and sensitive marks lost) or
 * an attribute the change holds and `values` lacks (a policy or an ACL no rule would see) is a
 * plan altered or cut short, refused. Attributes are compared by name only.
 */
class PlanLists {
  private paired = 0;
  constructor(
    private readonly changes: Map<string, Json>,
    private readonly s: Structure,
  ) {}

  /** A planned object and its change (each object's change is found once: addresses are unique in both lists). */
  pair(r: Instance, change: Json | undefined): void {
    // planned_values is made from the changes: in a plan that lists changes, an object without
    // one lost what its change says (its unknown and sensitive marks, its action). A document
    // with planned values alone has nothing to pair: drift's worlds are made so
    // (src/drift/from-plan.ts), and a file like it was refused when loaded (checkComplete in
    // load/terraform-json.ts, the file boundary, where errored and deferred plans are too).
    if (change === undefined) {
      if (this.changes.size === 0) return;
      return this.s.fail(`resource ${r.address}`, 'has an entry in planned_values but no change in resource_changes: the plan was altered or cut short');
    }
    this.paired++;
    const delta = change.change as Json;
    const actions = delta.actions as string[];
    if (actions.every((a) => a === 'delete')) this.refuse(r.address, actions, 'but still has an entry in planned_values');
    const values = isJson(r.values) ? r.values : {};
    // Wholly unknown until apply (Terraform marks a whole object so, never a resource whose
    // configuration it read): there would be no attribute to check, which reads as a resource
    // with none set.
    if (delta.after_unknown === true) {
      for (const k in values) if (Object.hasOwn(values, k)) return;
      return this.s.fail(`resource ${r.address}`, 'is wholly unknown until apply (after_unknown is true) and has no values: nothing about it can be checked');
    }
    const after = delta.after;
    if (!isJson(after)) return;
    for (const k in after) {
      if (!Object.hasOwn(values, k) && Object.hasOwn(after, k) && !(isJson(delta.after_unknown) && delta.after_unknown[k] === true)) {
        this.s.fail(`resource ${r.address}`, `has no ${k} in planned_values, which its change in resource_changes holds: the plan was altered or cut short`);
      }
    }
  }

  /** Once every planned object was paired: the changes none had must be deletes (or forgets). */
  unpaired(resources: Instance[]): void {
    if (this.paired === this.changes.size) return;
    const planned = new Set(resources.map((r) => r.address));
    for (const [address, c] of this.changes) {
      const actions = (c.change as Json).actions as string[];
      if (planned.has(address) || actions.every((a) => a === 'delete' || a === 'forget')) continue;
      this.refuse(address, actions, 'but has no entry in planned_values');
    }
  }

  private refuse(address: string, actions: string[], problem: string): never {
    return this.s.fail(`resource ${address}`, `is planned to ${actions.join(' and ')} in resource_changes ${problem}: the plan was altered or cut short`);
  }
}

/**
 * The data sources Terraform read while planning: a plan holds them in prior_state alone
 * (planned_values has only those read at apply). A policy document a bucket's policy is built
 * from (`replace(data.aws_iam_policy_document.combined.json, …)`, the terraform-aws-modules S3
 * bucket) is read there as the HCL path renders it.
 */
function readWhilePlanning(plan: Json, file: string, planned: Instance[]): Instance[] {
  if (!isJson(plan.prior_state) || plan.prior_state.values === undefined || plan.prior_state.values === null) return [];
  // Its own structure (prior_state holds the managed objects planned_values holds too), and
  // only the data sources: a plan of an existing estate holds every managed object there again.
  const s = new Structure(file);
  const seen = new Set(planned.map((r) => r.address));
  const out: Instance[] = [];
  const walk = (module: unknown, where: string): void => {
    if (module === undefined || module === null) return;
    const m = s.object(module, where);
    const data = s.list(m.resources, `${where}.resources`).filter((r) => isJson(r) && r.mode === 'data' && !seen.has(String(r.address)));
    if (data.length > 0) moduleInstances({ resources: data }, s, where, out);
    s.list(m.child_modules, `${where}.child_modules`).forEach((c, i) => walk(c, `${where}.child_modules[${i}]`));
  };
  walk(s.object(plan.prior_state.values, 'prior_state.values').root_module, 'prior_state.values.root_module');
  return out;
}

export function fromPlan(doc: PlanDocument): StackDraft {
  const { plan } = doc;
  const notChecked: string[] = [];
  const providers = planProviders(doc, notChecked);
  const links = new Map<string, { args: Record<string, string[]>; outputs: Record<string, string[]> }>();
  const constants = doc.source?.links;
  const fromSource: SourceConstant | undefined = constants
    ? (module, name) => {
        const c = constants.get(module)?.constants;
        return c && Object.hasOwn(c, name) ? { value: c[name] } : undefined;
      }
    : undefined;
  const config = configResources(isJson(plan.configuration) ? plan.configuration.root_module : undefined, '', new Map(), links, rootCodeValues(plan, doc.source?.rootCode), fromSource);
  // What module arguments and outputs name through local values, as the source folder gives it.
  for (const [module, link] of doc.source?.links ?? []) {
    const mine = links.get(module);
    if (!mine) continue;
    for (const kind of ['args', 'outputs'] as const) {
      for (const [name, refs] of Object.entries(link[kind])) if (Object.hasOwn(mine[kind], name)) mine[kind][name] = [...new Set([...mine[kind][name], ...refs])];
    }
  }
  const s = new Structure(doc.file);
  const changes = resourceChanges(plan, s);
  const planned = plan.planned_values === undefined ? undefined : s.object(plan.planned_values, 'planned_values').root_module;
  const instances = moduleInstances(planned, s, 'planned_values.root_module');
  const read = readWhilePlanning(plan, doc.file, instances);
  const resources = draftsFrom(doc.file, [...instances, ...read], {
    providers,
    config,
    changes,
    lists: new PlanLists(changes, s),
    links,
    source: doc.source,
    read: new Set(read.map((r) => r.address)),
  });
  notChecked.push(...hashedScripts(resources, 'plan'));
  for (const d of resources) {
    if (d.provisionersUnread) notChecked.push(`${d.address} provisioner (${d.origin.file}): a provisioner writes text beside a reference, which a plan does not hold, so the secret scan could not read it (beside the folder it was made from, or with --source-dir, the plan reads it there)`);
  }
  notChecked.push(...wholeAddressLists(resources, doc.file, doc.source !== undefined));
  return {
    name: doc.stack,
    format: 'plan',
    source: doc.file,
    providers,
    resources,
    ...(typeof plan.terraform_version === 'string' ? { terraformVersion: plan.terraform_version } : {}),
    ...(notChecked.length > 0 ? { notChecked } : {}),
    ...(doc.source ? {} : { unlinkedAdvice: 'check the plan beside the folder it was made from (or pass --source-dir) to follow it' }),
  };
}

/**
 * Address lists a plan leaves unknown as a whole while naming resources (an Elastic IP's
 * address), whose other elements only the folder shows (`["0.0.0.0/0",
 * "${aws_eip.nat.public_ip}/32"]`): each is named as not checked (and, written around one
 * address, reported unverifiable by the rule: draftsFrom marks it unlinked). Beside its
 * folder the plan reads them there (draftsFrom fills them, in blocks too).
 */
function wholeAddressLists(drafts: Draft[], file: string, beside: boolean): string[] {
  const lines: string[] = [];
  for (const d of drafts) {
    let paths: string[] | undefined;
    if (!beside) {
      for (const p in d.references) if (ADDRESS_LIST.test(p) && (d.values[p] === undefined || d.values[p] === null) && d.unknown.includes(p)) (paths ??= []).push(p);
    }
    for (const p of d.unknown) {
      const dot = p.lastIndexOf('.');
      if (dot < 0 || !ADDRESS_LIST.test(p.slice(dot + 1))) continue;
      const block = p.slice(0, p.indexOf('.'));
      // Beside its folder, every block's list filled (draftsFrom): read there.
      const key = p.slice(dot + 1);
      const blocks = d.values[block];
      if (beside && Array.isArray(blocks) && blocks.every((b) => !isJson(b) || Array.isArray(b[key]))) continue;
      if (d.references[p] !== undefined || d.references[block] !== undefined) (paths ??= []).push(p);
    }
    if (paths)
      lines.push(
        `${d.address} ${paths.join(', ')} (${file}): unknown as a whole until apply (Terraform hides the whole list when one element is unknown), so an address written beside that element is not seen` +
          (beside ? '' : '; check the plan beside the folder it was made from (or pass --source-dir)'),
      );
  }
  return lines;
}

export function fromState(doc: StateDocument): StackDraft {
  const { state } = doc;
  const drafts = draftsFrom(doc.file, stateInstances(state, doc.file));
  const notChecked = hashedScripts(drafts, 'state');
  return {
    name: doc.stack,
    format: 'state',
    source: doc.file,
    providers: {},
    resources: drafts,
    ...(typeof state.terraform_version === 'string' ? { terraformVersion: state.terraform_version } : {}),
    ...(notChecked.length > 0 ? { notChecked } : {}),
  };
}
