import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { settings } from '../settings';

/** Project root: the folder holding package.json, whether running from src/ (tests) or dist/. */
export function projectRoot(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new Error('cannot locate the Leakguard package root');
    dir = up;
  }
  return dir;
}

export const policyDir = (): string => join(projectRoot(), 'policies');
export const buildDir = (): string => settings.policyBuildDir() ?? join(projectRoot(), 'build', 'policy');

/** The pinned OPA: the project-local install unless LEAKGUARD_OPA points elsewhere. */
export const opaBinary = (): string => settings.opaBinary() ?? join(projectRoot(), '.tools', 'bin', 'opa');
