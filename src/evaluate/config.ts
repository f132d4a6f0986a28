import { existsSync } from 'node:fs';
import { InputError } from '../errors';
import { readConfigFile } from '../load/config-file';
import { schemaErrors } from '../normalize/validate';
import type { LeakguardConfig } from '../types/config';
import { loadCatalog, loadDefaults } from './catalog';
import type { PolicyData } from './policy';

/** Reads and validates a config (JSON or YAML); an invalid waiver or key is the user's to fix (exit 2). */
export function loadConfig(path?: string): LeakguardConfig {
  if (!path) return {};
  if (!existsSync(path)) throw new InputError(`${path}: config file not found`);
  return validConfig(readConfigFile(path), path);
}

/** A config read from a file or given as an object (Jest matchers, the synth-time aspect). */
export function validConfig(config: unknown, where: string): LeakguardConfig {
  const err = schemaErrors('config', config);
  if (err) throw new InputError(`${where}: invalid config: ${err}`);
  checkPolicySettings(where, config as LeakguardConfig, loadDefaults(), loadCatalog());
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

const LEVELS = new Set(['advisory', 'soft', 'hard']);
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function kind(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/**
 * Policy settings must be ones the policy knows (build/policy/defaults.json) and of the
 * default's type; enforcement overrides and waivers must name real rules and controls. A
 * typo would otherwise be ignored and the default silently applied.
 */
export function checkPolicySettings(
  configPath: string | undefined,
  config: LeakguardConfig,
  defaults: Record<string, unknown>,
  rules: Array<{ id: string; control: string }>,
): void {
  const where = configPath ?? 'config';
  const settings = config.policy ?? {};
  for (const [key, value] of Object.entries(settings)) {
    if (!(key in defaults)) {
      const near = Object.keys(defaults).filter((k) => k.split('_')[0] === key.split('_')[0]).slice(0, 3);
      throw new InputError(`${where}: unknown policy setting "${key}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see docs/configuration.md`);
    }
    if (kind(defaults[key]) !== kind(value)) {
      throw new InputError(`${where}: policy setting "${key}" must be ${kind(defaults[key])}, got ${kind(value)}`);
    }
  }
  const known: Record<string, [string, Set<string>]> = {
    rules: ['rule', new Set(rules.map((r) => r.id))],
    controls: ['control', new Set(rules.map((r) => r.control))],
    by_severity: ['severity', new Set(SEVERITIES)],
  };
  for (const [group, levels] of Object.entries((settings.enforcement ?? {}) as Record<string, unknown>)) {
    if (!(group in known)) throw new InputError(`${where}: unknown enforcement group "${group}" (expected rules, controls or by_severity)`);
    const [noun, names] = known[group];
    for (const [name, level] of Object.entries((levels ?? {}) as Record<string, unknown>)) {
      if (!names.has(name)) throw new InputError(`${where}: enforcement.${group} names an unknown ${noun} "${name}"`);
      if (typeof level !== 'string' || !LEVELS.has(level)) throw new InputError(`${where}: enforcement.${group}.${name} must be advisory, soft or hard, got ${JSON.stringify(level)}`);
    }
  }
  for (const [i, w] of (config.waivers ?? []).entries()) {
    if (!known.rules[1].has(w.rule)) throw new InputError(`${where}: /waivers/${i} names an unknown rule "${w.rule}"; see \`leakguard rules\``);
  }
}
