import { loadPaths } from './load';
import type { VarInput } from './load/hcl-evaluator';
import { normalize } from './normalize';
import { loadCompiledPolicy } from './evaluate/policy';
import { loadConfig, policyData } from './evaluate/config';
import type { ConfigChoice } from './load/config-file';
import type { Decision } from './types/decision';
import type { PolicyInput } from './types/policy-input';

export interface CheckOptions {
  inputFormat?: string;
  configPath?: string;
  /** How the CLI chose the config (stated in every report); defaults to configPath or none. */
  configOrigin?: ConfigChoice['origin'];
  /** HCL folders: `--var-file` / `--var`, in command-line order. */
  vars?: VarInput[];
  /** HCL folders: absolute path → text to read instead of the file. */
  overlay?: ReadonlyMap<string, string>;
  /** YYYY-MM-DD used for waiver expiry; today (UTC) unless given. */
  today?: string;
  /** Called as each stage starts, for a progress indicator (`resources`: how many are evaluated). */
  onStep?: (step: 'loading' | 'normalizing' | 'evaluating', resources?: number) => void;
}

export interface CheckResult {
  input: PolicyInput;
  decision: Decision;
  /** What the loaders could not fully read (HCL: values treated as unknown, remote modules). */
  warnings: string[];
  /** HCL module calls not followed (remote sources): `module.vpc from registry …`. */
  modulesNotFollowed: string[];
  /** HCL resources and module calls Terraform could not plan (count/for_each unknown before apply). */
  unverifiable: string[];
}

/** load → normalize → evaluate, for every path together (cross-stack rules see all stacks). */
export async function check(paths: string[], opts: CheckOptions = {}): Promise<CheckResult> {
  const config = loadConfig(opts.configPath);
  opts.onStep?.('loading');
  const docs = await loadPaths(paths, opts.inputFormat, { vars: opts.vars, overlay: opts.overlay });
  const modulesNotFollowed = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.modules_not_followed : []));
  const warnings = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.warnings : []));
  warnings.push(...modulesNotFollowed.map((m) => `not checked: ${m}`));
  const unverifiable = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.unverifiable : []));
  warnings.push(...unverifiable.map((m) => `not checked: ${m}`));
  opts.onStep?.('normalizing');
  const input = normalize(docs);
  opts.onStep?.('evaluating', Object.keys(input.resources).length);
  const policy = await loadCompiledPolicy();
  const decision = await policy.evaluateInWorker(input, policyData(config, opts.configPath, opts.today));
  decision.config = configUsed(opts);
  return { input, decision, warnings, modulesNotFollowed, unverifiable };
}

export function configUsed(opts: Pick<CheckOptions, 'configPath' | 'configOrigin'>): ConfigChoice {
  return { file: opts.configPath ?? null, origin: opts.configOrigin ?? (opts.configPath ? 'option' : 'disabled') };
}

/** 0 nothing blocks · 1 a blocking finding exists. (2 is raised for input errors.) */
export function exitCodeOf(decision: Decision): 0 | 1 {
  return decision.findings.some((f) => f.blocking) ? 1 : 0;
}
