import { createHash } from 'node:crypto';
import { resolveReference, splitAddress } from './from-plan';
import { ROOT, type CodeLiterals } from '../load/hcl-evaluator';
import { stripIndexes } from '../load/plan-source';

// A module's resource that names `var.kms_key_arn` names whatever its caller passes in
// (`kms_key_arn = aws_kms_key.orders.arn`), and a caller that names `module.efs.id` names
// whatever the module gives back as that output. A plan's configuration holds both (each
// module call's argument expressions, each module's output expressions), and so does the HCL
// evaluator's output (module_links); followed, a key or a file system passed across a module
// boundary is linked as one named in the same module is (a customer-managed key given to a
// registry module read as the AWS-managed default before).

/** By module (static path, `module.a.module.b`): its call's argument references (in the caller) and its outputs' references (in the module). */
export type ModuleLinks = ReadonlyMap<string, { args: Record<string, string[]>; outputs: Record<string, string[]>; constants?: Record<string, unknown> }>;
/** The string literals each module's locals and call arguments write (hcl-evaluator.ts CodeLiterals), by static module path. */
export type CodeLiteralsByModule = ReadonlyMap<string, CodeLiterals>;


/** The module instance holding `module` (`module.a["x"].module.b` → `module.a["x"]`; top-level → ''). */
function callerOf(module: string): string {
  // The start of the last `.module.` outside brackets and quotes (keys may hold either).
  let last = -1;
  let depth = 0;
  let quote = false;
  for (let i = 0; i < module.length; i++) {
    const ch = module[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (depth === 0 && module.startsWith('.module.', i)) last = i;
  }
  return last < 0 ? '' : module.slice(0, last);
}

/** Every module instance path of these resource addresses, and each one's ancestors. */
export function moduleInstancePaths(addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of addresses) {
    for (let m = splitAddress(a).module; m !== '' && !out.has(m); m = callerOf(m)) out.add(m);
  }
  return [...out];
}

const VAR = /^var\.([A-Za-z_][\w-]*)/;
const OUTPUT = /^module\.([A-Za-z_][\w-]*)(\[[^\]]*\])?\.([A-Za-z_][\w-]*)/;

/**
 * Output names that say a module gives a VPC's or its subnets' own range
 * (terraform-aws-modules/vpc: vpc_cidr_block, private_subnets_cidr_blocks,
 * vpc_secondary_cidr_blocks, …): AWS allows /16 to /28, never the internet. An address set
 * from one is not open, even from a module not followed (which is named as not checked
 * itself): a security group open to `module.vpc.vpc_cidr_block` was a blocking "cannot be
 * verified" on the commonest idiom of that module.
 */
const NETWORK_RANGE_OUTPUT = /^(vpc_(secondary_)?(ipv6_)?cidr_blocks?|[a-z0-9_]*subnets?_(ipv6_)?cidr_blocks?)$/;

/** Whether a reference is a module output that names a network's own range (NETWORK_RANGE_OUTPUT). */
export const namesNetworkRange = (ref: string): boolean => {
  const o = OUTPUT.exec(ref);
  return o !== null && NETWORK_RANGE_OUTPUT.test(o[3]);
};

/**
 * The root module's variables whose value the code gives (a default, an auto-loaded tfvars
 * file: the HCL evaluator's root_code_values), kept as the constants of the entry '' of the
 * links. `{ value }`, or undefined.
 */
function rootCode(links: ModuleLinks, name: string): { value: unknown } | undefined {
  const c = links.get(ROOT)?.constants;
  return c && Object.hasOwn(c, name) ? { value: c[name] } : undefined;
}

const WHOLE_MODULE = /^module\.([A-Za-z_][\w-]*)(\[[^\]]*\])?$/;

/**
 * The resource instances a reference of a resource in module instance `from.module` names,
 * through module variables (to the caller's argument) and module outputs (to the module's
 * output expression), a few calls deep; resources as resolveReference links them.
 */
