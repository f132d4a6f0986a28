import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { InputError } from '../../errors';
import { cdktfOutLoader } from '../../load/cdktf';
import type { LeakguardConfig } from '../../types/config';
import type { StackList } from '../../types/drift-estate';

const shown = (abs: string): string => relative(process.cwd(), abs) || '.';

/**
 * The estate's stacks, one CI job each: every stack of each cdktf.out manifest (its synthesized
 * folder), then the config's `drift.roots` (HCL root modules, relative to the config file). A
 * stack is named as `leakguard check` names it, so fingerprints match; names must be unique.
 */
export async function listStacks(cdktfOuts: string[], config: LeakguardConfig, configPath: string | null): Promise<StackList> {
  const out: StackList = [];
  for (const dir of cdktfOuts) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      throw new InputError(`${dir}: no such folder (a cdktf.out folder with manifest.json; run cdktf synth first)`);
    }
    if (!isDir || !cdktfOutLoader.detect(dir, true)) throw new InputError(`${dir}: not a cdktf.out folder (no manifest.json)`);
    for (const doc of await cdktfOutLoader.load(dir)) out.push({ stack: doc.stack, dir: shown(resolve(dirname(doc.file))), source: 'cdktf' });
  }
  const base = configPath ? dirname(resolve(configPath)) : process.cwd();
  for (const [i, root] of (config.drift?.roots ?? []).entries()) {
    const abs = resolve(base, root.dir);
    let ok = false;
    try {
      ok = statSync(abs).isDirectory();
    } catch {
      // reported below
    }
    if (!ok) throw new InputError(`${configPath}: /drift/roots/${i}: ${root.dir} is not a folder`);
    out.push({ stack: root.name ?? basename(abs), dir: shown(abs), source: 'hcl' });
  }
  if (out.length === 0) throw new InputError('no stacks: give cdktf.out folders, or list Terraform roots under drift.roots in the config');
  const seen = new Map<string, string>();
  for (const s of out) {
    const other = seen.get(s.stack);
    if (other !== undefined) throw new InputError(`stack "${s.stack}" twice (${other} and ${s.dir}); give each root its own name (drift.roots[].name)`);
    seen.set(s.stack, s.dir);
  }
  return out;
}
