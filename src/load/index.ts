import { statSync } from 'node:fs';
import { InputError } from '../errors';
import type { Format } from '../types/policy-input';
import { cdktfJsonLoader, cdktfOutLoader } from './cdktf';
import { hclLoader } from './hcl';
import { readSource } from './plan-source';
import { attachSources } from './source-dir';
import { readJson } from './read-file';
import { planLoader, stateLoader } from './terraform-json';
import type { LoadedDocument, LoadOptions, Loader } from './types';

/** Order matters for detection: the most specific shapes first. */
export const loaders: readonly Loader[] = [cdktfOutLoader, hclLoader, planLoader, stateLoader, cdktfJsonLoader];

export const formats: readonly Format[] = loaders.map((l) => l.format);

export function loaderFor(format: string): Loader {
  const loader = loaders.find((l) => l.format === format);
  if (!loader) throw new InputError(`unknown input format "${format}" (expected one of: ${formats.join(', ')})`);
  return loader;
}

/** Loads one path, detecting its format unless `format` forces one. */
export async function loadPath(path: string, format?: string, opts: LoadOptions = {}): Promise<LoadedDocument[]> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (format) return loaderFor(format).load(path, undefined, opts);
  if (isDir) {
    const loader = loaders.find((l) => l.detect(path, true));
    if (!loader) throw new InputError(`${path}: folder holds neither a cdktf.out manifest.json nor .tf / .tf.json files`);
    return loader.load(path, undefined, opts);
  }
  if (path.endsWith('.tf')) return hclLoader.load(path, undefined, opts);
  const json = readJson(path);
  const loader = loaders.find((l) => l.detect(path, false, json));
  if (!loader) {
    throw new InputError(`${path}: unrecognised JSON (not a terraform show -json plan or state, nor a cdk.tf.json / .tf.json config)`);
  }
  return loader.load(path, json);
}

export async function loadPaths(paths: string[], format?: string, opts: LoadOptions = {}): Promise<LoadedDocument[]> {
  const docs: LoadedDocument[] = [];
  for (const p of paths) docs.push(...(await loadPath(p, format, opts)));
  attachSources(docs, opts.sourceDir);
  for (const d of docs) {
    if (d.kind === 'plan' && d.source !== undefined) await readSource(d.plan, d.source);
  }
  if (opts.stackName !== undefined) nameStack(docs, opts.stackName);
  const seen = new Set<string>();
  for (const d of docs) {
    // Stacks are namespaces for resource keys; two inputs with one name would collide.
    if (seen.has(d.stack)) d.stack = `${d.stack}#${[...seen].filter((s) => s.startsWith(d.stack)).length + 1}`;
    seen.add(d.stack);
  }
  return docs;
}

/** --stack-name names one stack: an input of several (a cdktf.out app, several files) is ambiguous. */
export function nameStack(docs: LoadedDocument[], name: string): void {
  if (!/^[^/\s][^/]*$/.test(name)) throw new InputError(`--stack-name "${name}": a stack name is not empty and holds no "/"`);
  if (docs.length !== 1) {
    throw new InputError(`--stack-name names one stack, but the input holds ${docs.length} (${docs.map((d) => d.stack).join(', ')}); check them one at a time`);
  }
  docs[0].stack = name;
}
