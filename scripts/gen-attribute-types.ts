// Generates src/normalize/attribute-types.json: the declared type of every attribute the Rego
// rules read, from the provider schemas, so normalize can coerce values as Terraform would.
//   npm run gen:attribute-types            regenerate (needs terraform and the offline AWS mirror)
//   node dist/scripts/gen-attribute-types.js --check   fail unless the committed map was generated
//                                           for exactly the resource types and attribute names
//                                           the rules read now (none missing, none left over)
// AWS: `terraform providers schema -json` of hashicorp/aws (offline filesystem mirror).
// Azure: no provider binary offline; @cdktf/provider-azurerm is generated from the azurerm
// schema, and each class's toHclTerraform lists every configurable attribute with its storage
// type (boolean, number, string, stringList, stringMap …) and its nested blocks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const OUT = 'src/normalize/attribute-types.json';
const AWS_VERSION = '5.100.0';
const AZURE_PACKAGE = '@cdktf/provider-azurerm';

/** A Terraform type expression (`"bool"`, `["list","string"]`, `["object",{…}]`) or a nested block. */
type TypeExpr = string | [string, unknown];
type Entry = TypeExpr | { block: string };
export interface AttributeTypes {
  sources: Record<string, string>;
  /** What the rules read when the map was generated: resource types and attribute names. */
  scanned: { types: string[]; names: string[] };
  /** `type` or `data.type` → dotted attribute path → declared type. */
  types: Record<string, Record<string, Entry>>;
  /** Names that look like resource types but that neither schema declares: resources removed
   * from the provider (azurerm 4 dropped azurerm_sql_*; older plans still hold them) or
   * setting names. Their top-level attributes take the one type every resource of the same
   * provider gives that name (`start_ip_address`: string everywhere); a name the provider
   * types differently in different resources is read as it is. */
  undeclared: string[];
  /**
   * AWS resource type → the top-level attributes the rules read that the provider computes
   * (`computed` in its schema; tags_all aside, which it plans from the tags): left unset,
   * a plan shows them unknown until apply. provider-defaults.ts marks them so for a type
   * the learned table (provider-defaults.json) has no entry for.
   */
  computed: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------
// What the rules read.

function regoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return regoFiles(p);
    return e.name.endsWith('.rego') && !e.name.endsWith('_test.rego') ? [p] : [];
  });
}

const TYPE = /^(aws|azurerm)_[a-z0-9_]+$/;
const NORMALIZE_READS = ['arn', 'location', 'region', 'tags', 'tags_all'];
const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Resource types the rules name and attribute names they read. Paths are built at run time
 * (`values_at(r, concat(".", [prefix, attr]))`, `object.get(b, "effect", …)`), so a static
 * list of paths cannot be complete; every name in a string literal or after a `.` counts, and
 * every schema path ending in one of them is mapped (a superset of what is read).
 */
