import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../errors';
import type { ConfigUsed } from '../types/decision';
import { readJson, readText } from './read-file';

/** The names a config is discovered by, in order of preference within one folder. */
export const CONFIG_NAMES = ['leakguard.config.json', '.leakguard.json', 'leakguard.config.yaml', 'leakguard.config.yml', '.leakguard.yaml', '.leakguard.yml'] as const;

/** Which config a run used and how it was chosen (the decision's `config`); every report states it. */
export type ConfigChoice = ConfigUsed;

/**
 * The nearest config from `cwd` upwards, stopping at the repository root (the folder holding
 * `.git`) so a config outside the repository is never picked up. Two configs in one folder
 * are ambiguous: exit 2 rather than guessing.
 */
export function discoverConfig(cwd: string = process.cwd()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const found = CONFIG_NAMES.filter((n) => existsSync(join(dir, n)));
    if (found.length > 1) throw new InputError(`${dir}: ${found.join(' and ')} are both Leakguard configs; keep one`);
    if (found.length === 1) return join(dir, found[0]);
    const up = dirname(dir);
    if (existsSync(join(dir, '.git')) || up === dir) return undefined;
    dir = up;
  }
}

/**
 * `--config <file>` wins, `--no-config` (false) uses none, otherwise the discovered one.
 * Commander gives the option as a string, false (--no-config) or undefined.
 */
export function chooseConfig(option: string | boolean | undefined, cwd: string = process.cwd()): ConfigChoice {
  if (typeof option === 'string') return { file: option, origin: 'option' };
  if (option === false) return { file: null, origin: 'disabled' };
  const found = discoverConfig(cwd);
  if (!found) return { file: null, origin: 'none' };
  const rel = relative(cwd, found);
  return { file: rel.startsWith('..') || rel === '' ? found : rel, origin: 'discovered' };
}

/** A config file's content: YAML by extension, JSON otherwise. */
export function readConfigFile(path: string): unknown {
  if (!/\.ya?ml$/.test(basename(path))) return readJson(path);
  const text = readText(path);
  // Loaded here, not at start-up: only a YAML config needs it (~25 ms of every run otherwise).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse: parseYaml, YAMLParseError } = require('yaml') as typeof import('yaml');
  try {
    return parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0];
      throw new InputError(`${path}: malformed YAML (${err.code}${at ? ` at line ${at.line} column ${at.col}` : ''})`);
    }
    throw err;
  }
}
