import { withProviderDefaults } from './provider-defaults';
import type { HclDocument } from '../load/types';
import { linksOf, type EvaluatedResource } from '../load/hcl-evaluator';
import type { Provider } from '../types/policy-input';
import { cloudOf, type Draft, type StackDraft } from './draft';
import { instanceGroups } from './from-plan';
import { literalInCode, moduleInstancePaths, soleValueAt, namesNetworkRange, resolveAcross, withConstant, writtenInCode, type CodeLiteralsByModule, type ModuleLinks } from './module-refs';
import type { Json } from '../load/types';
import { secretCandidates } from './secrets';

/** An evaluated HCL folder (hcl-eval) to drafts, as a plan's planned values are mapped. */
export function fromHcl(doc: HclDocument): StackDraft {
  const { evaluated } = doc;
  const instances = instanceGroups(evaluated.resources.map((r) => r.address));
  const links: ModuleLinks = linksOf(evaluated);
  const literals: CodeLiteralsByModule = new Map(Object.entries(evaluated.code_literals ?? {}));
  const modules = links.size > 0 ? moduleInstancePaths(evaluated.resources.map((r) => r.address)) : [];
  const providers: Record<string, Provider> = {};
  for (const p of evaluated.providers) {
    const secrets = secretCandidates(p.values);
    providers[p.key] = {
      key: p.key,
      cloud: cloudOf(`${p.name}_`),
      ...(p.alias ? { alias: p.alias } : {}),
      region: p.region,
      ...(p.default_tags ? { default_tags: p.default_tags } : {}),
      origin: { file: p.file, line: p.line },
      ...(secrets.length > 0 ? { secrets } : {}),
    };
  }
  const resources = evaluated.resources.map((r): Draft => {
    const references: Record<string, string[]> = {};
    const unlinked: string[] = [];
    for (const [attr, refs] of Object.entries(r.references)) {
      // Known null: it links nothing, before the provider's computed default makes it unknown
      // (draft.ts withoutNullReferences sees it too late): a module's `key_id = try(each.value.key_id,
      // null)` in one instance named the key another instance's entry sets (found by an audit).
      if (r.values[attr] === null && !r.unknown.includes(attr)) continue;
      const keys = [...new Set(refs.flatMap((ref) => resolveAcross(ref, { module: r.module, index: r.index }, instances, links, modules)))];
      if (keys.length > 0) references[attr] = keys;
      // Configured, and the evaluation left it unknown: open (a variable without a value, a
      // remote module's output), never the provider's to fill in (withProviderDefaults fills
      // only what is null). A root variable is known in a plan, not here: `acl = var.acl` with
      // no value had read as unset, and a public ACL passed.
      else if (r.unknown.some((u) => u === attr || attr.startsWith(`${u}.`) || u.startsWith(`${attr}.`)) && !(refs.length > 0 && refs.every(namesNetworkRange)) && !madeAtApply(r, attr)) unlinked.push(attr);
    }
    // Open in part, beside the resources it names: a trust policy naming the caller's account
    // and `var.ci_role_arn` (no value) had read as trusting its own account only. (A
    // conditional carries both branches' marks, as Terraform's: an open variable in the branch
    // not taken counts too, as a plan without the variable's value could not be made.)
    for (const p of r.open ?? []) if (!unlinked.includes(p)) unlinked.push(p);
    // A value hidden because a sensitive module variable carries it, where the code writes that
    // variable as a constant: the literal, as a plan's configuration holds it (Draft.written).
    // Where it also names what the code does not write (a generated password in the branch a
    // conditional does not take), a value equal to a literal the code gives a variable it names
    // is that literal: compared as it is, or by its sha256 where it is sensitive.
    let written: Json | undefined;
    const from = { module: r.module, forEach: r.for_each };
    for (const attr of withContent(r)) {
      const sensitive = r.sensitive.some((p) => p === attr || p.startsWith(`${attr}.`));
      const hash = r.sensitive_sha256?.[attr];
      // Through blocks (an MQ broker's `user.password`); a set of one (a user's `passwords`) as equalLiteral reads it.
      const plain = soleValueAt(r.values, attr);
      const actual = sensitive ? (hash ? { sha256: hash } : undefined) : (typeof plain === 'string' || (Array.isArray(plain) && plain.length === 1 && typeof plain[0] === 'string')) && Object.keys(r.references).some((k) => (k === attr || attr.startsWith(`${k}.`)) && r.references[k].some((ref) => !writtenInCode(ref, from, links))) ? { value: plain } : null;
      if (actual === null) continue;
      const known = literalInCode(r, attr, links, actual, literals);
      if (known) written = withConstant(written ?? {}, attr, known.value);
    }
    const { values, unknown } = r.mode === 'managed' ? withProviderDefaults(r.type, r.values, r.unknown) : { values: r.values, unknown: r.unknown };
    return {
      address: r.address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      module: r.module,
      index: r.index,
      provider: r.provider,
      values,
      unknown,
      sensitive: r.sensitive,
      ...(r.hidden && r.hidden.length > 0 ? { hidden: r.hidden } : {}),
      action: 'none',
      origin: { file: r.file, line: r.line },
      references,
      ...(unlinked.length > 0 ? { unlinked } : {}),
      // A module's variable its caller sets to a literal is as written in the code as the literal.
      referencing: Object.keys(r.references).filter((k) => r.references[k].some((ref) => !writtenInCode(ref, { module: r.module, forEach: r.for_each }, links))),
      ...(written ? { written } : {}),
      ...(r.secret_views ? { secretViews: r.secret_views } : {}),
    };
  });
  return { name: doc.stack, format: 'hcl', source: doc.file, providers, resources };
}

/**
 * The attributes a resource's expressions name something at, and the string attributes in the
 * blocks those are (a `dynamic` block's content reads its iterator, `oauth.value.client_secret`,
 * which names nothing of its own: what the block's for_each names gives it).
 */
function withContent(r: EvaluatedResource): string[] {
  const out = new Set(Object.keys(r.references));
  const leaves = (v: unknown, path: string): void => {
    if (typeof v === 'string') out.add(path);
    else if (Array.isArray(v)) {
      if (v.some((e) => typeof e === 'object' && e !== null)) for (const e of v) leaves(e, path);
    } else if (typeof v === 'object' && v !== null) for (const [k, e] of Object.entries(v)) leaves(e, `${path}.${k}`);
  };
  // To each block a key names (through the blocks it is in), then every string under it.
  const at = (v: unknown, segs: readonly string[], i: number, attr: string): void => {
    if (Array.isArray(v)) for (const e of v) at(e, segs, i, attr);
    else if (typeof v !== 'object' || v === null) return;
    else if (i === segs.length) leaves(v, attr);
    else if (Object.hasOwn(v, segs[i])) at((v as Record<string, unknown>)[segs[i]], segs, i + 1, attr);
  };
  for (const attr of Object.keys(r.references)) at(r.values, attr.split('.'), 0, attr);
  return [...out];
}

/**
 * Every unknown part of the attribute is made by an impure function (uuid(), timestamp(): the
 * evaluator's `apply`): known after apply, as a plan shows it, not open (a credential passed
 * into a module as uuid() had read as "a variable without a value").
 */
function madeAtApply(r: EvaluatedResource, attr: string): boolean {
  const parts = r.unknown.filter((u) => u === attr || attr.startsWith(`${u}.`) || u.startsWith(`${attr}.`));
  return parts.length > 0 && parts.every((u) => r.apply?.includes(u));
}
