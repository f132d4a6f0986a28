import { resolve } from 'node:path';
import { check, type CheckOptions, type CheckResult } from '../check';
import { loadCatalog, loadDefaults, type RuleInfo } from '../evaluate/catalog';
import { loadConfig } from '../evaluate/config';
import type { Finding } from '../types/decision';
import { editEach, editFile, type FileChange } from './apply';
import { planFinding, type BlockEdit, type FindingPlan } from './plan';

export { unifiedDiff, type FileChange } from './apply';

export interface FixOptions extends CheckOptions {
  /** Only findings of these rules / controls (all when empty). */
  rules?: string[];
  controls?: string[];
}

export interface FixResult {
  check: CheckResult;
  /** Per finding: the edits planned, or why there are none. */
  plans: FindingPlan[];
  /** Files the fixes change, in path order (unchanged files left out). */
  changes: FileChange[];
  /** The same check on the edited text (nothing written yet): what the edits fix, leave and introduce. */
  recheck: Recheck;
}

export interface Recheck {
  gone: Finding[];
  remaining: Finding[];
  introduced: Finding[];
}


/**
 * The selected findings before the edits against all findings after, by rule and resource
 * (messages may change with the values). Rules that report a region or a stack through its first
 * resource move to a resource the fix adds when it sorts first: a finding lost on one resource and
 * found on another with the same rule, stack and region is the same finding, not a fixed and a new one.
 */
export function compareFindings(before: Finding[], selectedBefore: Finding[], after: Finding[]): Recheck {
  const was = new Set(before.map(fixKey));
  const now = new Set(after.map(fixKey));
  const scope = (f: Finding): string => `${f.rule_id} ${f.resource.stack} ${f.resource.region ?? ''}`;
  const lost = new Map<string, number>();
  for (const f of before.filter((x) => !now.has(fixKey(x)))) lost.set(scope(f), (lost.get(scope(f)) ?? 0) + 1);
  const moved = new Set<string>();
  const introduced = after.filter((f) => {
    if (was.has(fixKey(f))) return false;
    const n = lost.get(scope(f)) ?? 0;
    if (n === 0) return true;
    lost.set(scope(f), n - 1);
    moved.add(scope(f));
    return false;
  });
  const stays = (f: Finding): boolean => now.has(fixKey(f)) || moved.has(scope(f));
  return { gone: selectedBefore.filter((f) => !stays(f)), remaining: selectedBefore.filter(stays), introduced };
}

/** Policy settings as the rules see them: the policy defaults under the config's `policy` section. */
export function policySettings(configPath?: string): Record<string, unknown> {
  return { ...loadDefaults(), ...(loadConfig(configPath).policy ?? {}) };
}

const selected = (f: Finding, opts: FixOptions): boolean =>
  !f.waived && (!opts.rules?.length || opts.rules.includes(f.rule_id)) && (!opts.controls?.length || opts.controls.includes(f.control));

/** Findings (by fixKey) planned without keeping chosen values: keeping them was not enough. */
export type Replan = ReadonlySet<string>;

const planOf = (f: Finding, rules: Map<string, RuleInfo>, result: CheckResult, settings: Record<string, unknown>, replan: Replan): FindingPlan =>
  planFinding(f, rules.get(f.rule_id), result.input, settings, !replan.has(fixKey(f)));

/** Plans every finding's fix from its rule's METADATA and applies them to the source, file by file. */
export async function planFixes(result: CheckResult, catalog: RuleInfo[], settings: Record<string, unknown>, opts: FixOptions = {}, replan: Replan = new Set()): Promise<Omit<FixResult, 'check' | 'recheck'>> {
  const rules = new Map(catalog.map((r) => [r.id, r]));
  const plans = result.decision.findings.filter((f) => selected(f, opts)).map((f) => planOf(f, rules, result, settings, replan));
  // Instances of one block (count/for_each) and rules sharing a linked block plan the same edit: keep one.
  const byFile = new Map<string, Map<string, BlockEdit>>();
  for (const p of plans) {
    if (!('edits' in p)) continue;
    for (const { file, edit } of p.edits) {
      const edits = byFile.get(file) ?? byFile.set(file, new Map()).get(file)!;
      edits.set(JSON.stringify(edit), edit);
    }
  }
  const changes: FileChange[] = [];
  for (const file of [...byFile.keys()].sort()) changes.push(await editFile(file, [...byFile.get(file)!.values()]));
  return { plans, changes: changes.filter((c) => c.after !== c.before || c.unapplied.length > 0) };
}

