// Many Terraform folders planned at once: each becomes a module of one root, so one
// `terraform init` and one `plan` (with one provider process per distinct provider block,
// not per folder) serve them all; the plan is then cut back into one plan per folder, as if
// each folder had been planned as a root of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDir } from './cli';
import { startSts } from './sts';

export interface PlanCase {
  /** Module name in the combined root (letters, digits, `-`, `_`). */
  id: string;
  dir: string;
}

type Json = Record<string, unknown>;

// fmt-clean top-level blocks: the header at column 0, the closing brace at column 0.
const TOP_BLOCK = (header: string): RegExp => new RegExp(`^${header} \\{\\n[\\s\\S]*?^\\}\\n?`, 'gm');
const PROVIDER = TOP_BLOCK('provider "aws"');
const TERRAFORM = TOP_BLOCK('terraform');
const ALIAS = /^\s*alias\s*=\s*"([^"]+)"\s*$/m;
const VARS_FILE = /^(terraform\.tfvars|.*\.auto\.tfvars)$/;

const OFFLINE = [
  '  skip_credentials_validation = true',
  '  skip_requesting_account_id  = true',
  '  skip_metadata_api_check     = true',
  '  skip_region_validation      = true',
].join('\n');

function rcFile(dir: string, mirror: string): string {
  const rc = join(dir, 'terraformrc');
  const cache = join(tmpdir(), 'leakguard-tf-plugin-cache');
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    rc,
    `plugin_cache_dir = "${cache}"\nprovider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
  );
  return rc;
}

/**
 * Writes the combined root: each case copied to m/<id>/ without its provider and terraform
 * blocks; every distinct provider block becomes one aliased root provider passed in with
 * `providers = {…}`; root-module variable files (terraform.tfvars, *.auto.tfvars) become
 * the module's arguments, as they would be the root's variable values.
 */
function writeRoot(root: string, cases: PlanCase[]): Map<string, Record<string, string>> {
  const distinct = new Map<string, string>();
  const mappings = new Map<string, Record<string, string>>();
  const calls: string[] = [];
  for (const c of cases) {
    const into = join(root, 'm', c.id);
    cpSync(c.dir, into, { recursive: true });
    const mapping: Record<string, string> = {};
    let args = '';
    for (const name of readdirSync(into).sort()) {
      const file = join(into, name);
      if (!statSync(file).isFile()) continue;
      if (VARS_FILE.test(name)) {
        args += readFileSync(file, 'utf8');
        continue;
      }
      if (!name.endsWith('.tf')) continue;
      let text = readFileSync(file, 'utf8');
      for (const block of text.match(PROVIDER) ?? []) {
        const alias = ALIAS.exec(block)?.[1];
        const body = block.replace(ALIAS, '').replace(/^provider "aws" \{\n/, '').replace(/\}\n?$/, '').replace(/^\s*\n/gm, '');
        if (!distinct.has(body)) distinct.set(body, `p${distinct.size}`);
        mapping[alias ? `aws.${alias}` : 'aws'] = `aws.${distinct.get(body)}`;
      }
      text = text.replace(PROVIDER, '').replace(TERRAFORM, '');
      writeFileSync(file, text);
    }
    const aliases = Object.keys(mapping).filter((k) => k !== 'aws');
    writeFileSync(
      join(into, 'zz_providers.tf'),
      `terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n${aliases.length ? `      configuration_aliases = [${aliases.join(', ')}]\n` : ''}    }\n  }\n}\n`,
    );
    mappings.set(c.id, mapping);
    const providers = Object.entries(mapping).map(([k, v]) => `    ${k} = ${v}`);
    calls.push(`module "${c.id}" {\n  source = "./m/${c.id}"\n${providers.length ? `  providers = {\n${providers.join('\n')}\n  }\n` : ''}${args}}\n`);
  }
  const providers = [...distinct].map(([body, alias]) => `provider "aws" {\n  alias = "${alias}"\n${body}${OFFLINE}\n}\n`);
  writeFileSync(join(root, 'main.tf'), [`terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "5.100.0"\n    }\n  }\n}\n`, ...providers, ...calls].join('\n'));
  return mappings;
}

const stripPrefix = (prefix: string) => (address: string): string => (address.startsWith(prefix) ? address.slice(prefix.length) : address);

function rebase(module: Json, strip: (a: string) => string): Json {
  const out: Json = { ...module };
  delete out.address;
  out.resources = ((module.resources as Json[] | undefined) ?? []).map((r) => ({ ...r, address: strip(String(r.address)) }));
  out.child_modules = ((module.child_modules as Json[] | undefined) ?? []).map((c) => ({ ...rebase(c, strip), address: strip(String(c.address)) }));
  return out;
}

/** The part of a combined plan that belongs to one case, shaped as that case's own plan. */
function planOf(plan: Json, id: string, mapping: Record<string, string>): Json {
  const prefix = `module.${id}.`;
  const strip = stripPrefix(prefix);
  const planned = (plan.planned_values as Json).root_module as Json;
  const mine = ((planned.child_modules as Json[] | undefined) ?? []).find((c) => c.address === `module.${id}`) ?? { resources: [] };
  const changes = ((plan.resource_changes as Json[] | undefined) ?? [])
    .filter((c) => String(c.address).startsWith(prefix))
    .map((c) => {
      const out: Json = { ...c, address: strip(String(c.address)) };
      if (c.module_address === `module.${id}`) delete out.module_address;
      else if (typeof c.module_address === 'string') out.module_address = strip(c.module_address);
      return out;
    });
  const config = plan.configuration as Json;
  const rootConfig = config.root_module as Json;
  const call = ((rootConfig.module_calls as Json)[id] as Json | undefined) ?? {};
  const providerConfig: Json = {};
  const all = config.provider_config as Record<string, Json>;
  for (const [local, rootKey] of Object.entries(mapping)) {
    const p = all[rootKey];
    if (!p) continue;
    const alias = local.includes('.') ? local.split('.')[1] : undefined;
    const { alias: _dropped, ...rest } = p;
    void _dropped;
    providerConfig[local] = { ...rest, ...(alias ? { alias } : {}) };
  }
  // Provider blocks of the case's own child modules (`module.<id>.module.x:aws` → `module.x:aws`).
  for (const [key, p] of Object.entries(all)) if (key.startsWith(prefix)) providerConfig[strip(key)] = { ...p, module_address: strip(String(p.module_address)) };
  const rename = (key: unknown): string => {
    const k = String(key);
    const local = Object.entries(mapping).find(([, v]) => v === k)?.[0];
    if (local) return local;
    return k.startsWith(prefix) ? strip(k) : k.replace(/^module\.[^:]+:/, '');
  };
  const relocate = (module: Json): Json => ({
    ...module,
    resources: ((module.resources as Json[] | undefined) ?? []).map((r) => ({ ...r, provider_config_key: rename(r.provider_config_key) })),
    module_calls: Object.fromEntries(Object.entries((module.module_calls as Record<string, Json> | undefined) ?? {}).map(([k, v]) => [k, { ...v, module: relocate((v.module as Json) ?? {}) }])),
  });
  // The data sources read while planning (prior_state holds them): the case's own, rebased too.
  const prior = plan.prior_state as Json | undefined;
  const priorRoot = ((prior?.values as Json | undefined)?.root_module as Json | undefined) ?? {};
  const priorMine = ((priorRoot.child_modules as Json[] | undefined) ?? []).find((c) => c.address === `module.${id}`) ?? { resources: [] };
  return {
    ...plan,
    ...(prior ? { prior_state: { ...prior, values: { ...(prior.values as Json), root_module: rebase(priorMine, strip) } } } : {}),
    planned_values: { root_module: rebase(mine, strip) },
    resource_changes: changes,
    configuration: { provider_config: providerConfig, root_module: relocate((call.module as Json) ?? {}) },
    variables: rootVariables(call),
  };
}

/**
 * The values the case's root variables have, as its own plan lists them: what the combined
 * root passes its module (the case's tfvars, written as constants), else the default.
 */
function rootVariables(call: Json): Json {
  const declared = (((call.module as Json | undefined)?.variables as Record<string, Json> | undefined) ?? {});
  const args = (call.expressions as Record<string, Json> | undefined) ?? {};
  const out: Json = {};
  for (const [name, v] of Object.entries(declared)) {
    if (args[name] && 'constant_value' in args[name]) out[name] = { value: args[name].constant_value };
    else if ('default' in v) out[name] = { value: v.default };
  }
  return out;
}

/** Plans every case together offline; returns case id → path of its own plan JSON. */
export function planCases(cases: PlanCase[], mirror: string): Map<string, string> {
  const root = tempDir('leakguard-tf-cases-');
  const mappings = writeRoot(root, cases);
  const sts = startSts();
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: rcFile(root, mirror),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-offline-plan',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_SFN: sts.url,
  };
  const tf = (...args: string[]) => execFileSync('terraform', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  let plan: Json;
  try {
    tf('init', '-input=false', '-no-color');
    tf('plan', '-input=false', '-lock=false', '-refresh=false', '-no-color', '-parallelism=20', '-out=plan.bin');
    plan = JSON.parse(tf('show', '-json', 'plan.bin')) as Json;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`terraform failed in ${root}: ${(e.stderr || e.stdout || e.message).slice(0, 3000)}`);
  } finally {
    sts.stop();
  }
  const out = new Map<string, string>();
  for (const c of cases) {
    const file = join(root, 'plans', `${c.id}.json`);
    mkdirSync(join(root, 'plans'), { recursive: true });
    writeFileSync(file, JSON.stringify(planOf(plan, c.id, mappings.get(c.id) ?? {})));
    out.set(c.id, file);
  }
  return out;
}
