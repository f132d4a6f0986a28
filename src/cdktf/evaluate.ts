import { TerraformStack } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import type { IConstruct } from 'constructs';
import { exitCodeOf } from '../check';
import { InputError } from '../errors';
import { loadCatalog } from '../evaluate/catalog';
import { loadConfig, policyData, today as utcToday, validConfig } from '../evaluate/config';
import { applyGate } from '../evaluate/gate';
import { loadCompiledPolicySync, type CompiledPolicy } from '../evaluate/policy';
import { discoverConfig } from '../load/config-file';
import { isObject, parseJson } from '../load/read-file';
import { looksLikeTerraformJson } from '../load/cdktf';
import type { ConfigDocument, Json } from '../load/types';
import { normalize } from '../normalize';
import { textFormatter } from '../report/text';
import type { LeakguardConfig } from '../types/config';
import type { ConfigUsed, Decision } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';

export interface LeakguardOptions {
  /**
   * A config file path, the config itself, or false for none. By default the nearest
   * leakguard.config.json / .leakguard.json / YAML equivalent from the working directory up
   * to the repository root, as `leakguard check` finds it.
   */
  config?: string | LeakguardConfig | false;
  /** YYYY-MM-DD waivers expire against; today (UTC) by default. */
  today?: string;
}

/** What can be checked in a test: a stack, an app (every stack, together) or synthesized JSON. */
export type Checkable = IConstruct | string;

export interface Evaluation {
  decision: Decision;
  input: PolicyInput;
  blocked: boolean;
  /** The findings as the text report prints them: rule, resource, construct path, fix. */
  report(decision?: Decision): string;
}

let policy: CompiledPolicy | undefined;

/**
 * The stacks of a construct tree as synthesized Terraform JSON, with the construct metadata
 * (paths, Leakguard.suppress waivers) that `Testing.synth` strips. `aspects: false` inside an
 * aspect, where CDKTF is already invoking them.
 */
export function stackDocuments(target: Checkable, opts: { aspects: boolean } = { aspects: true }): ConfigDocument[] {
  if (typeof target === 'string') {
    // Line and column, never V8's message: it quotes the text around the error (a secret).
    const json = parseJson('synthesized JSON', target);
    if (!looksLikeTerraformJson(json)) throw new InputError('synthesized JSON: not a Terraform JSON configuration (no resource, provider or terraform block)');
    const meta = isObject(json['//']) && isObject(json['//'].metadata) ? json['//'].metadata : {};
    const stack = typeof meta.stackName === 'string' ? meta.stackName : 'stack';
    return [{ kind: 'config', format: 'cdktf-json', stack, file: `${stack} (synthesized JSON)`, config: json }];
  }
  const stacks = TerraformStack.isStack(target) ? [target] : target.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  if (stacks.length === 0) throw new InputError(`${target.node.path || 'app'}: no TerraformStack to check`);
  return stacks.map((stack) => {
    if (opts.aspects) invokeAspects(stack);
    // A JSON round trip leaves plain data, as the synthesized file would hold.
    const config = JSON.parse(JSON.stringify(stack.toTerraform())) as Json;
    const name = stack.node.id;
    return { kind: 'config', format: 'cdktf-json', stack: name, file: `${name} (in memory)`, config };
  });
}

function configOf(spec: LeakguardOptions['config']): { config: LeakguardConfig; used: ConfigUsed } {
  if (spec === false) return { config: {}, used: { file: null, origin: 'disabled' } };
  if (typeof spec === 'string') return { config: loadConfig(spec), used: { file: spec, origin: 'option' } };
  if (spec !== undefined) return { config: validConfig(spec, 'config object'), used: { file: '(config object)', origin: 'option' } };
  const found = discoverConfig();
  return found ? { config: loadConfig(found), used: { file: found, origin: 'discovered' } } : { config: {}, used: { file: null, origin: 'none' } };
}

/** load → normalize → evaluate, synchronously, for tests and synth-time checks. */
export function evaluateDocuments(docs: ConfigDocument[], opts: LeakguardOptions = {}): Evaluation {
  const { config, used } = configOf(opts.config);
  policy ??= loadCompiledPolicySync();
  const input = normalize(docs, { secretPaths: policy.manifest.secret_paths });
  const decision = applyGate(policy.evaluate(input, policyData(config, used.file ?? undefined, opts.today ?? utcToday())), input);
  decision.config = used;
  const rules = loadCatalog();
  return {
    decision,
    input,
    blocked: exitCodeOf(decision) === 1,
    report: (d = decision) => textFormatter.render({ decision: d, input, rules, color: false }),
  };
}

export function evaluateConstructs(target: Checkable, opts: LeakguardOptions = {}): Evaluation {
  return evaluateDocuments(stackDocuments(target), opts);
}
