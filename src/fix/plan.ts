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
  | { finding: Finding; rule: RuleInfo; edits: Array<{ file: string; edit: BlockEdit }> }
  | { finding: Finding; rule?: RuleInfo; reason: string };

const blockOf = (r: Resource): Pick<BlockEdit, 'block' | 'labels'> => ({ block: r.mode === 'data' ? 'data' : 'resource', labels: [r.type, r.name] });

const CREATED = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/m;

/** A resource of that module-local address (`type.name`) in the same stack and module. */
const exists = (input: PolicyInput, near: Resource, address: string): boolean =>
  Object.values(input.resources).some((r) => r.stack === near.stack && (r.module ?? '') === (near.module ?? '') && `${r.type}.${r.name}` === address);

/** Source a fix can edit: a .tf file the HCL loader read (plans, state and synthesized JSON are generated). */
const editable = (r: Resource | undefined): r is Resource & { origin: { file: string } } => Boolean(r?.origin?.file.endsWith('.tf'));

/** The edits a rule's METADATA fix makes for one finding, on the resource's own block or the ones linked to it. */
export function planFinding(finding: Finding, rule: RuleInfo | undefined, input: PolicyInput, settings: Record<string, unknown>): FindingPlan {
  if (!rule?.fix) return { finding, rule, reason: 'the rule declares no automatic fix' };
  const resource = input.resources[finding.resource.key];
  if (!editable(resource)) return { finding, rule, reason: 'not HCL source (fix edits .tf files; for CDKTF see the construct option)' };
  const ctx: FixContext = { name: resource.name, ref: `${resource.type}.${resource.name}`, settings };
  const edits: Array<{ file: string; edit: BlockEdit }> = [];
  // Linked types another edit of this fix adds when none is linked: the edits of that type without
  // `create` have nothing to edit then (the added resource is already as the fix wants).
  const creates = new Set((rule.fix.edits as Edit[]).filter((e) => e.linked && e.create).map((e) => e.linked!.type));
  for (const e of rule.fix.edits as Edit[]) {
    if (e.on && e.on !== resource.type) continue;
    const set: NonNullable<BlockEdit['set']> = [];
    for (const [name, value] of Object.entries(e.set ?? {})) {
      const v = expressionOf(value, ctx);
      if ('reason' in v) return { finding, rule, reason: `${name}: ${v.reason}` };
      set.push({ name, expr: v.expr, ...(e.comment?.[name] ? { comment: e.comment[name] } : {}) });
    }
    const change: Omit<BlockEdit, 'block' | 'labels'> = {
      ...(e.nested ? { nested: e.nested } : {}),
      ...(e.where ? { where: e.where } : {}),
      ...(e.remove ? { remove: e.remove } : {}),
      ...(set.length ? { set } : {}),
    };
    if (!e.linked) {
      if (Object.keys(change).length > 0) edits.push({ file: resource.origin.file, edit: { ...blockOf(resource), ...change } });
      // A resource the fix points at (the customer-managed key of a store): added unless its address exists.
      const added = e.create ? fill(e.create, ctx) : undefined;
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
  if (edits.length === 0) return { finding, rule, reason: `the fix has no edit for ${resource.type}` };
  return { finding, rule, edits };
}
