import type { Json, LoadedDocument } from '../load/types';
import { ADDRESS_LIST, CODE_KNOWN } from '../load/plan-source';
import type { PolicyInput, Provider, Resource, SecretCandidate, Stack } from '../types/policy-input';
import type { SecretPaths } from '../evaluate/manifest';
import { applyAzapiUpdates, fromAzapi } from './azapi';
import { cloudOf, configuredAt, isJson, isWriteOnly, unknownAt, withoutNullReferences, type Draft, type StackDraft } from './draft';
import { fromConfig, stringMap } from './from-config';
import { fromHcl } from './from-hcl';
import { coerceDraft, hoistSensitive } from './coerce';
import { fromPlan, fromState, literalTree } from './from-plan';
import { copyRegions, scopesOf, UNKNOWN_REGION } from './scopes';
import { credentialCandidates, forgetScannedStrings, secretCandidates, secretCandidatesAt, unscannedLine, hiddenPaths } from './secrets';
import { assertValid } from './validate';

function sourceDraft(doc: LoadedDocument): StackDraft {
  switch (doc.kind) {
    case 'config':
      return fromConfig(doc);
    case 'hcl':
      return fromHcl(doc);
    case 'plan':
      return fromPlan(doc);
    case 'state':
      return fromState(doc);
  }
}

/** One source's resources, AzAPI declarations of known data stores mapped onto their azurerm types and AzAPI updates applied. */
export function draftOf(doc: LoadedDocument): StackDraft {
  const sd = sourceDraft(doc);
  return { ...sd, resources: applyAzapiUpdates(sd.resources.map(fromAzapi)).map(withoutNullReferences) };
}

/** `West US 2` and `westus2` are the same Azure region. */
const azureRegion = (loc: string): string => loc.toLowerCase().replace(/\s+/g, '');

/** Region from an ARN (`arn:aws:kms:us-east-1:…`), for state files that carry no provider config. */
function arnRegion(values: Record<string, unknown>): string | null {
  const arn = values.arn;
  if (typeof arn !== 'string') return null;
  const region = arn.split(':')[3];
  return region ? region : null;
}

function literal(v: unknown): string | null {
  return typeof v === 'string' && v !== '' && !v.includes('${') ? v : null;
}

function regionOf(d: Draft, provider: Provider | undefined, byAddress: () => Map<string, Draft>, stackProviders: Record<string, Provider>): string | null {
  const cloud = cloudOf(d.type);
  if (cloud === 'azure') {
    const loc = literal(d.values.location);
    if (loc) return azureRegion(loc);
    // `location = azurerm_resource_group.rg.location` → the group's location.
    for (const target of d.references.location ?? []) {
      const t = byAddress().get(target);
      const tl = t ? literal(t.values.location) : null;
      if (tl) return azureRegion(tl);
    }
    return null;
  }
  if (cloud === 'aws') {
    // The default provider's region only for a resource whose provider is not in the input: one
    // whose provider's region is unknown is in no known region, not in the default's.
    return literal(d.values.region) ?? provider?.region ?? arnRegion(d.values) ?? (provider === undefined ? stackProviders.aws?.region : null) ?? null;
  }
  return provider?.region ?? null;
}

function tagsOf(d: Draft, provider: Provider | undefined): Record<string, string> {
  // tags_all is AWS's own merge of default_tags and tags, present when known in plans/state.
  const all = d.values.tags_all;
  const tags = d.values.tags;
  if (isJson(all)) {
    // stringMap(all) overlaid with stringMap(tags), without building the second map (both
    // assign String values, so a `__proto__` key is dropped alike).
    const out = stringMap(all);
    if (isJson(tags)) {
      const keys = Object.keys(tags);
      for (let i = 0; i < keys.length; i++) {
        const x = tags[keys[i]];
        if (x !== null && x !== undefined) out[keys[i]] = String(x);
      }
    }
    return out;
  }
  const own = isJson(tags) ? stringMap(tags) : {};
  return { ...(provider?.default_tags ?? {}), ...own };
}

/** Where normalize() hands each resource once it is complete (the policy's workers parse it meanwhile). */
export interface ResourceSink {
  /** How many resources are coming (before the first). */
  expect(count: number): void;
  add(resource: Resource): void;
}

/**
 * Each resource's referenced_by, from the drafts' references, in the order normalize() would
 * push them (referrers in order, their attributes, their targets); null where a key repeats.
 */