export function scanRules(policies = join(root, 'policies')): { types: string[]; names: string[] } {
  const types = new Set<string>();
  const names = new Set<string>();
  for (const file of [...regoFiles(join(policies, 'rules')), ...regoFiles(join(policies, 'lib'))]) {
    // METADATA comments hold example HCL: not what the rule reads.
    const code = readFileSync(file, 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    for (const m of code.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`/g)) {
      const s = m[1] ?? m[2];
      if (TYPE.test(s)) types.add(s);
      else for (const part of s.split('.')) if (NAME.test(part)) names.add(part);
    }
    const outsideStrings = code.replace(/"((?:[^"\\]|\\.)*)"|`[^`]*`/g, '""');
    for (const m of outsideStrings.matchAll(/\.([a-z_][a-z0-9_]*)/g)) names.add(m[1]);
  }
  // normalize reads these itself: the region (Azure `location`, AWS `region`, the ARN's) and tags.
  for (const n of NORMALIZE_READS) names.add(n);
  return { types: [...types].sort(), names: [...names].sort() };
}

// ---------------------------------------------------------------------------------------
// AWS: terraform providers schema -json.

export interface SchemaBlock {
  attributes?: Record<
    string,
    { type?: TypeExpr; computed?: boolean; optional?: boolean; required?: boolean; sensitive?: boolean; write_only?: boolean; nested_type?: { attributes: Record<string, { type?: TypeExpr }>; nesting_mode: string } }
  >;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>;
}

/** hashicorp/aws's resource and data source schemas (also test/conformance/hidden-sets.test.ts). */
export function awsSchemas(mirror = process.env.LEAKGUARD_TF_MIRROR ?? '/opt/tf-plugins'): { resources: Record<string, SchemaBlock>; data: Record<string, SchemaBlock> } {
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-schema-'));
  writeFileSync(join(dir, 'main.tf'), `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${AWS_VERSION}" }\n  }\n}\n`);
  writeFileSync(
    join(dir, 'terraformrc'),
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
  );
  const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const out = execFileSync('terraform', ['providers', 'schema', '-json'], { cwd: dir, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  const p = JSON.parse(out).provider_schemas['registry.terraform.io/hashicorp/aws'];
  const blocks = (s: Record<string, { block: SchemaBlock }>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.block]));
  return { resources: blocks(p.resource_schemas), data: blocks(p.data_source_schemas) };
}

function flattenSchema(block: SchemaBlock, prefix = '', out: Record<string, Entry> = {}): Record<string, Entry> {
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    const path = prefix + name;
    if (a.type !== undefined) out[path] = a.type;
    else if (a.nested_type) {
      out[path] = { block: a.nested_type.nesting_mode };
      flattenSchema({ attributes: a.nested_type.attributes }, `${path}.`, out);
    }
  }
  for (const [name, b] of Object.entries(block.block_types ?? {})) {
    out[prefix + name] = { block: b.nesting_mode };
    flattenSchema(b.block, `${prefix + name}.`, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Azure: the generated CDKTF classes.

const PRIMITIVE: Record<string, string> = { string: 'string', number: 'number', boolean: 'bool' };

/** `stringList` → ["list","string"], `booleanMap` → ["map","bool"], `string` → "string". */
function storageType(type: string, storage: string): TypeExpr | null {
  if (PRIMITIVE[storage]) return PRIMITIVE[storage];
  const m = /^(string|number|boolean)(List|Map)$/.exec(storage);
  if (!m) return null;
  const collection = m[2] === 'Map' ? 'map' : type === 'set' ? 'set' : 'list';
  return [collection, PRIMITIVE[m[1]]];
}

const ENTRY = /(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g;

function attrsSection(js: string, start: number): string {
  const from = js.indexOf('const attrs = {', start);
  const to = js.indexOf('// remove undefined attributes', from);
  return from < 0 || to < 0 ? '' : js.slice(from, to);
}

function flattenCdktf(js: string, section: string, prefix = '', out: Record<string, Entry> = {}): Record<string, Entry> {
  for (const [, name, value, isBlock, type, storage] of section.matchAll(ENTRY)) {
    const path = prefix + name;
    if (isBlock === 'false') {
      const t = storageType(type, storage);
      if (t) out[path] = t;
      continue;
    }
    out[path] = { block: type === 'struct' ? 'single' : type };
    const fn = [...value.matchAll(/([A-Za-z0-9]+)ToHclTerraform/g)].map((x) => x[1]).find((f) => !['string', 'number', 'boolean', 'cdktf'].includes(f));
    const at = fn ? js.indexOf(`function ${fn}ToHclTerraform(struct) {`) : -1;
    if (at >= 0) flattenCdktf(js, attrsSection(js, at), `${path}.`, out);
  }
  return out;
}

function azureSchemas(): { resources: Record<string, Record<string, Entry>>; data: Record<string, Record<string, Entry>> } {
  const lib = join(root, 'node_modules', AZURE_PACKAGE, 'lib');
  const resources: Record<string, Record<string, Entry>> = {};
  const data: Record<string, Record<string, Entry>> = {};
  for (const dir of readdirSync(lib)) {
    const file = join(lib, dir, 'index.js');
    if (!existsSync(file)) continue;
    const js = readFileSync(file, 'utf8');
    const m = /\.tfResourceType = "([\w-]+)";/.exec(js);
    if (!m) continue;
    const method = js.indexOf('synthesizeHclAttributes() {');
    if (method < 0) continue;
    (dir.startsWith('data-azurerm-') ? data : resources)[m[1]] = flattenCdktf(js, attrsSection(js, method));
  }
  return { resources, data };
}

// ---------------------------------------------------------------------------------------

/** Paths whose last segment a rule reads, with the blocks above them. */
function keepRead(all: Record<string, Entry>, names: Set<string>): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const [path, entry] of Object.entries(all)) {
    const segs = path.split('.');
    if (!names.has(segs[segs.length - 1])) continue;
    for (let i = 1; i < segs.length; i++) {
      const parent = segs.slice(0, i).join('.');
      out[parent] = all[parent];
    }
    out[path] = entry;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * For a resource type the schema no longer has: each attribute name the rules read, typed as
 * every resource of the provider declares it at the top level, when they all agree.
 */
function byName(schemas: Array<Record<string, Entry>>, names: Set<string>): Record<string, Entry> {
  const seen = new Map<string, Set<string>>();
  for (const table of schemas) {
    for (const [path, entry] of Object.entries(table)) {
      if (path.includes('.') || !names.has(path) || (typeof entry === 'object' && !Array.isArray(entry))) continue;
      seen.set(path, (seen.get(path) ?? new Set()).add(JSON.stringify(entry)));
    }
  }
  const out: Record<string, Entry> = {};
  for (const [name, types] of [...seen].sort(([a], [b]) => (a < b ? -1 : 1))) if (types.size === 1) out[name] = JSON.parse([...types][0]) as Entry;
  return out;
}

function generate(): AttributeTypes {
  const scanned = scanRules();
  const names = new Set(scanned.names);
  const aws = awsSchemas();
  const azure = azureSchemas();
  const types: AttributeTypes['types'] = {};
  const computed: AttributeTypes['computed'] = {};
  const unknown: string[] = [];
  for (const t of scanned.types) {
    const attrs = t.startsWith('aws_') ? aws.resources[t]?.attributes : undefined;
    const planned = Object.entries(attrs ?? {})
      .filter(([name, a]) => a.computed === true && names.has(name) && name !== 'tags_all')
      .map(([name]) => name)
      .sort();
    if (planned.length > 0) computed[t] = planned;
    const resource = t.startsWith('aws_') ? aws.resources[t] && flattenSchema(aws.resources[t]) : azure.resources[t];
    const data = t.startsWith('aws_') ? aws.data[t] && flattenSchema(aws.data[t]) : azure.data[t];
    if (!resource && !data) unknown.push(t);
    if (resource) types[t] = keepRead(resource, names);
    if (data) types[`data.${t}`] = keepRead(data, names);
  }
  const awsTables = Object.values(aws.resources).map((b) => flattenSchema(b));
  const azureTables = Object.values(azure.resources);
  for (const t of unknown) {
    const table = byName(t.startsWith('aws_') ? awsTables : azureTables, names);
    if (Object.keys(table).length > 0) types[t] = table;
  }
  if (unknown.length > 0) console.warn(`not declared by either schema (top-level attributes typed by name across the provider): ${unknown.join(', ')}`);
  const azureVersion = JSON.parse(readFileSync(join(root, 'node_modules', AZURE_PACKAGE, 'package.json'), 'utf8')).version;
  return {
    sources: { aws: `hashicorp/aws ${AWS_VERSION} (terraform providers schema -json)`, azurerm: `${AZURE_PACKAGE} ${azureVersion}` },
    scanned,
    types,
    undeclared: unknown,
    computed,
  };
}

function main(): void {
  const file = join(root, OUT);
  if (process.argv.includes('--check')) {
    const committed = JSON.parse(readFileSync(file, 'utf8')) as AttributeTypes;
    if (committed.computed === undefined) {
      console.error(`${OUT} was generated before it listed computed attributes: run \`npm run build && npm run gen:attribute-types\` and commit the result.`);
      process.exit(1);
    }
    const now = scanRules();
    const missing = [
      ...now.types.filter((t) => !committed.scanned.types.includes(t)).map((t) => `resource type ${t}`),
      ...now.names.filter((n) => !committed.scanned.names.includes(n)).map((n) => `attribute name ${n}`),
    ];
    // Left over: a map merged from two generations (a union) or kept after a rule stopped reading a name.
    const extra = [
      ...committed.scanned.types.filter((t) => !now.types.includes(t)).map((t) => `resource type ${t}`),
      ...committed.scanned.names.filter((n) => !now.names.includes(n)).map((n) => `attribute name ${n}`),
    ];
    if (missing.length > 0 || extra.length > 0) {
      const said = [missing.length > 0 ? `the rules read ${missing.join(', ')}, which it has no declared type for` : '', extra.length > 0 ? `it was generated for ${extra.join(', ')}, which no rule reads` : ''];
      console.error(`${OUT} is stale: ${said.filter(Boolean).join('; ')}.`);
      console.error('Run `npm run build && npm run gen:attribute-types` (terraform and the offline AWS provider mirror are needed) and commit the result.');
      process.exit(1);
    }
    return;
  }
  const map = generate();
  writeFileSync(file, JSON.stringify(map, null, 1) + '\n');
  const paths = Object.values(map.types).reduce((n, t) => n + Object.keys(t).length, 0);
  console.log(`wrote ${OUT}: ${Object.keys(map.types).length} resource types, ${paths} attribute paths`);
}

if (require.main === module) main();
