import type { RuleInfo } from '../evaluate/catalog';
import type { Finding } from '../types/decision';
import type { PolicyInput, Resource } from '../types/policy-input';
import type { Edit } from '../types/fix';
import { expressionOf, fill, type FixContext } from './values';

/** One change to one top-level block of a .tf file, as hcl-eval/edit.go applies it. */
export interface BlockEdit {
  block: 'resource' | 'data';
  labels: [string, string];
  nested?: string;
  where?: { name: string; values: string[] };
  remove?: { name: string; values: string[] };
  set?: Array<{ name: string; expr: string; comment?: string }>;
  append?: string;
}

/** A finding's planned fix: block edits by file, or why it cannot be fixed from source. */
export type FindingPlan =
  | { finding: Finding; rule: RuleInfo; edits: Array<{ file: string; edit: BlockEdit }>; kept?: string[] }
  | { finding: Finding; rule?: RuleInfo; reason: string };

const blockOf = (r: Resource): Pick<BlockEdit, 'block' | 'labels'> => ({ block: r.mode === 'data' ? 'data' : 'resource', labels: [r.type, r.name] });

const CREATED = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/m;

/** A resource of that module-local address (`type.name`) in the same stack and module. */
const exists = (input: PolicyInput, near: Resource, address: string): boolean =>
  Object.values(input.resources).some((r) => r.stack === near.stack && (r.module ?? '') === (near.module ?? '') && `${r.type}.${r.name}` === address);

/** Source a fix can edit: a .tf file the HCL loader read (plans, state and synthesized JSON are generated). */
const editable = (r: Resource | undefined): r is Resource & { origin: { file: string } } => Boolean(r?.origin?.file.endsWith('.tf'));

const bare = (path: string): string => path.split('.').filter((s) => !/^\d+$/.test(s)).join('.');

/** The source sets the attribute (at a nested block path such as `rule.apply_server_side_encryption_by_default`): a value, a reference, or one known only after apply. */
export function sets(r: Resource, nested: string | undefined, name: string): boolean {
  const path = nested ? `${nested}.${name}` : name;
  if ([...r.unknown, ...Object.keys(r.references ?? {})].some((u) => bare(u) === path)) return true;
  let v: unknown = r.values;
  for (const seg of path.split('.')) {
    if (Array.isArray(v)) v = v.find((x) => x && typeof x === 'object' && (x as Record<string, unknown>)[seg] !== undefined && (x as Record<string, unknown>)[seg] !== null) ?? v[0];
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  }
  return v !== undefined && v !== null && v !== '';
}