function linksInto(drafts: StackDraft[], keyLists: string[][]): Map<string, Resource['referenced_by']> | null {
  const keys = new Set<string>();
  let count = 0;
  for (const list of keyLists) for (const k of list) (keys.add(k), count++);
  if (keys.size !== count) return null;
  const links = new Map<string, Resource['referenced_by']>();
  for (let s = 0; s < drafts.length; s++) {
    const sd = drafts[s];
    for (let i = 0; i < sd.resources.length; i++) {
      const d = sd.resources[i];
      const key = keyLists[s][i];
      for (const attribute of Object.keys(d.references)) {
        for (const t of d.references[attribute]) {
          const target = `${sd.name}/${t}`;
          if (!keys.has(target)) continue;
          let into = links.get(target);
          if (!into) links.set(target, (into = []));
          into.push({ key, type: d.type, attribute });
        }
      }
    }
  }
  return links;
}

/** The keys of each mode's resources by type (policy-input.schema.json `by_mode`), in the order given. */
export function byModeOf(resources: readonly Resource[]): PolicyInput['by_mode'] {
  const index: PolicyInput['by_mode'] = { managed: {}, data: {} };
  for (const r of resources) (index[r.mode][r.type] ??= []).push(r.key);
  return index;
}

export interface NormalizeOptions {
  /** Check the result against its schema (else the caller does). */
  validate?: boolean;
  /** Where each resource goes as soon as it is complete. */
  sink?: ResourceSink;
  /**
   * Where the policy reads secret candidates (its manifest's `secret_paths`): resources are
   * scanned at the attributes these paths start with alone. Null: at every attribute.
   */
  secretPaths?: SecretPaths | null;
  /**
   * Given, a line is added for each value the input cannot show a rule that reads it (what each
   * source's draft lists: StackDraft.notChecked), and for each value at a scanned path the
   * secret scan could not read (secrets.ts hiddenPaths; only with `secretPaths`): check()
   * reports them as not checked.
   */
  notChecked?: string[];
  /**
   * Given, filled with the hidden paths check() must not refuse the input for
   * (refuseUnverified), by resource key: those the secret-scan lines name (the report says they
   * were not checked), and credentials Terraform hides by design (a MemoryDB user's passwords:
   * they are read where the configuration writes a literal, and no rule reads their values).
   */
  excused?: Map<string, Set<string>>;
  /**
   * Whether some rule reads a type's attribute (the policy's manifest): given (with
   * `notChecked`), an unlinked attribute one reads gets a not-checked line, since rules take it
   * as set without seeing its value.
   */
  reads?: (type: string, path: string) => boolean;
}

/**
 * The literal values a plan's configuration wrote (Draft.written, expressions), at the
 * attributes in `only` (null: all): built only where the secret scan looks, not for every
 * block of every resource (most types are scanned at their tags alone).
 */
