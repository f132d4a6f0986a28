import { InputError } from '../errors';
import type { ConfigDocument, HclDocument, Json, StateDocument } from '../load/types';
import { draftOf } from '../normalize';
import { isJson } from '../normalize/draft';
import type { AttributeChange } from '../types/drift-report';
import { deepEqual, leafChange, step, type Segment } from './diff';
import { asList, stateInstances } from '../normalize/instances';
import { declaredAddress, type DriftEntry, type DriftWorlds, type WorldResource } from './worlds';

const TOKEN = /\$\{/;
const hasToken = (v: unknown): boolean =>
  typeof v === 'string' ? TOKEN.test(v) : Array.isArray(v) ? v.some(hasToken) : isJson(v) ? Object.values(v).some(hasToken) : false;
const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

const looseEqual = (a: unknown, b: unknown): boolean => deepEqual(a, b) || (isScalar(a) && isScalar(b) && a !== null && b !== null && String(a) === String(b));

/**
 * Compares only what the code declares with what the state holds: attributes the code leaves
 * out are provider defaults or computed, and `${…}` expressions cannot be resolved here.
 * A declared single block (CDKTF object) matches the state's one-element list.
 */
function compareDeclared(want: unknown, live: unknown, marks: unknown, path: Segment[], out: AttributeChange[]): void {
  if (want === null || want === undefined) return;
  if (isJson(want)) {
    if (Array.isArray(live)) return compareDeclared(want, live[0], step(marks, 0), [...path, 0], out);
    if (isJson(live) && Object.values(want).every(isScalar) && !hasToken(want)) {
      // A map (tags): keys added live are drift too.
      for (const k of new Set([...Object.keys(want), ...Object.keys(live)])) {
        if (!looseEqual(want[k], live[k])) out.push(leafChange([...path, k], want[k], live[k], step(marks, k)));
      }
      return;
    }
    if (isJson(live)) {
      for (const [k, v] of Object.entries(want)) compareDeclared(v, live[k], step(marks, k), [...path, k], out);
      return;
    }
    if (!hasToken(want)) out.push(leafChange(path, want, live, marks));
    return;
  }
  if (hasToken(want)) {
    if (Array.isArray(want) && Array.isArray(live)) want.forEach((w, i) => isJson(w) && compareDeclared(w, live[i], step(marks, i), [...path, i], out));
    return;
  }
  if (Array.isArray(want)) {
    if (want.some((w) => isJson(w)) && Array.isArray(live)) {
      for (let i = 0; i < Math.max(want.length, live.length); i++) {
        if (i >= want.length) out.push(leafChange([...path, i], undefined, live[i], step(marks, i)));
        else compareDeclared(want[i], live[i], step(marks, i), [...path, i], out);
      }
      return;
    }
    // Lists of scalars in state are often sets: order is not drift.
    const norm = (v: unknown): string => JSON.stringify(asList(v).map(String).sort());
    if (!Array.isArray(live) || norm(want) !== norm(live)) out.push(leafChange(path, want, live, marks));
    return;
  }
  if (!looseEqual(want, live)) out.push(leafChange(path, want, live, marks));
}

/** The live values with the declared ones written back: what the next apply would restore. */
function restore(live: unknown, want: unknown): unknown {
  if (want === null || want === undefined || (typeof want === 'string' && hasToken(want))) return live;
  if (isJson(want)) {
    if (Array.isArray(live)) return [restore(live[0], want), ...live.slice(1)];
    if (isJson(live) && Object.values(want).every(isScalar) && !hasToken(want)) return want;
    if (isJson(live)) {
      const out: Json = { ...live };
      for (const [k, v] of Object.entries(want)) out[k] = restore(live[k], v);
      return out;
    }
    return hasToken(want) ? live : want;
  }
  if (Array.isArray(want)) {
    if (hasToken(want)) return live;
    if (want.some((w) => isJson(w)) && Array.isArray(live)) return want.map((w, i) => restore(live[i], w));
    return want;
  }
  return typeof live === 'number' && typeof want === 'string' && want !== '' && !Number.isNaN(Number(want)) ? Number(want) : want;
}

/** `${aws_s3_bucket.b.id}` in a resource that is gone live → the live value of `aws_s3_bucket.b`'s id. */
function resolveTokens(v: unknown, live: Map<string, WorldResource>): unknown {
  if (typeof v === 'string') {
    const m = /^\$\{((?:data\.)?[a-zA-Z][\w-]*\.[a-zA-Z_][\w-]*)\.([\w-]+)\}$/.exec(v);
    const target = m ? live.get(m[1]) : undefined;
    return target && m && m[2] in target.values ? target.values[m[2]] : v;
  }
  if (Array.isArray(v)) return v.map((x) => resolveTokens(x, live));
  if (isJson(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveTokens(x, live)]));
  return v;
}