export function resolveAcross(
  ref: string,
  from: { module: string; index: unknown },
  instances: Map<string, string[]>,
  links: ModuleLinks,
  modules: readonly string[],
  depth = 0,
): string[] {
  if (depth > 8) return [];
  const v = VAR.exec(ref);
  if (v) {
    if (from.module === '') return [];
    const args = links.get(stripIndexes(from.module))?.args[v[1]] ?? [];
    const caller = { module: callerOf(from.module), index: null };
    return [...new Set(args.flatMap((r) => resolveAcross(r, caller, instances, links, modules, depth + 1)))];
  }
  // `module.pg` alone: a plan's name for `module.pg[each.key].id` (a key known per instance),
  // which names no output: every output of the module.
  const whole = WHOLE_MODULE.exec(ref);
  if (whole) {
    const call = from.module ? `${from.module}.module.${whole[1]}` : `module.${whole[1]}`;
    const outputs = Object.keys(links.get(stripIndexes(call))?.outputs ?? {});
    return [...new Set(outputs.flatMap((o) => resolveAcross(`module.${whole[1]}${whole[2] ?? ''}.${o}`, from, instances, links, modules, depth + 1)))];
  }
  const o = OUTPUT.exec(ref);
  if (o) {
    const [, name, index, output] = o;
    const call = from.module ? `${from.module}.module.${name}` : `module.${name}`;
    const outputs = links.get(stripIndexes(call))?.outputs[output] ?? [];
    if (outputs.length === 0) return [];
    // The instance the reference indexes, or every instance of the call (`module.kms.arn` of a module without count).
    const children = index ? [`${call}${index}`] : modules.filter((m) => m === call || (m.startsWith(`${call}[`) && callerOf(m) === from.module && stripIndexes(m) === stripIndexes(call)));
    return [...new Set(children.flatMap((child) => outputs.flatMap((r) => resolveAcross(r, { module: child, index: null }, instances, links, modules, depth + 1))))];
  }
  return resolveReference(ref, from, instances);
}

/**
 * Whether what a reference gives is written in the code itself: a module's variable its caller
 * sets to a constant (or to what is so written) or leaves at its default, a module output
 * built from such, each.value of a for_each so written (`forEach`: what it names), a local
 * value (the HCL evaluator lists what a local names beside it), each.key, count.index, path.*,
 * terraform.*. A root variable (tfvars, the environment), a resource, a data source: not.
 */
export function writtenInCode(ref: string, from: { module: string; forEach?: readonly string[] }, links: ModuleLinks, depth = 0): boolean {
  if (depth > 8) return false;
  if (/^(count|path|terraform|local)\b/.test(ref) || /^each\.key\b/.test(ref)) return true;
  if (/^each\.value\b/.test(ref)) return from.forEach !== undefined && from.forEach.every((r) => writtenInCode(r, { module: from.module }, links, depth + 1));
  const v = VAR.exec(ref);
  if (v) {
    // A root variable whose value the code gives (its default, an auto-loaded tfvars file):
    // written in the repository. Any other (-var, TF_VAR_, a tfvars file passed in) is not.
    if (from.module === '') return rootCode(links, v[1]) !== undefined;
    const args = links.get(stripIndexes(from.module))?.args[v[1]];
    const caller = { module: callerOf(from.module) };
    return args === undefined || args.every((r) => writtenInCode(r, caller, links, depth + 1));
  }
  const o = OUTPUT.exec(ref);
  if (o) {
    const call = from.module ? `${from.module}.module.${o[1]}` : `module.${o[1]}`;
    const link = links.get(stripIndexes(call));
    const outputs = link?.outputs[o[3]];
    return link !== undefined && (outputs === undefined || outputs.every((r) => writtenInCode(r, { module: call }, links, depth + 1)));
  }
  return false;
}

const WHOLE_VAR = /^var\.([A-Za-z_][\w-]*)$/;

/** An HCL-evaluated resource, as much of it as literalInCode() reads. */
interface Evaluated {
  module: string;
  values: Record<string, unknown>;
  sensitive: readonly string[];
  references: Record<string, string[]>;
  for_each?: readonly string[];
}

const REDACTED = '(sensitive)';

/**
 * The value at an attribute path (dotted, through blocks) where the code writes it: everything
 * its expression names is written in the code (writtenInCode). Where a sensitive module variable
 * hides it, the one such variable it names gives it (valueInCode). `{ value }`, or undefined.
 */
