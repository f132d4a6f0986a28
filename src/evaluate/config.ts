import { existsSync } from 'node:fs';
import { InputError } from '../errors';
import { readConfigFile } from '../load/config-file';
import { schemaErrors } from '../normalize/validate';
import type { LeakguardConfig } from '../types/config';
import type { PolicyInput } from '../types/policy-input';
import { loadCatalog, loadDefaults } from './catalog';
import type { PolicyData } from './policy';
import { checkWaiver, waiverLimits } from './waivers';

/**
 * Reads and validates a config (JSON or YAML); an invalid waiver or key is the user's to fix
 * (exit 2). Waivers are judged on `date` (--today): one expiring after the longest allowed is refused.
 */
export function loadConfig(path?: string, date = today()): LeakguardConfig {
  if (!path) return {};
  if (!existsSync(path)) throw new InputError(`${path}: config file not found`);
  return validConfig(readConfigFile(path), path, date);
}

/** A config read from a file or given as an object (Jest matchers, the synth-time aspect). */
export function validConfig(config: unknown, where: string, date = today()): LeakguardConfig {
  const err = schemaErrors('config', config);
  if (err) throw new InputError(`${where}: invalid config: ${err}`);
  const c = config as LeakguardConfig;
  const rules = loadCatalog();
  checkPolicySettings(where, c, loadDefaults(), rules);
  const limits = waiverLimits(date, c.waiver_max_days, new Set(rules.map((r) => r.id)));
  for (const [i, w] of (c.waivers ?? []).entries()) checkWaiver(`${where}: /waivers/${i}`, w, limits);
  return c;
}

/** Waivers recorded on constructs (`Leakguard.suppress`) pass the same checks as the config's. */
export function checkConstructWaivers(input: PolicyInput, config: LeakguardConfig, date = today()): void {
  const waived = Object.values(input.resources).filter((r) => r.waivers !== undefined);
  // The catalogue is read only when there is a waiver to check (~10 ms).
  if (waived.length === 0) return;
  const limits = waiverLimits(date, config.waiver_max_days, new Set(loadCatalog().map((r) => r.id)));
  for (const r of waived) {
    for (const [j, w] of (r.waivers ?? []).entries()) checkWaiver(`${r.origin.file}: ${r.address} waiver ${j} (${w.source ?? 'construct'})`, w, limits);
  }
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
    // Own keys only: `constructor` or `__proto__` is "in" every object.
    if (!Object.hasOwn(defaults, key)) {
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
    if (!Object.hasOwn(known, group)) throw new InputError(`${where}: unknown enforcement group "${group}" (expected rules, controls or by_severity)`);
    const [noun, names] = known[group];
    for (const [name, level] of Object.entries((levels ?? {}) as Record<string, unknown>)) {
      if (!names.has(name)) throw new InputError(`${where}: enforcement.${group} names an unknown ${noun} "${name}"`);
      if (typeof level !== 'string' || !LEVELS.has(level)) throw new InputError(`${where}: enforcement.${group}.${name} must be advisory, soft or hard, got ${JSON.stringify(level)}`);
    }
  }
}