function writtenAt(exprs: Json | undefined, only: ReadonlySet<string> | null): unknown {
  if (exprs === undefined) return undefined;
  if (only === null) return literalTree(exprs);
  // In the expressions' own order (candidates come in the order of the tree's keys).
  const out: Json = {};
  for (const k of Object.keys(exprs)) {
    if (!only.has(k)) continue;
    const v = literalTree(exprs[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** The top-level attributes to scan for secret candidates, by resource type. */
function scannedPaths(paths: SecretPaths): (type: string) => readonly string[] {
  const byType = new Map<string, readonly string[]>();
  return (type) => {
    let list = byType.get(type);
    if (!list) {
      // Not the credentials: read only where written as a literal, never otherwise (hiddenPaths has nothing to say of them).
      const creds = paths.credentials && Object.hasOwn(paths.credentials, type) ? paths.credentials[type] : [];
      byType.set(type, (list = [...paths.everywhere, ...(Object.hasOwn(paths.by_type, type) ? paths.by_type[type].filter((p) => !creds.includes(p)) : [])]));
    }
    return list;
  };
}

/** The credential paths of a type (SecretPaths.credentials). */
function credentialPaths(paths: SecretPaths): (type: string) => readonly string[] {
  return (type) => (paths.credentials && Object.hasOwn(paths.credentials, type) ? paths.credentials[type] : []);
}

const excuse = (excused: Map<string, Set<string>>, key: string, path: string): void => {
  let paths = excused.get(key);
  if (!paths) excused.set(key, (paths = new Set()));
  paths.add(path);
};

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`);

/**
 * Secret candidates of the credentials a configuration writes as literals: a plan's (its
 * configuration's constants: the values are hidden), a CDKTF config's (its values are what was
 * written; a variable is a `${…}` the scan skips), an HCL folder's where the attribute's
 * expression names nothing outside the code (module-refs.ts writtenInCode). A state holds no
 * configuration. `unread`: a plan's credentials hidden and built from what a plan does not
 * hold (a local value, each.value, a module output), which may be a literal in the code.
 */
function writtenCredentials(d: Draft, format: string, creds: readonly string[]): { candidates: SecretCandidate[]; unread: string[]; shown: string[] } {
  const candidates: SecretCandidate[] = [];
  const unread: string[] = [];
  const shown: string[] = [];
  for (const path of creds) {
    const segs = path.split('.');
    const first = new Set([segs[0]]);
    let tree: unknown;
    if (format === 'plan') tree = writtenAt(d.written, first);
    else if (format === 'cdktf-out' || format === 'cdktf-json') tree = d.values;
    // HCL: a value hidden by a sensitive module variable is read where the code writes it (from-hcl.ts).
    else if (format === 'hcl') {
      // A literal the code writes (from-hcl.ts Draft.written) is read whatever else the expression names.
      const hidden = d.written ? picked(literalTree(d.written), segs) : {};
      if (Object.keys(hidden).length > 0) tree = hidden;
      else if (!(d.referencing ?? []).some((r) => under(r, path) || under(path, r))) tree = d.values;
    }
    const found = isJson(tree) ? credentialCandidates(tree, path) : [];
    candidates.push(...found);
    // A write-only argument the configuration sets is hidden however it is written.
    const hidden = format === 'plan' && found.length === 0 && (d.sensitive.some((p) => under(path, p)) || (isWriteOnly(path) && writes(d.written, segs)));
    const refs = hidden && !d.readInSource?.some((p) => under(path, p)) ? referencesAt(d.written, segs) : [];
    // Named through what a plan does not hold, or written where its configuration shows nothing (a dynamic block).
    // Or built from constants alone (`file("${path.module}/pw.txt")`): the folder reads it.
    if (builtOutOfPlan(refs)) unread.push(path);
    // A credential the provider does not mark sensitive (a Splunk HEC token) is in the plan's
    // values; built from what the plan's configuration does not hold (a local map for_each'd
    // into the resource, a dynamic block), whether the code wrote it is open there too.
    else if (format === 'plan' && found.length === 0 && !hidden && !d.readInSource?.some((p) => under(path, p)) && valueShown(d.values, segs)) {
      const named = referencesAt(d.written, segs);
      if (named === null ? writes(d.written, segs.slice(0, 1)) : builtOutOfPlan(named)) shown.push(path);
    }
  }
  return { candidates, unread, shown };
}

/** A non-empty string at `segs` (through lists of blocks). */
function valueShown(values: unknown, segs: readonly string[], i = 0): boolean {
  if (Array.isArray(values)) return values.some((v) => valueShown(v, segs, i));
  if (i === segs.length) return typeof values === 'string' && values !== '';
  return isJson(values) && valueShown(values[segs[i]], segs, i + 1);
}

// What a plan's configuration names but does not hold the value of.
const UNHELD = /^(local\.|each\.value\b|module\.)/;

/** An expression's references (null: none held, a dynamic block) name what a plan does not hold, or only constants a function puts together. */
const builtOutOfPlan = (refs: readonly string[] | null): boolean => refs === null || refs.some((r) => UNHELD.test(r)) || (refs.length > 0 && refs.every((r) => CODE_KNOWN.test(r)));

/**
 * The references of the expressions at `segs` of a configuration's expressions (through
 * blocks); null where it holds no expression there (a `dynamic` block: a plan leaves it out).
 */
function referencesAt(exprs: unknown, segs: readonly string[], i = 0): string[] | null {
  if (Array.isArray(exprs)) {
    const found = exprs.map((e) => referencesAt(e, segs, i)).filter((r): r is string[] => r !== null);
    return found.length === 0 ? null : found.flat();
  }
  if (!isJson(exprs)) return null;
  if (Array.isArray(exprs.references) || 'constant_value' in exprs) return i === segs.length ? (Array.isArray(exprs.references) ? exprs.references.map(String) : []) : null;
  return i < segs.length && Object.hasOwn(exprs, segs[i]) ? referencesAt(exprs[segs[i]], segs, i + 1) : null;
}

/** Paths (dotted) and values as a tree the secret scan walks: `environment.variables` → `{environment: {variables: …}}`. */
function viewTree(views: Record<string, unknown>): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const [p, v] of Object.entries(views)) {
    const segs = p.split('.');
    let node = tree;
    for (const s of segs.slice(0, -1)) node = (isJson(node[s]) ? node[s] : (node[s] = {})) as Record<string, unknown>;
    node[segs[segs.length - 1]] = v;
  }
  return tree;
}

/** The not-checked line for documents the secret scan could not read before apply. */
export const unseenDocumentLine = (address: string, paths: string[], file: string, format: string): string =>
  `${address} ${paths.join(', ')} (${file}): written with a value only apply knows, so the text as a whole is unknown before apply and the secret scan could not read what the code writes in it` +
  (format === 'plan' ? ' (beside the folder it was made from, or with --source-dir, the plan reads it there)' : '');

/** Whether a configuration's expressions hold one at `segs` (`{}` for a function call: it has no references and no constant). */
function writes(exprs: unknown, segs: readonly string[], i = 0): boolean {
  if (i === segs.length) return exprs !== undefined;
  if (Array.isArray(exprs)) return exprs.some((e) => writes(e, segs, i));
  return isJson(exprs) && Object.hasOwn(exprs, segs[i]) && writes(exprs[segs[i]], segs, i + 1);
}

/** The not-checked line for credentials a plan shows but builds from what it does not hold (writtenCredentials `shown`). */
export const shownCredentialLine = (address: string, paths: string[], file: string): string =>
  `${address} ${paths.join(', ')} (${file}): a credential the plan shows, built from a local value, each.value, a module output or a dynamic block the plan does not hold, ` +
  'so whether the code writes it as a literal was not checked (the folder checked as HCL shows it)';

/** The not-checked line for credentials writtenCredentials() could not read in a plan. */
export const unreadCredentialLine = (address: string, paths: string[], file: string): string =>
  `${address} ${paths.join(', ')} (${file}): a credential the plan hides, built from a local value, each.value, a module output, a dynamic block, a module argument the plan does not hold or constants a function puts together (jsonencode, file), ` +
  'so whether the code writes it as a literal was not checked (beside the folder it was made from, or with --source-dir, the plan reads it there)';

/** The tree with only what lies at `segs` (through lists of blocks). */
function picked(v: unknown, segs: readonly string[]): Json {
  const at = (x: unknown, i: number): unknown => {
    if (i === segs.length) return x;
    if (Array.isArray(x)) return x.map((e) => at(e, i));
    return isJson(x) && Object.hasOwn(x, segs[i]) ? { [segs[i]]: at(x[segs[i]], i + 1) } : undefined;
  };
  const out = at(v, 0);
  return isJson(out) ? out : {};
}

function scannedAttributes(paths: SecretPaths): (type: string) => ReadonlySet<string> {
  const first = (path: string): string => path.split('.')[0];
  const byType = new Map<string, ReadonlySet<string>>();
  return (type) => {
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set([...paths.everywhere, ...(Object.hasOwn(paths.by_type, type) ? paths.by_type[type] : [])].map(first))));
    return set;
  };
}


/**
 * Every source becomes one document: keyed resources, type index, reverse links, regions in use.
 * `validate: false` leaves checking it against its schema to the caller (check() does it while
 * the policy evaluates).
 */
/**
 * The not-checked line for attributes set from what the input cannot follow to a resource (a
 * local value in a plan read without its folder): rules read them as set (by reference), never
 * by their value, which may be null and leave the provider's default in place.
 */
export function unlinkedLine(address: string, paths: string[], file: string, advice?: string): string {
  const [it, its] = paths.length > 1 ? ['them', 'their'] : ['it', 'its'];
  return (
    `${address} ${paths.join(', ')} (${file}): from a value not known here (a variable without a value, a local value, each.value or a module output not resolved), ` +
    `so rules take ${it} as set without seeing ${its} value (a null one would leave the provider's default)` +
    (advice ? `; ${advice}` : '')
  );
}

export function normalize(docs: LoadedDocument[], { validate = true, sink, secretPaths = null, notChecked, excused, reads }: NormalizeOptions = {}): PolicyInput {
  const drafts = docs.map(draftOf);
  const scanned = secretPaths ? scannedAttributes(secretPaths) : null;
  const paths = secretPaths ? scannedPaths(secretPaths) : null;
  const credentials = secretPaths ? credentialPaths(secretPaths) : null;
  // Each resource goes to the sink as soon as it is complete, its referenced_by included: the
  // links into it are known from the drafts before any is built. Where a key repeats (the later
  // resource replaces the earlier), the resources go once all are built.
  // Each key built once (`stack/address`): the same strings are looked up below, their hashes already computed.
  const keyLists = drafts.map((sd) => sd.resources.map((d) => `${sd.name}/${d.address}`));
  const incoming = sink ? linksInto(drafts, keyLists) : null;
  sink?.expect(drafts.reduce((n, sd) => n + sd.resources.length, 0));
  const resources: Record<string, Resource> = {};
  // The same in insertion order, which is Object.values' order while no key repeats (keys hold
  // a `/`, so none is an array index): collecting a large object's values sorts its entries.
  const built: Resource[] = [];
  let repeated = false;
  const stacks: Record<string, Stack> = {};
  const byType: Record<string, string[]> = {};
  const regions: Record<string, Set<string>> = {};

  for (let s = 0; s < drafts.length; s++) {
    const sd = drafts[s];
    stacks[sd.name] = { name: sd.name, format: sd.format, source: sd.source, providers: sd.providers };
    if (notChecked && sd.notChecked) notChecked.push(...sd.notChecked);
    // Built when an Azure location refers to another resource (the same drafts, coerced or not).
    let addresses: Map<string, Draft> | undefined;
    const byAddress = (): Map<string, Draft> => (addresses ??= new Map(sd.resources.map((d) => [d.address, d])));
    // Every source, the evaluator's output included; only CDKTF configs hold `${…}` expressions.
    const expressions = sd.format === 'cdktf-out' || sd.format === 'cdktf-json';
    for (let i = 0; i < sd.resources.length; i++) {
      if (sd.format === 'hcl') hoistSensitive(sd.resources[i]);
      coerceDraft(sd.resources[i], expressions);
    }
    for (let i = 0; i < sd.resources.length; i++) {
      const d = sd.resources[i];
      const key = keyLists[s][i];
      const provider = sd.providers[d.provider];
      const region = regionOf(d, provider, byAddress, sd.providers);
      const cloud = cloudOf(d.type);
      const references: Record<string, string[]> = {};
      const attrs = Object.keys(d.references);
      for (let j = 0; j < attrs.length; j++) references[attrs[j]] = d.references[attrs[j]].map((t) => `${sd.name}/${t}`);
      // Built property by property in this order (the key order of the input the policy
      // reads): optional fields added where they belong, without spreading a literal.
      const resource = {
        key,
        address: d.address,
        stack: sd.name,
        mode: d.mode,
        type: d.type,
        name: d.name,
        module: d.module,
        index: d.index,
        cloud,
        provider: d.provider,
        region,
        values: d.values,
        unknown: d.unknown,
      } as Resource;
      if (d.unreadable) resource.unreadable = d.unreadable;
      resource.sensitive = d.sensitive;
      resource.tags = tagsOf(d, provider);
      resource.references = references;
      if (d.unlinked) {
        const unlinked = d.unlinked.filter((p) => unknownAt(d.unknown, p));
        if (unlinked.length > 0) resource.unlinked = unlinked;
        // An address list unknown as a whole has its own line (from-plan wholeAddressLists).
        const read = notChecked && reads ? unlinked.filter((p) => reads(d.type, p) && !ADDRESS_LIST.test(p.slice(p.lastIndexOf('.') + 1))) : [];
        if (read.length > 0) notChecked!.push(unlinkedLine(d.address, read, d.origin.file, sd.unlinkedAdvice));
      }
      resource.referenced_by = incoming?.get(key) ?? [];
      resource.action = d.action;
      resource.origin = d.origin;
      if (d.waivers) resource.waivers = d.waivers;
      if (d.mode === 'managed') {
        const only = scanned?.(d.type);
        // What the code writes where only apply knows the whole (Draft.secretViews) is scanned too.
        const views = d.secretViews ? viewTree(d.secretViews) : {};
        let secrets = only ? secretCandidatesAt(only, d.values, writtenAt(d.written, only), views) : secretCandidates(d.values, writtenAt(d.written, null), views);
        const creds = credentials?.(d.type);
        if (creds && creds.length > 0) {
          const { candidates, unread, shown } = writtenCredentials(d, sd.format, creds);
          secrets = [...secrets.filter((c) => !creds.some((p) => under(c.path, p))), ...candidates];
          if (notChecked && unread.length > 0) notChecked.push(unreadCredentialLine(d.address, unread, d.origin.file));
          if (notChecked && shown.length > 0) notChecked.push(shownCredentialLine(d.address, shown, d.origin.file));
          for (const p of d.unreadable ?? []) if (excused && d.sensitive.includes(p) && creds.some((c) => under(p, c) || under(c, p))) excuse(excused, key, p);
        }
        if (secrets.length > 0) resource.secrets = secrets;
        // A document the scan reads (a container definition, an environment, user_data) that the
        // code writes with a value only apply knows, whose text the input cannot show.
        if (notChecked && paths) {
          // Unknown as a whole, or (a plan: it marks a map unknown whole, where HCL knows its other entries) in a part.
          // Documents only (not the tags every resource has): a credential has its own line (writtenCredentials).
          const whole = (p: string): boolean => d.unknown.some((u) => under(p, u) || (sd.format === 'plan' && under(u, p)));
          const unseen = paths(d.type).filter((p) => !secretPaths!.everywhere.includes(p) && whole(p) && !Object.keys(d.secretViews ?? {}).some((v) => under(p, v) || under(v, p)) && configuredAt(d, p));
          if (unseen.length > 0) notChecked.push(unseenDocumentLine(d.address, unseen, d.origin.file, sd.format));
        }
        // What it could not read is not checked (rare: only where Terraform marks something sensitive).
        // What it read from the code's constants was checked there, as unscanned paths are listed: neither refuses the input.
        if (notChecked && paths && d.sensitive.length > 0) {
          const { unscanned, fromCode } = hiddenPaths(d, paths(d.type));
          for (const p of unscanned) {
            notChecked.push(unscannedLine(d.address, p, d.origin.file));
            if (excused) excuse(excused, key, p);
          }
          if (excused) for (const p of fromCode) excuse(excused, key, p);
        }
      }
      // A policy document whose rendered JSON is known is read from it (resources.rego
      // document_known): what Terraform hides among its arguments (principals from a sensitive
      // variable) is in the JSON, which the provider does not mark.
      if (excused && d.mode === 'data' && d.type === 'aws_iam_policy_document' && typeof d.values.json === 'string' && !unknownAt(d.unknown, 'json')) {
        for (const p of d.unreadable ?? []) if (d.sensitive.includes(p)) excuse(excused, key, p);
      }
      // Where linksInto() answered, every key is known to be there once.
      if (!incoming && resources[key] !== undefined) repeated = true;
      resources[key] = resource;
      built.push(resource);
      if (incoming) sink!.add(resource);
      (byType[d.type] ??= []).push(key);
      if (d.mode === 'managed' && cloud !== 'other' && d.action !== 'delete') {
        if (region) (regions[cloud] ??= new Set()).add(region);
        // Copies of its data in other regions (a table's replicas) are in use there too.
        for (const copy of copyRegions(resource)) if (copy !== UNKNOWN_REGION) (regions[cloud] ??= new Set()).add(copy);
      }
    }
  }
  if (!incoming) {
    for (const r of repeated ? Object.values(resources) : built) {
      for (const attribute of Object.keys(r.references)) {
        for (const t of r.references[attribute]) resources[t]?.referenced_by.push({ key: r.key, type: r.type, attribute });
      }
    }
    if (sink) for (const r of Object.values(resources)) sink.add(r);
  }
  // The resources the input keeps (where a key repeats, the later one).
  const kept = repeated ? Object.values(resources) : built;
  const input: PolicyInput = {
    schema_version: '1',
    sources: drafts.map((d) => ({ path: d.source, format: d.format, ...(d.terraformVersion ? { terraform_version: d.terraformVersion } : {}) })),
    stacks,
    resources,
    by_type: byType,
    by_mode: byModeOf(kept),
    regions: Object.fromEntries(Object.entries(regions).map(([c, s]) => [c, [...s].sort()])),
    scopes: scopesOf(kept),
    with_secrets: kept.filter((r) => r.secrets !== undefined).map((r) => r.key),
  };
  forgetScannedStrings();
  if (validate) assertValid('policy-input', input);
  return input;
}