export function literalInCode(r: Evaluated, attr: string, links: ModuleLinks, actual?: Actual, literals?: CodeLiteralsByModule): { value: unknown } | undefined {
  // With the references of the blocks it is in: a `dynamic` block's for_each names what its
  // content's iterator reads (`basic.value.password` from `each.value`: a root variable passed
  // in had read as a literal beside a plan).
  const refs = Object.keys(r.references).flatMap((k) => (k === attr || attr.startsWith(`${k}.`) ? r.references[k] : []));
  const from = { module: r.module, forEach: r.for_each };
  const values = (): Array<{ value: unknown }> => refs.flatMap((ref) => valueInCode(ref, { module: r.module }, links) ?? []);
  if (refs.every((ref) => writtenInCode(ref, from, links))) {
    if (!r.sensitive.some((p) => p === attr || p.startsWith(`${attr}.`) || attr.startsWith(`${p}.`))) {
      const found = valuesAt(r.values, attr.split('.'), 0);
      return found.length === 0 ? undefined : { value: found.length === 1 ? found[0] : found };
    }
    const known = values();
    // A whole object (`var.rds_config` for `var.rds_config.db_password`): the attribute is
    // among its strings, matched below.
    if (known.length === 1 && (typeof known[0].value !== 'object' || known[0].value === null)) return known[0];
  }
  if (!actual) return undefined;
  // Whatever else they name, the literals written along its references: one entry of a map
  // of users passed into a module is a literal, another a variable (terraform-aws-eventbridge's
  // connections: the literal had passed unseen in HCL).
  const along = literals ? refs.flatMap((ref) => literalsAlong(ref, from, links, literals)) : [];
  return equalLiteral([...values(), ...along.map((value) => ({ value }))], actual);
}

/**
 * The whole string literals the code writes along a reference: in the local it names, in the
 * argument the caller passes for the variable it names (and on through the caller's own
 * variables), in the constant the code gives that variable, in what a for_each names for
 * each.value. A root variable only where the code gives its value (rootCode: its default, an
 * auto-loaded tfvars file); one given at plan time is not code.
 */
function literalsAlong(ref: string, from: { module: string; forEach?: readonly string[] }, links: ModuleLinks, literals: CodeLiteralsByModule, depth = 0): string[] {
  if (depth > 8) return [];
  if (/^each\.value\b/.test(ref)) return (from.forEach ?? []).flatMap((r) => literalsAlong(r, { module: from.module }, links, literals, depth + 1));
  const key = stripIndexes(from.module);
  const local = /^local\.([A-Za-z_][\w-]*)/.exec(ref);
  if (local) return literals.get(key)?.locals?.[local[1]] ?? [];
  const v = VAR.exec(ref);
  if (!v) return [];
  if (from.module === '') return stringLeaves(rootCode(links, v[1])?.value);
  const link = links.get(key);
  const caller = { module: callerOf(from.module) };
  return [
    ...stringLeaves(link?.constants?.[v[1]]),
    ...(literals.get(key)?.args?.[v[1]] ?? []),
    ...(link?.args[v[1]] ?? []).flatMap((r) => literalsAlong(r, caller, links, literals, depth + 1)),
  ];
}

/** Every non-empty string in a JSON value. */
export function stringLeaves(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (Array.isArray(v)) return v.flatMap(stringLeaves);
  return typeof v === 'object' && v !== null ? Object.values(v).flatMap(stringLeaves) : [];
}

/** A value known where it is read: as it is (a plan's, or HCL's where not sensitive), or by its sha256 (HCL's sensitive strings). */
export type Actual = { value: unknown } | { sha256: string };

/**
 * Whatever else an expression names, a value equal to a literal the code gives one of the
 * variables it names is that literal, written in the code: a password passed into a module
 * that picks it or a generated one (`var.pw != null ? var.pw : random_password.x.result`, the
 * cloudposse modules) had passed unseen on every side.
 */