/** One finding's own fix: its rule's summary and the changes of its edits alone (SARIF `fixes`, the PR comment's diff). */
export interface FindingFix {
  summary: string;
  changes: FileChange[];
}

export const fixKey = (f: Pick<Finding, 'rule_id' | 'resource'>): string => `${f.rule_id} ${f.resource.key}`;

/**
 * Each fixable finding's fix, computed on its own (findings sharing a block each show their own
 * change), with each file read and parsed once for all the findings that edit it.
 */
export async function findingFixes(result: CheckResult, catalog: RuleInfo[], settings: Record<string, unknown>, recheck?: Rechecker): Promise<Map<string, FindingFix>> {
  const rules = new Map(catalog.map((r) => [r.id, r]));
  // Re-checking costs an evaluation: only when a fix kept a chosen value.
  const keeps = result.decision.findings.some((f) => {
    const p = planOf(f, rules, result, settings, new Set());
    return 'edits' in p && p.kept;
  });
  // Without a re-check nothing is kept: a kept value may be the one the rule rejects.
  const replan = recheck && keeps ? (await keepOrReplan(result, catalog, settings, {}, recheck)).replan : new Set(result.decision.findings.map(fixKey));
  const planned = result.decision.findings.map((f) => planOf(f, rules, result, settings, replan)).filter((p) => 'edits' in p);
  // file → the findings editing it, each with its own edits of that file.
  const byFile = new Map<string, Array<{ finding: number; edits: BlockEdit[] }>>();
  planned.forEach((p, i) => {
    for (const { file, edit } of p.edits) {
      const groups = byFile.get(file) ?? byFile.set(file, []).get(file)!;
      const mine = groups.find((g) => g.finding === i) ?? groups[groups.push({ finding: i, edits: [] }) - 1];
      mine.edits.push(edit);
    }
  });
  const changes: FileChange[][] = planned.map(() => []);
  for (const [file, groups] of byFile) (await editEach(file, groups.map((g) => g.edits))).forEach((c, k) => changes[groups[k].finding].push(c));
  const out = new Map<string, FindingFix>();
  planned.forEach((p, i) => {
    const changed = changes[i].filter((c) => c.after !== c.before);
    if (changed.length > 0) out.set(fixKey(p.finding), { summary: p.rule.fix!.summary, changes: changed });
  });
  return out;
}

/** The findings after checking the source with these files' text replaced (nothing written). */
export type Rechecker = (overlay: Map<string, string>) => Promise<Finding[]>;

async function recheckOf(result: CheckResult, planned: Omit<FixResult, 'check' | 'recheck'>, recheck: Rechecker): Promise<Recheck> {
  const overlay = new Map(planned.changes.map((c) => [resolve(c.file), c.after]));
  const after = overlay.size > 0 ? await recheck(overlay) : result.decision.findings;
  return compareFindings(result.decision.findings, planned.plans.map((p) => p.finding), after);
}

/**
 * Plans first keeping the values the source already chose (a store's own key), re-checks, and
 * plans again without keeping for the findings that keeping left: the smallest fix that works.
 */
async function keepOrReplan(result: CheckResult, catalog: RuleInfo[], settings: Record<string, unknown>, opts: FixOptions, recheck: Rechecker) {
  let planned = await planFixes(result, catalog, settings, opts);
  let checked = await recheckOf(result, planned, recheck);
  const left = new Set(checked.remaining.map(fixKey));
  const replan = new Set(planned.plans.filter((p) => 'edits' in p && p.kept && left.has(fixKey(p.finding))).map((p) => fixKey(p.finding)));
  if (replan.size > 0) {
    planned = await planFixes(result, catalog, settings, opts, replan);
    checked = await recheckOf(result, planned, recheck);
  }
  return { planned, checked, replan };
}

/** check, the fixes of every finding that has one, and the check again on the edited text (`leakguard fix`). */
export async function fix(paths: string[], opts: FixOptions = {}): Promise<FixResult> {
  const result = await check(paths, opts);
  const recheck: Rechecker = async (overlay) => (await check(paths, { ...opts, overlay })).decision.findings;
  const { planned, checked } = await keepOrReplan(result, loadCatalog(), policySettings(opts.configPath), opts, recheck);
  return { check: result, ...planned, recheck: checked };
}
