import type { Json, PlanDocument } from '../load/types';
import { isJson, mergeMarks } from '../normalize/draft';
import { diffValues, deepEqual } from './diff';
import { asList, moduleInstances, Structure } from '../normalize/instances';
import { declaredAddress, type DriftEntry, type DriftWorlds, type WorldResource } from './worlds';

/** Addresses the configuration declares (module calls prefixed `module.<name>.`, no instance keys). */
function declared(module: unknown, prefix: string, into: Set<string>): Set<string> {
  if (!isJson(module)) return into;
  for (const r of asList(module.resources)) if (isJson(r)) into.add(`${prefix}${String(r.address)}`);
  for (const [name, call] of Object.entries(isJson(module.module_calls) ? module.module_calls : {})) {
    if (isJson(call)) declared(call.module, `${prefix}module.${name}.`, into);
  }
  return into;
}

/**
 * Terraform 1.0.0 wrote resource_drift entries without `address` (and without `index`): rebuild
 * it, and when the rebuilt address is not an instance we know, take the only instance of it.
 */
function addressOf(d: Json, known: Set<string>): string {
  if (typeof d.address === 'string') return d.address;
  const local = `${d.mode === 'data' ? 'data.' : ''}${String(d.type)}.${String(d.name)}`;
  const index = d.index === undefined ? '' : `[${JSON.stringify(d.index)}]`;
  const address = `${typeof d.module_address === 'string' ? `${d.module_address}.` : ''}${local}${index}`;
  if (known.has(address)) return address;
  const instances = [...known].filter((k) => k.startsWith(`${address}[`));
  return instances.length === 1 ? instances[0] : address;
}

function planDocument(source: PlanDocument, resources: WorldResource[]): PlanDocument {
  const { plan } = source;
  return {
    ...source,
    plan: {
      format_version: plan.format_version,
      ...(plan.terraform_version ? { terraform_version: plan.terraform_version } : {}),
      ...(isJson(plan.variables) ? { variables: plan.variables } : {}),
      ...(isJson(plan.configuration) ? { configuration: plan.configuration } : {}),
      planned_values: { root_module: { resources } },
    },
  };
}

/**
 * Drift from a plan's `resource_drift` (terraform plan -refresh-only, or a normal plan).
 * Live: `prior_state`, which Terraform has already refreshed. Baseline: the same with every
 * drifted resource put back to its recorded (`before`) values, deleted ones restored, and
 * resources no code declares left out.
 */
export function driftFromPlan(doc: PlanDocument): DriftWorlds {
  const { plan } = doc;
  const prior = isJson(plan.prior_state) && isJson(plan.prior_state.values) ? plan.prior_state.values.root_module : undefined;
  const live = moduleInstances(prior, new Structure(doc.file), 'prior_state.values.root_module');
  const liveAddresses = new Set(live.map((r) => r.address));
  const known = new Set(liveAddresses);
  for (const c of asList(plan.resource_changes)) if (isJson(c) && typeof c.address === 'string') known.add(c.address);

  const entries: DriftEntry[] = [];
  const restored = new Map<string, WorldResource>();
  let unchangedReports = 0;
  for (const d of asList(plan.resource_drift)) {
    if (!isJson(d) || !isJson(d.change) || d.mode === 'data') continue;
    const change = d.change;
    const address = addressOf(d, known);
    const actions = asList(change.actions);
    const before = isJson(change.before) ? change.before : null;
    const after = isJson(change.after) ? change.after : null;
    const base = {
      address,
      mode: 'managed',
      type: String(d.type),
      name: String(d.name),
      ...(d.index === undefined ? {} : { index: d.index as string | number }),
      ...(typeof d.provider_name === 'string' ? { provider_name: d.provider_name } : {}),
    };
    if (actions.includes('delete') && after === null) {
      if (before) restored.set(address, { ...base, values: before, sensitive_values: change.before_sensitive ?? {} });
      entries.push({ address, type: base.type, kind: 'deleted', changes: [] });
      continue;
    }
    if (!before || !after) continue;
    const marks = mergeMarks(change.before_sensitive, change.after_sensitive);
    const changes = diffValues(before, after, marks);
    if (changes.length === 0 && deepEqual(change.before_sensitive ?? null, change.after_sensitive ?? null)) {
      unchangedReports++;
      continue;
    }
    restored.set(address, { ...base, values: before, sensitive_values: change.before_sensitive ?? {} });
    entries.push({ address, type: base.type, kind: 'changed', changes });
  }

  // Without a configuration block nothing says what code declares; then nothing is "unmanaged".
  const config = isJson(plan.configuration) ? declared(plan.configuration.root_module, '', new Set()) : null;
  const unmanaged = new Set<string>();
  if (config) {
    for (const r of live) {
      if (r.mode === 'data' || config.has(declaredAddress(r.address)) || restored.has(r.address)) continue;
      unmanaged.add(r.address);
      entries.push({ address: r.address, type: r.type, kind: 'unmanaged', changes: [] });
    }
  }

  const baseline: WorldResource[] = live
    .filter((r) => !unmanaged.has(r.address))
    .map((r) => restored.get(r.address) ?? r);
  for (const [address, r] of restored) if (!liveAddresses.has(address)) baseline.push(r);

  const changesProposed = asList(plan.resource_changes).some((c) => isJson(c) && isJson(c.change) && asList(c.change.actions).some((a) => a !== 'no-op' && a !== 'read'));
  return {
    stack: doc.stack,
    source: {
      mode: 'plan',
      stack: doc.stack,
      plan: doc.file,
      refresh_only: !changesProposed,
      ...(typeof plan.terraform_version === 'string' ? { terraform_version: plan.terraform_version } : {}),
    },
    baseline: [planDocument(doc, baseline)],
    live: [planDocument(doc, live)],
    entries,
    unchangedReports,
  };
}
