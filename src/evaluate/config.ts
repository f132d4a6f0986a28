import { existsSync } from 'node:fs';
import { InputError } from '../errors';
import { readJson } from '../load/read-file';
import { schemaErrors } from '../normalize/validate';
import type { LeakguardConfig } from '../types/config';
import type { PolicyData } from './policy';

/** Reads and validates --config; an invalid waiver or key is the user's to fix (exit 2). */
export function loadConfig(path?: string): LeakguardConfig {
  if (!path) return {};
  if (!existsSync(path)) throw new InputError(`${path}: config file not found`);
  const config = readJson(path);
  const err = schemaErrors('config', config);
  if (err) throw new InputError(`${path}: invalid config: ${err}`);
  return config as LeakguardConfig;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function policyData(config: LeakguardConfig, configPath: string | undefined, date = today()): PolicyData {
  return {
    config: config.policy ?? {},
    waivers: (config.waivers ?? []).map((w) => ({ ...w, source: configPath ?? 'config' })),
    context: { today: date },
  };
}
