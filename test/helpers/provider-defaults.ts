// What hashicorp/aws plans for the attributes a configuration leaves unset, learned from real
// plans: a value (the schema's default) or unknown (computed by the provider). Written to
// src/normalize/provider-defaults.json, which the HCL path applies as a plan would.
import { readFileSync } from 'node:fs';
import type { ProviderDefaults } from '../../src/normalize/provider-defaults';

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const stripIndexes = (s: string): string => s.replace(/\[[^\]]*\]/g, '');
const UNKNOWN = '\u0000unknown';

/** Configured top-level attribute names by resource config address (`module.m.aws_s3_bucket.b`). */
function configured(module: unknown, prefix: string, into: Map<string, Set<string>>): Map<string, Set<string>> {
  if (!isJson(module)) return into;
  for (const r of Array.isArray(module.resources) ? module.resources : []) {
    if (isJson(r)) into.set(`${prefix}${String(r.address)}`, new Set(Object.keys(isJson(r.expressions) ? r.expressions : {})));
  }
  for (const [name, call] of Object.entries(isJson(module.module_calls) ? module.module_calls : {})) {
    if (isJson(call)) configured(call.module, `${prefix}module.${name}.`, into);
  }
  return into;
}

// after_sensitive mirrors a value's shape: `[]` or `{}` for a block or map with no sensitive
// part, `true` where a value is sensitive. Only a `true` somewhere makes the attribute sensitive
// (taking `[]` for one left every block and map attribute unlearned: an unset
// point_in_time_recovery was absent on the HCL path and unknown in the plan).
const anySensitive = (v: unknown): boolean => v === true || (Array.isArray(v) ? v.some(anySensitive) : isJson(v) ? Object.values(v).some(anySensitive) : false);

// A block's planned value may come from a `dynamic` block, which a plan's configuration does not list.
const isPrimitive = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * For every managed resource a plan creates, each top-level attribute its configuration does
 * not set: the planned value, or unknown. An attribute is kept only when every observation
 * agrees (a default that depends on other arguments is left out); defaults only when they are
 * a string, number or boolean, and never for sensitive attributes. `dynamic`: the blocks a
 * plan's folder writes with `dynamic` (its configuration leaves them out, so they would read as
 * unset: a DynamoDB table's key given that way had made server_side_encryption look known).
 */
export function learnProviderDefaults(planFiles: string[], dynamic: (file: string) => ReadonlySet<string> = () => new Set()): ProviderDefaults {
  const seen = new Map<string, Map<string, Set<string>>>();
  for (const file of planFiles) {
    const written = dynamic(file);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const config = configured(isJson(plan.configuration) ? plan.configuration.root_module : undefined, '', new Map());
    for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
      if (!isJson(rc) || rc.mode !== 'managed' || !isJson(rc.change)) continue;
      const { after, after_unknown: unknown, after_sensitive: sensitive } = rc.change;
      const set = config.get(stripIndexes(String(rc.address)));
      if (!set) continue;
      const values = isJson(after) ? after : {};
      const unknowns = isJson(unknown) ? unknown : {};
      const byAttr = seen.get(String(rc.type)) ?? new Map<string, Set<string>>();
      seen.set(String(rc.type), byAttr);
      for (const attr of new Set([...Object.keys(values), ...Object.keys(unknowns)])) {
        if (set.has(attr) || written.has(attr) || (isJson(sensitive) && anySensitive(sensitive[attr]))) continue;
        // Partly unknown (a nested value) is neither a default nor wholly computed.
        const observed = unknowns[attr] === true ? UNKNOWN : unknowns[attr] === undefined || unknowns[attr] === false ? JSON.stringify(values[attr] ?? null) : 'partial';
        const list = byAttr.get(attr) ?? new Set<string>();
        list.add(observed);
        byAttr.set(attr, list);
      }
    }
  }
  const out: ProviderDefaults = {};
  for (const type of [...seen.keys()].sort()) {
    const defaults: Record<string, unknown> = {};
    const computed: string[] = [];
    for (const [attr, observed] of [...seen.get(type)!].sort(([a], [b]) => a.localeCompare(b))) {
      if (observed.size !== 1) continue;
      const [only] = observed;
      if (only === UNKNOWN) computed.push(attr);
      else if (only !== 'partial' && isPrimitive(JSON.parse(only))) defaults[attr] = JSON.parse(only);
    }
    if (computed.length > 0 || Object.keys(defaults).length > 0) out[type] = { defaults, computed };
  }
  return out;
}
