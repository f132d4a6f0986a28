import { InputError } from './errors';
import { loadPaths } from './load';
import type { LoadOptions } from './load/types';
import { normalize } from './normalize';
import { assertValid } from './normalize/validate';
import { unappliedUpdates } from './normalize/azapi';
import { loadCompiledPolicy, type CompiledPolicy } from './evaluate/policy';
import { idleMeter, workersToPrestart } from './evaluate/parallel';
import { knownGapLines, policyReads } from './evaluate/manifest';
import { statSync } from 'node:fs';
import { collectGarbage, COLLECT_MIN_RESOURCES } from './evaluate/heap';
import { checkConstructWaivers, loadConfig, policyData, today } from './evaluate/config';
import type { ConfigChoice } from './load/config-file';
import type { Decision } from './types/decision';
import type { PolicyInput, Resource } from './types/policy-input';

export interface CheckOptions extends LoadOptions {
  inputFormat?: string;
  configPath?: string;
  /** How the CLI chose the config (stated in every report); defaults to configPath or none. */
  configOrigin?: ConfigChoice['origin'];
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
  let policy: CompiledPolicy | undefined;
  const idle = idleMeter(undefined, undefined, () => policy?.warmedMs() ?? 0);
  const date = opts.today ?? today();
  const config = loadConfig(opts.configPath, date);
  // The policy first, its workers booting while this thread reads and normalizes the input.
  policy = await loadCompiledPolicy(undefined, undefined, { deferSourceCheck: true });
  const bytes = inputBytes(paths);
  policy.prestart(workersToPrestart(bytes), bytes);
  // The evaluation starts before the input is normalized: each resource goes to the workers
  // as soon as normalize() completes it, and they write it into their memory meanwhile.
  let input: PolicyInput | undefined;
  let unreadable: Resource[] | undefined;
  // The construct waivers are checked while the workers evaluate (listing a large input's
  // resources took ~14 ms at 20k before the evaluation could start), and before any decision.
  let waiversChecked = false;
  const checkWaivers = (): void => {
    if (!waiversChecked) checkConstructWaivers(input!, config, date);
    waiversChecked = true;
  };
  // While the workers evaluate, this thread checks the input against its schema and, on a
  // large input, gives its garbage back before the policy's memory peaks (heap.ts).
  const session = policy.evaluationSession(policyData(config, opts.configPath, date), {
    idleCores: idle,
    whileEvaluating: () => {
      // The collection first: the parsed plan is garbage from here on, and giving it back
      // before the policy's memory grows lowered the peak at 20k resources by ~16 MB (median).
      if (resourceCount(input!) >= COLLECT_MIN_RESOURCES) collectGarbage();
      checkWaivers();
      assertValid('policy-input', input);
      unreadable = unreadableOf(input!);
    },
  });
  try {
    opts.onStep?.('loading');
    const docs = await loadPaths(paths, opts.inputFormat, opts);
    const modulesNotFollowed = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.modules_not_followed : []));
    const warnings = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.warnings : []));
    const unverifiable = docs.flatMap((d) => (d.kind === 'hcl' ? d.evaluated.unverifiable : []));
    // What the input could not show the rules: warned about, and listed in every report.
    const notChecked = [...modulesNotFollowed, ...unverifiable];
    opts.onStep?.('normalizing');
    const excused = new Map<string, Set<string>>();
    input = normalize(docs, { validate: false, sink: session, secretPaths: policy.manifest.secret_paths, notChecked, excused, reads: policyReads(policy.manifest) });
    // The parsed sources are not read again: let them go before the policy's memory grows.
    docs.length = 0;
    notChecked.push(...unappliedUpdates(input));
    // What no rule checks yet for a data store present (a known gap) is said, not passed in silence.
    const resources = input.resources;
    notChecked.push(...knownGapLines(policy.manifest.known_gaps, input.by_mode.managed, (key) => resources[key]?.address ?? key));
    warnings.push(...notChecked.map((m) => `not checked: ${m}`));
    opts.onStep?.('evaluating', resourceCount(input));
    const decision = await session.finish(input);
    // Where nothing ran while it evaluated.
    checkWaivers();
    refuseUnverified(input, decision, unreadable, excused);
    decision.config = configUsed(opts);
    if (notChecked.length > 0) decision.not_checked = notChecked as [string, ...string[]];
    return { input, decision, warnings, modulesNotFollowed, unverifiable };
  } finally {
    await session.close();
    await policy.release();
  }
}

/** How many resources the input holds: by_mode lists each once (Object.keys of a large object cost ~20 ms at 50k). */
export function resourceCount(input: PolicyInput): number {
  let n = 0;
  for (const mode of [input.by_mode.managed, input.by_mode.data]) for (const t in mode) n += mode[t].length;
  return n;
}

/** Bytes of the paths that are files (folders and missing paths count 0: loading judges them). */
function inputBytes(paths: string[]): number {
  let n = 0;
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isFile()) n += st.size;
    } catch {
      // Reported by the loader, with its own message.
    }
  }
  return n;
}

export function configUsed(opts: Pick<CheckOptions, 'configPath' | 'configOrigin'>): ConfigChoice {
  return { file: opts.configPath ?? null, origin: opts.configOrigin ?? (opts.configPath ? 'option' : 'disabled') };
}

// How rules word a finding about a value they cannot read ("… unknown at plan time", "… cannot be read before apply").
export const CANNOT_VERIFY = /unknown|cannot be (read|shown|checked|verified)/i;

/**
 * A value Terraform would reject for its declared type is unknown to the rules (normalize
 * marks it `unreadable`), and a rule that handles unknowns reports the resource as
 * unverifiable. Where no rule did, passing would be silent: the input is refused instead.
 */
export function refuseUnverified(
  input: PolicyInput,
  decision: Decision,
  unreadable = unreadableOf(input),
  excused: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): void {
  for (const r of unreadable) {
    // A hidden value the report lists as not checked, or a credential hidden by design (normalize's `excused`).
    const listed = excused.get(r.key);
    const held = (r.unreadable ?? []).filter((p) => !listed?.has(p));
    if (held.length === 0 || decision.findings.some((f) => f.resource.key === r.key && CANNOT_VERIFY.test(f.message))) continue;
    // A block or collection Terraform marks sensitive as a whole reads as the redaction text.
    const hidden = held.filter((p) => r.sensitive.includes(p));
    const rejected = held.filter((p) => !r.sensitive.includes(p));
    const why = [
      ...(hidden.length > 0 ? [`${hidden.join(', ')} ${hidden.length > 1 ? 'are' : 'is'} sensitive as a whole (Terraform hides every value in ${hidden.length > 1 ? 'them' : 'it'})`] : []),
      ...(rejected.length > 0 ? [`${rejected.join(', ')} ${rejected.length > 1 ? 'hold values' : 'holds a value'} Terraform would reject for the declared type`] : []),
    ];
    throw new InputError(`${r.origin.file}: resource ${r.address}: ${why.join('; ')}, and no rule could verify the resource without it`);
  }
}

/** The resources holding a value Terraform would reject (found while the policy evaluates: ~20 ms at 50k resources). */
export const unreadableOf = (input: PolicyInput): Resource[] => Object.values(input.resources).filter((r) => r.unreadable?.length);

/** 0 nothing blocks · 1 a blocking finding exists. (2 is raised for input errors.) */
export function exitCodeOf(decision: Decision): 0 | 1 {
  return decision.findings.some((f) => f.blocking) ? 1 : 0;
}
