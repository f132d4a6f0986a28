import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { evaluateFolder } from './hcl-evaluator';
import type { HclDocument, Loader } from './types';

/**
 * A folder of .tf and .tf.json files (or one .tf file), evaluated as `terraform plan` would evaluate it:
 * variables and tfvars, locals, functions, count/for_each, dynamic blocks, local modules.
 */
export const hclLoader: Loader = {
  format: 'hcl',
  detect: (path, isDir) => (isDir ? readdirSync(path).some((f) => f.endsWith('.tf') || f.endsWith('.tf.json')) : path.endsWith('.tf')),
  async load(path, _json, opts) {
    const single = path.endsWith('.tf');
    const dir = single ? dirname(path) : path;
    const evaluated = await evaluateFolder(dir, { file: single ? path : undefined, vars: opts?.vars, overlay: opts?.overlay });
    // Origins as the user named the folder, not as absolute paths.
    const base = resolve(dir);
    for (const r of evaluated.resources) r.file = join(dir, relative(base, r.file));
    for (const p of evaluated.providers) p.file = join(dir, relative(base, p.file));
    const doc: HclDocument = { kind: 'hcl', format: 'hcl', stack: basename(resolve(dir)), file: path, evaluated };
    return [doc];
  },
};
