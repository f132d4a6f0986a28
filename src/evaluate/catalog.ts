import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors';
import { readJson } from '../load/read-file';
import type { RuleFix } from '../types/fix';
import type { RuleRunbook } from '../types/runbook';
import { buildDir } from './paths';

/** One rule's facts, straight from its METADATA (written to rules.json by the policy build). */
export interface RuleInfo {
  id: string;
  title: string;
  description: string;
  control: string;
  cloud: 'aws' | 'azure';
  severity: 'critical' | 'high' | 'medium' | 'low';
  legal: string[];
  audit_component: string;
  remediation: string;
  construct?: string;
  example?: string;
  /** What `leakguard fix` changes (schemas/fix.schema.json). */
  fix?: RuleFix;
  /** Containment of a live exposure (schemas/runbook.schema.json). */
  runbook?: RuleRunbook;
  file: string;
  /** Derived by the policy build, not METADATA: the attribute paths the rule's source names (projection.ts attributePaths). */
  reads?: string[];
}

export function loadCatalog(dir = buildDir()): RuleInfo[] {
  const file = join(dir, 'rules.json');
  if (!existsSync(file)) throw new InputError(`no rule catalogue at ${file}; run \`npm run build:policies\``);
  return readJson(file, { own: true }) as RuleInfo[];
}

/** The policy's default settings (lib/config.rego), written by the policy build. */
export function loadDefaults(dir = buildDir()): Record<string, unknown> {
  const file = join(dir, 'defaults.json');
  if (!existsSync(file)) throw new InputError(`no policy defaults at ${file}; run \`npm run build:policies\``);
  return readJson(file, { own: true }) as Record<string, unknown>;
}