function stateDocument(source: StateDocument, stack: string, resources: WorldResource[]): StateDocument {
  const terraformVersion = source.state.terraform_version;
  return {
    ...source,
    stack,
    state: {
      format_version: '1.0',
      ...(typeof terraformVersion === 'string' ? { terraform_version: terraformVersion } : {}),
      values: { root_module: { resources } },
    },
  };
}

function pickStack<T extends ConfigDocument | HclDocument>(configs: T[], stack: string | undefined, where: string): T {
  if (stack) {
    const doc = configs.find((c) => c.stack === stack);
    if (!doc) throw new InputError(`${where}: no stack "${stack}" (stacks: ${configs.map((c) => c.stack).join(', ')})`);
    return doc;
  }
  if (configs.length !== 1) throw new InputError(`${where}: ${configs.length} stacks; choose the one the state belongs to with --stack (${configs.map((c) => c.stack).join(', ')})`);
  return configs[0];
}

/**
 * Drift from a state file and the code that should describe it. Live: the state. Baseline:
 * the state with every declared attribute written back, resources only code has added (with
 * their literal values), and resources no code declares left out. Resources inside child
 * modules are kept in both worlds but not compared (the config loaders do not expand modules).
 */
export function driftFromState(state: StateDocument, configs: Array<ConfigDocument | HclDocument>, configPath: string, stack?: string): DriftWorlds {
  const config = pickStack(configs, stack, configPath);
  const live = stateInstances(state.state, state.file);
  const liveByAddress = new Map(live.map((r) => [r.address, r]));
  const code = draftOf(config).resources.filter((d) => d.mode === 'managed');
  const codeByAddress = new Map(code.map((d) => [d.address, d]));
  const entries: DriftEntry[] = [];
  const baseline: WorldResource[] = [];

  for (const r of live) {
    const inModule = r.address.startsWith('module.');
    const draft = codeByAddress.get(declaredAddress(r.address));
    if (r.mode === 'data' || inModule) {
      baseline.push(r);
      continue;
    }
    if (!draft) {
      entries.push({ address: r.address, type: r.type, kind: 'unmanaged', changes: [] });
      continue;
    }
    const changes: AttributeChange[] = [];
    for (const [k, want] of Object.entries(draft.values)) compareDeclared(want, r.values[k], step(r.sensitive_values, k), [k], changes);
    if (changes.length === 0) {
      baseline.push(r);
      continue;
    }
    const changed = new Set(changes.map((c) => c.path.split(/[.[]/)[0]));
    const values: Json = { ...r.values };
    for (const k of changed) values[k] = restore(r.values[k], draft.values[k]);
    baseline.push({ ...r, values });
    entries.push({ address: r.address, type: r.type, kind: 'changed', changes });
  }
  const liveDeclared = new Set(live.map((r) => declaredAddress(r.address)));
  for (const d of code) {
    if (liveDeclared.has(d.address)) continue;
    entries.push({ address: d.address, type: d.type, kind: 'deleted', changes: [] });
    baseline.push({ address: d.address, mode: 'managed', type: d.type, name: d.name, values: resolveTokens(d.values, liveByAddress) as Json, sensitive_values: {} });
  }
  return {
    stack: config.stack,
    source: {
      mode: 'state',
      stack: config.stack,
      state: state.file,
      config: configPath,
      ...(typeof state.state.terraform_version === 'string' ? { terraform_version: state.state.terraform_version } : {}),
    },
    baseline: [stateDocument(state, config.stack, baseline)],
    live: [stateDocument(state, config.stack, live)],
    entries,
    unchangedReports: 0,
  };
}