/** The resource's top-level attribute literally holds one of the values (as HCL writes a scalar). */
function holds(r: Resource, m: { name: string; values: string[] }): boolean {
  const v = r.values[m.name];
  return (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && m.values.includes(String(v));
}

/**
 * The edits a rule's METADATA fix makes for one finding, on the resource's own block or the ones linked to it.
 *
 * `keepChosen`: an attribute the fix would point at a resource it adds (the customer-managed key of a
 * store) is left as written when the source already sets it, and the key is then not added: swapping
 * a chosen key for a new one re-encrypts, and for most stores replaces, the store. The caller re-checks
 * and plans again without keeping for the findings that keeping did not fix (`kept` names what was kept).
 */
export function planFinding(finding: Finding, rule: RuleInfo | undefined, input: PolicyInput, settings: Record<string, unknown>, keepChosen = false): FindingPlan {
  if (!rule?.fix) return { finding, rule, reason: 'the rule declares no automatic fix' };
  const resource = input.resources[finding.resource.key];
  if (!editable(resource)) return { finding, rule, reason: 'not HCL source (fix edits .tf files; for CDKTF see the construct option)' };
  const ctx: FixContext = { name: resource.name, ref: `${resource.type}.${resource.name}`, settings };
  const edits: Array<{ file: string; edit: BlockEdit }> = [];
  // Linked types another edit of this fix adds when none is linked: the edits of that type without
  // `create` have nothing to edit then (the added resource is already as the fix wants).
  const creates = new Set((rule.fix.edits as Edit[]).filter((e) => e.linked && e.create).map((e) => e.linked!.type));
  const kept: string[] = [];
  for (const e of rule.fix.edits as Edit[]) {
    if (e.on && e.on !== resource.type) continue;
    if (e.when && !holds(resource, e.when)) continue;
    const set: NonNullable<BlockEdit['set']> = [];
    // `type.name.` of the resource this edit adds, if it adds one to the reported resource's module.
    const addedRef = !e.linked && e.create ? CREATED.exec(fill(e.create, ctx)) : null;
    const pointsAtAdded = (expr: string): boolean => addedRef !== null && expr.includes(`${addedRef[1]}.${addedRef[2]}.`);
    let keptHere = 0;
    for (const [name, value] of Object.entries(e.set ?? {})) {
      const v = expressionOf(value, ctx);
      if ('reason' in v) return { finding, rule, reason: `${name}: ${v.reason}` };
      if (keepChosen && pointsAtAdded(v.expr) && sets(resource, e.nested, name)) {
        kept.push(e.nested ? `${e.nested}.${name}` : name);
        keptHere++;
        continue;
      }
      set.push({ name, expr: v.expr, ...(e.comment?.[name] ? { comment: e.comment[name] } : {}) });
    }
    // The added resource is only for the attributes kept as written: not added.
    const addUnused = keptHere > 0 && !set.some((x) => pointsAtAdded(x.expr));
    const change: Omit<BlockEdit, 'block' | 'labels'> = {
      ...(e.nested ? { nested: e.nested } : {}),
      ...(e.where ? { where: e.where } : {}),
      ...(e.remove ? { remove: e.remove } : {}),
      ...(set.length ? { set } : {}),
    };
    if (!e.linked) {
      if (Object.keys(change).length > 0) edits.push({ file: resource.origin.file, edit: { ...blockOf(resource), ...change } });
      // A resource the fix points at (the customer-managed key of a store): added unless its address exists.
      const added = e.create && !addUnused ? fill(e.create, ctx) : undefined;
      const address = added ? CREATED.exec(added) : null;
      if (added && !address) return { finding, rule, reason: 'the fix adds a block that is not a resource' };
      if (added && !exists(input, resource, `${address![1]}.${address![2]}`)) edits.push({ file: resource.origin.file, edit: { ...blockOf(resource), append: added } });
      continue;
    }
    const { type, via } = e.linked;
    const linked = resource.referenced_by.filter((ref) => ref.type === type && ref.attribute === via).map((ref) => input.resources[ref.key]);
    if (linked.length > 0) {
      for (const l of linked) {
        if (!editable(l)) return { finding, rule, reason: `the ${type} linked to it is not HCL source` };
        edits.push({ file: l.origin.file, edit: { ...blockOf(l), ...change } });
      }
      continue;
    }
    if (!e.create) {
      if (creates.has(type)) continue;
      return { finding, rule, reason: `no ${type} refers to it and the fix adds none` };
    }
    // A block added for one count/for_each instance would have to repeat the meta-argument.
    if (resource.index !== null && resource.index !== undefined) return { finding, rule, reason: `${resource.address} is a count/for_each instance; add the ${type} by hand` };
    const address = `${type}.${resource.name}`;
    if (exists(input, resource, address)) return { finding, rule, reason: `${address} already exists for another resource` };
    edits.push({ file: resource.origin.file, edit: { ...blockOf(resource), append: fill(e.create, ctx) } });
  }
  if (edits.length === 0 && kept.length === 0) return { finding, rule, reason: `the fix has no edit for ${resource.type}` };
  return { finding, rule, edits, ...(kept.length > 0 ? { kept } : {}) };
}
