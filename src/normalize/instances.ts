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

/** Every resource of a `values.root_module`-shaped module tree, child modules included. */
export function moduleInstances(module: unknown, out: Instance[] = []): Instance[] {
  if (!isJson(module)) return out;
  for (const r of asList(module.resources)) {
    if (isJson(r) && typeof r.address === 'string') out.push({ ...r, values: isJson(r.values) ? r.values : {} } as Instance);
  }
  for (const c of asList(module.child_modules)) moduleInstances(c, out);
  return out;
}

/** `sensitive_attributes` paths of a raw .tfstate (`[[{"type":"get_attr","value":"password"}]]`) → a marker tree. */
function marksFromPaths(paths: unknown): Json {
  const root: Json = {};
  for (const p of asList(paths)) {
    const steps = asList(p).map((s) => (isJson(s) ? (s.type === 'index' && isJson(s.value) ? s.value.value : s.value) : undefined));
    if (steps.length === 0 || steps.some((s) => typeof s !== 'string' && typeof s !== 'number')) continue;
    let node: Record<string, unknown> = root;
    steps.forEach((s, i) => {
      const k = String(s);
      if (i === steps.length - 1) node[k] = true;
      else node = (isJson(node[k]) ? node[k] : (node[k] = {})) as Record<string, unknown>;
    });
  }
  return root;
}

/** Instances of a state: `terraform show -json` (values.root_module) or a raw .tfstate v4. */
export function stateInstances(state: Json): Instance[] {
  if ('format_version' in state) return moduleInstances(isJson(state.values) ? state.values.root_module : undefined);
  const out: Instance[] = [];
  for (const r of asList(state.resources)) {
    if (!isJson(r)) continue;
    const prefix = typeof r.module === 'string' ? `${r.module}.` : '';
    const local = `${r.mode === 'data' ? 'data.' : ''}${String(r.type)}.${String(r.name)}`;
    for (const inst of asList(r.instances)) {
      if (!isJson(inst)) continue;
      const index = inst.index_key as string | number | undefined;
      out.push({
        address: `${prefix}${local}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`,
        mode: String(r.mode),
        type: String(r.type),
        name: String(r.name),
        ...(index === undefined ? {} : { index }),
        provider_name: String(r.provider ?? '').replace(/^provider\["|"\].*$/g, ''),
        values: isJson(inst.attributes) ? inst.attributes : {},
        sensitive_values: marksFromPaths(inst.sensitive_attributes),
      });
    }
  }
  return out;
}
