import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors';
import { isObject, readText } from './read-file';
import type { LoadedDocument, PlanDocument, PlanSource } from './types';

type Locations = PlanSource['locations'];

const BLOCK = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"|^\s*provider\s+"([^"]+)"/;
const ALIAS = /^\s*alias\s*=\s*"([^"]+)"/;

/**
 * Line of each resource/data block (`type.name`) and provider block (`provider.name`, or
 * `provider.name.alias`) of one .tf file. Only the plan needs this scan: its values come
 * from Terraform, its lines from here. A provider block's alias is known only at its
 * closing brace (top-level blocks close at column 0).
 */
function locateBlocks(file: string, text: string, into: Locations): void {
  let provider: { name: string; line: number; alias?: string } | undefined;
  const closeProvider = (): void => {
    if (!provider) return;
    const key = provider.alias ? `provider.${provider.name}.${provider.alias}` : `provider.${provider.name}`;
    if (!into.has(key)) into.set(key, { file, line: provider.line });
    provider = undefined;
  };
  text.split('\n').forEach((line, i) => {
    const m = BLOCK.exec(line);
    if (m) {
      closeProvider();
      if (m[4]) {
        provider = { name: m[4], line: i + 1 };
        if (/\}\s*$/.test(line)) closeProvider();
        return;
      }
      const key = `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`;
      if (!into.has(key)) into.set(key, { file, line: i + 1 });
      return;
    }
    if (!provider) return;
    const alias = ALIAS.exec(line);
    if (alias) provider.alias = alias[1];
    if (line.startsWith('}')) closeProvider();
  });
  closeProvider();
}

function tfFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.tf')).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Module keys (`a`, `a.b`) → the folders `terraform init` installed them in (registry and git sources). */
function installedModules(root: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const doc: unknown = JSON.parse(readText(join(root, '.terraform', 'modules', 'modules.json')));
    const modules = isObject(doc) && Array.isArray(doc.Modules) ? doc.Modules : [];
    for (const m of modules) if (isObject(m) && typeof m.Key === 'string' && typeof m.Dir === 'string') out.set(m.Key, resolve(root, m.Dir));
  } catch {
    // Not initialised (or unreadable): only local module sources can be followed.
  }
  return out;
}

/**
 * Where each block of a module and of the modules it calls is, keyed as the plan declares
 * it (`module.a.module.b.aws_s3_bucket.x`, `module.a.provider.aws`). Calls are followed
 * through the plan's own configuration: local sources relative to the calling module,
 * others through .terraform/modules. True where some file writes a `dynamic` block.
 */
function locateModule(dir: string, module: unknown, prefix: string, key: string, installed: Map<string, string>, into: Locations): boolean {
  let dynamic = false;
  for (const file of tfFiles(dir)) {
    const local: Locations = new Map();
    // An empty .tf file is valid Terraform (a placeholder outputs.tf): nothing to locate in it.
    const text = readText(file, { allowEmpty: true });
    locateBlocks(file, text, local);
    dynamic ||= DYNAMIC.test(text);
    for (const [k, at] of local) into.set(prefix ? `${prefix}.${k}` : k, at);
  }
  const calls = isObject(module) && isObject(module.module_calls) ? module.module_calls : {};
  for (const [name, call] of Object.entries(calls)) {
    if (!isObject(call)) continue;
    const childKey = key ? `${key}.${name}` : name;
    const source = typeof call.source === 'string' ? call.source : '';
    const childDir = /^\.\.?[\\/]/.test(source) ? resolve(dir, source) : installed.get(childKey);
    if (childDir) dynamic = locateModule(childDir, call.module, `${prefix ? `${prefix}.` : ''}module.${name}`, childKey, installed, into) || dynamic;
  }
  return dynamic;
}

/** A `dynamic` block, whose blocks a plan's configuration leaves out (plan-source.ts reads them from the folder). */
const DYNAMIC = /^\s*dynamic\s+"/m;

/**
 * Gives each plan its source folder (--source-dir, else .tf files beside the plan): findings
 * are then located at `.tf` lines, and the stack is named after that folder, as the HCL
 * form of the same code is.
 */
export function attachSources(docs: LoadedDocument[], sourceDir?: string): void {
  const plans = docs.filter((d): d is PlanDocument => d.kind === 'plan');
  if (sourceDir !== undefined) {
    if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) throw new InputError(`--source-dir ${sourceDir}: no such folder`);
    if (tfFiles(sourceDir).length === 0) throw new InputError(`--source-dir ${sourceDir}: no .tf files in this folder`);
    if (plans.length !== 1) throw new InputError(`--source-dir is the folder one plan was made from, but the input holds ${plans.length} plans`);
  }
  for (const plan of plans) {
    const dir = sourceDir ?? (tfFiles(dirname(plan.file)).length > 0 ? dirname(plan.file) : undefined);
    if (!dir) continue;
    const root = resolve(dir);
    const config = isObject(plan.plan.configuration) ? plan.plan.configuration : {};
    const locations: Locations = new Map();
    plan.source = { root, locations, dynamic: locateModule(root, config.root_module, '', '', installedModules(root), locations) };
    plan.stack = basename(root);
  }
}