export function equalLiteral(candidates: ReadonlyArray<{ value: unknown }>, actual: Actual): { value: unknown } | undefined {
  // A set of one (a MemoryDB user's passwords): its element.
  if ('value' in actual && Array.isArray(actual.value)) {
    const one = actual.value.length === 1 ? equalLiteral(candidates, { value: actual.value[0] }) : undefined;
    return one ? { value: [one.value] } : undefined;
  }
  return candidates.find(
    ({ value }) => typeof value === 'string' && value !== '' && ('sha256' in actual ? createHash('sha256').update(value, 'utf8').digest('hex') === actual.sha256 : actual.value === value),
  );
}

/** `exprs` (a configuration's expressions, as a plan holds them) with `{constant_value}` at the dotted path. */
export function withConstant(exprs: Record<string, unknown>, attr: string, value: unknown): Record<string, unknown> {
  const segs = attr.split('.');
  let at = exprs;
  for (const seg of segs.slice(0, -1)) {
    const next = at[seg];
    // Into a block written once (a list of one object), keeping what else the block holds.
    const one = Array.isArray(next) && next.length === 1 ? next[0] : next;
    if (typeof one === 'object' && one !== null && !Array.isArray(one)) at = one as Record<string, unknown>;
    else at = at[seg] = {};
  }
  at[segs[segs.length - 1]] = { constant_value: value };
  return exprs;
}

/** The one value at a dotted attribute path (through blocks), or undefined where there are none or several. */
export function soleValueAt(values: Record<string, unknown>, attr: string): unknown {
  const found = valuesAt(values, attr.split('.'), 0);
  return found.length === 1 ? found[0] : undefined;
}

/** The values at `segs` (through lists of blocks), nulls and redactions left out. */
function valuesAt(v: unknown, segs: readonly string[], i: number): unknown[] {
  if (Array.isArray(v) && i < segs.length) return v.flatMap((e) => valuesAt(e, segs, i));
  if (i === segs.length) return v === null || v === undefined || v === REDACTED ? [] : [v];
  return typeof v === 'object' && v !== null && Object.hasOwn(v, segs[i]) ? valuesAt((v as Record<string, unknown>)[segs[i]], segs, i + 1) : [];
}

/**
 * The value a module variable has where the code writes it (links' `constants`: the HCL
 * evaluator's), through callers that pass a variable of their own: `{ value }`, or undefined.
 */
export function valueInCode(ref: string, from: { module: string }, links: ModuleLinks, depth = 0): { value: unknown } | undefined {
  const v = WHOLE_VAR.exec(ref);
  if (!v || depth > 8) return undefined;
  if (from.module === '') return rootCode(links, v[1]);
  const link = links.get(stripIndexes(from.module));
  if (!link) return undefined;
  if (link.constants && Object.hasOwn(link.constants, v[1])) return { value: link.constants[v[1]] };
  const args = link.args[v[1]];
  return args?.length === 1 ? valueInCode(args[0], { module: callerOf(from.module) }, links, depth + 1) : undefined;
}

/**
 * Whether a reference that links no resource of the input (resolveAcross gave none) leaves the
 * value it feeds open: a local value or each.value (a plan holds neither), a resource the input
 * lacks, a module output built from one of those, a variable its caller passes one of those
 * to. A variable the caller sets to a constant or leaves at its default, a constant output,
 * count.index, each.key, path.* and terraform.* are known where the input is read: not open.
 * Unknown module calls count as open (nothing says otherwise).
 */
export function opaqueAcross(ref: string, from: { module: string }, links: ModuleLinks, depth = 0): boolean {
  if (depth > 8) return true;
  if (/^(count|path|terraform)\b/.test(ref) || /^each\.key\b/.test(ref)) return false;
  const v = VAR.exec(ref);
  if (v) {
    if (from.module === '') return false;
    const args = links.get(stripIndexes(from.module))?.args[v[1]];
    const caller = { module: callerOf(from.module) };
    return args !== undefined && args.some((r) => opaqueAcross(r, caller, links, depth + 1));
  }
  const o = OUTPUT.exec(ref);
  if (o) {
    if (namesNetworkRange(ref)) return false;
    const call = from.module ? `${from.module}.module.${o[1]}` : `module.${o[1]}`;
    const link = links.get(stripIndexes(call));
    if (link === undefined) return true;
    const outputs = link.outputs[o[3]];
    return outputs !== undefined && outputs.some((r) => opaqueAcross(r, { module: call }, links, depth + 1));
  }
  return true;
}
