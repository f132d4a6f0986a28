import { InputError } from '../errors';
import type { ConfigDocument, Json } from '../load/types';
import type { Provider, Waiver } from '../types/policy-input';
import { cloudOf, defaultProviderOf, isJson, type Draft, type StackDraft } from './draft';
import { kindOf, Structure } from './instances';
import { secretCandidates } from './secrets';
import { schemaErrors } from './validate';

/** `//.leakguard.waivers` as written by `Leakguard.suppress`; any other shape is refused, naming the resource. */
function constructWaivers(file: string, address: string, leakguard: unknown): Waiver[] {
  if (leakguard === undefined) return [];
  const list = isJson(leakguard) ? leakguard.waivers : undefined;
  if (!Array.isArray(list)) throw new InputError(`${file}: ${address}: "//".leakguard must hold a "waivers" array (written by Leakguard.suppress)`);
  return list.map((w, j) => {
    const err = isJson(w) && Object.hasOwn(w, 'resource') ? '/resource is set by the resource the waiver is on' : schemaErrors('policy-input', w, '#/definitions/Waiver');
    if (err) throw new InputError(`${file}: ${address}: waiver ${j}: ${err}`);
    return w as unknown as Waiver;
  });
}

// Meta-arguments are Terraform's, not the resource's attributes.
const META = new Set(['provider', 'count', 'for_each', 'depends_on', 'lifecycle', '//', 'connection', 'provisioner']);
const TOKEN = /\$\{([^}]*)\}/g;
const ADDRESS = /(?:^|[^\w.])((?:data\.)?[a-zA-Z][\w-]*\.[a-zA-Z_][\w-]*)/g;

/** Single blocks come as an object or a one-element list. */
function first(v: unknown): Json | undefined {
  if (Array.isArray(v)) return isJson(v[0]) ? v[0] : undefined;
  return isJson(v) ? v : undefined;
}

function variableDefault(config: Json, expr: unknown): unknown {
  if (typeof expr !== 'string') return expr;
  const m = /^\$\{var\.([\w-]+)\}$/.exec(expr);
  if (!m) return expr;
  const v = first((config.variable as Json | undefined)?.[m[1]]);
  return v?.default ?? null;
}

function providersOf(config: Json, file: string): Record<string, Provider> {
  const out: Record<string, Provider> = {};
  for (const [name, blocks] of Object.entries((config.provider as Json) ?? {})) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      if (!isJson(block)) continue;
      const alias = typeof block.alias === 'string' ? block.alias : undefined;
      const key = alias ? `${name}.${alias}` : name;
      const region = variableDefault(config, block.region ?? block.location ?? null);
      const tags = first(block.default_tags)?.tags;
      const secrets = secretCandidates(block);
      out[key] = {
        key,
        cloud: cloudOf(`${name}_`),
        ...(alias ? { alias } : {}),
        region: typeof region === 'string' && !region.includes('${') ? region : null,
        ...(isJson(tags) ? { default_tags: stringMap(tags) } : {}),
        origin: { file },
        ...(secrets.length > 0 ? { secrets } : {}),
      };
    }
  }
  return out;
}

export function stringMap(v: Json): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const x = v[keys[i]];
    if (x !== null && x !== undefined) out[keys[i]] = String(x);
  }
  return out;
}

/** Every `${…}` token naming a declared resource, by the attribute path holding it. */
function referencesIn(values: unknown, declared: Set<string>, path = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  if (typeof values === 'string') {
    for (const token of values.matchAll(TOKEN)) {
      for (const m of token[1].matchAll(ADDRESS)) {
        if (!declared.has(m[1]) || !path) continue;
        const list = (into[path] ??= []);
        if (!list.includes(m[1])) list.push(m[1]);
      }
    }
  } else if (Array.isArray(values)) {
    for (const v of values) referencesIn(v, declared, path, into);
  } else if (isJson(values)) {
    for (const [k, v] of Object.entries(values)) referencesIn(v, declared, path ? `${path}.${k}` : k, into);
  }
  return into;
}

function providerKey(raw: unknown, type: string): string {
  if (typeof raw !== 'string') return defaultProviderOf(type);
  return raw.replace(/^\$\{|\}$/g, '');
}

/** Normalizes a synthesized cdk.tf.json. */
export function fromConfig(doc: ConfigDocument): StackDraft {
  const { config } = doc;
  const s = new Structure(doc.file);
  const sections: Array<['managed' | 'data', Json]> = [
    ['managed', config.resource === undefined ? {} : s.object(config.resource, '"resource"')],
    ['data', config.data === undefined ? {} : s.object(config.data, '"data"')],
  ];
  const declared = new Set<string>();
  const bodies: Array<{ mode: 'managed' | 'data'; type: string; name: string; body: Json }> = [];
  for (const [mode, section] of sections) {
    for (const [type, byName] of Object.entries(section)) {
      const prefix = `${mode === 'data' ? 'data.' : ''}${type}`;
      if (!/^[A-Za-z][\w-]*$/.test(type)) s.fail(`${mode === 'data' ? '"data"' : '"resource"'} key ${JSON.stringify(type.slice(0, 80))}`, 'is not a resource type name');
      for (const [name, raw] of Object.entries(s.object(byName, prefix))) {
        // One block: an object (CDKTF) or a one-element list (Terraform JSON syntax allows both).
        if (Array.isArray(raw) && raw.length > 1) s.fail(`resource ${prefix}.${name}`, `is declared ${raw.length} times`);
        const body = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
        if (!isJson(body)) s.fail(`resource ${prefix}.${name}`, `has a body of type ${kindOf(raw)} (expected one block)`);
        declared.add(`${prefix}.${name}`);
        bodies.push({ mode, type, name, body });
      }
    }
  }
  const resources = bodies.map(({ mode, type, name, body }): Draft => {
    const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const values: Json = {};
    for (const [k, v] of Object.entries(body)) if (!META.has(k)) values[k] = v;
    const meta = isJson(body['//']) ? body['//'] : {};
    const md = isJson(meta.metadata) ? meta.metadata : {};
    const waivers = constructWaivers(doc.file, address, meta.leakguard);
    return {
      address,
      mode,
      type,
      name,
      module: '',
      index: null,
      provider: providerKey(body.provider, type),
      values,
      // `tags = merge(local.tags, {...})` is an expression, not a map: its keys are unknown
      // until Terraform evaluates it, so rules must not read it as "no tags".
      unknown: typeof values.tags === 'string' ? ['tags'] : [],
      sensitive: [],
      action: 'none',
      origin: {
        file: doc.file,
        ...(typeof md.path === 'string' ? { construct_path: md.path } : {}),
        ...(Array.isArray(md.stackTrace) ? { stack_trace: md.stackTrace.map(String) } : {}),
      },
      references: referencesIn(values, declared),
      ...(waivers.length > 0 ? { waivers: waivers.map((w) => ({ ...w, source: String(md.path ?? address) })) } : {}),
    };
  });
  return { name: doc.stack, format: doc.format, source: doc.file, providers: providersOf(config, doc.file), resources };
}
