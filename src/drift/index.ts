import { InputError } from '../errors';
import { loaderFor, loadPath, nameStack } from '../load';
import type { ConfigDocument, HclDocument } from '../load/types';
import { configUsed } from '../check';
import { loadConfig, policyData } from '../evaluate/config';
import type { ConfigChoice } from '../load/config-file';
import { loadCompiledPolicy } from '../evaluate/policy';
import { normalize } from '../normalize';
import { loadCatalog, loadDefaults } from '../evaluate/catalog';
import { exposureSettings } from '../report/exposure';
import type { DriftReport, Settings } from '../types/drift-report';
import { driftFromPlan } from './from-plan';
import { driftFromState } from './from-state';
import { advance, loadHistory, saveHistory } from './history';
import { buildReport, notificationLabel, type Evaluated } from './report';
import { schemaErrors } from '../normalize/validate';
import type { DriftWorlds } from './worlds';

export interface DriftOptions {
  /** A plan (terraform show -json), ideally of `terraform plan -refresh-only`. */
  plan?: string;
  /** Or a state (terraform show -json, or a raw .tfstate v4) … */
  state?: string;
  /** … and the code it should match: a cdktf.out folder, a cdk.tf.json or an HCL folder. */
  configDir?: string;
  /** The cdktf.out stack the state belongs to, when the folder holds several. */
  stack?: string;
  /** Plans: the stack's own name (--stack-name), instead of the folder holding the plan. */
  stackName?: string;
  /** Leakguard config (policy thresholds, waivers), as for `check`. */
  configPath?: string;
  /** How the CLI chose the config (stated in the report, as check's reports state it). */
  configOrigin?: ConfigChoice['origin'];
  historyPath?: string;
  /** ISO instant the run happens at. */
  now: string;
  classificationTag?: string;
  piiClassifications?: string[];
  notificationTargetHours?: number;
  failOnDrift?: boolean;
}

const DEFAULT_PII = ['pii', 'confidential'];

async function worldsOf(opts: DriftOptions): Promise<DriftWorlds> {
  if (opts.plan && (opts.state || opts.configDir)) throw new InputError('give either a plan, or --state with --config-dir, not both');
  if (opts.plan) {
    const [doc] = await loaderFor('plan').load(opts.plan);
    if (doc.kind !== 'plan') throw new InputError(`${opts.plan}: not a terraform show -json plan`);
    if (opts.stackName !== undefined) nameStack([doc], opts.stackName);
    return driftFromPlan(doc);
  }
  if (!opts.state || !opts.configDir) throw new InputError('give a refresh-only plan (terraform show -json), or --state together with --config-dir');
  const [state] = await loaderFor('state').load(opts.state);
  if (state.kind !== 'state') throw new InputError(`${opts.state}: not a Terraform state`);
  const configs = await loadPath(opts.configDir);
  if (configs.some((d) => d.kind !== 'config' && d.kind !== 'hcl')) throw new InputError(`${opts.configDir}: --config-dir takes code (a cdktf.out folder, a cdk.tf.json or an HCL folder), not a plan or state`);
  return driftFromState(state, configs as Array<ConfigDocument | HclDocument>, opts.configDir, opts.stack);
}

/**
 * load → two worlds (desired, live) → normalize and evaluate each with the same compiled
 * policy → report. The history is read (and refused if corrupt) before anything is
 * evaluated, and written only once the report is complete.
 */
export async function drift(opts: DriftOptions): Promise<DriftReport> {
  const now = new Date(opts.now).toISOString();
  const history = loadHistory(opts.historyPath, now);
  const config = loadConfig(opts.configPath);
  const configured = (config.policy as { pii_classifications?: unknown } | undefined)?.pii_classifications;
  const hours = opts.notificationTargetHours ?? 72;
  const settings: Settings = {
    classification_tag: opts.classificationTag ?? 'data-classification',
    pii_classifications: (opts.piiClassifications ?? (Array.isArray(configured) ? configured.map(String) : DEFAULT_PII)).map((c) => c.toLowerCase()),
    notification_target_hours: hours,
    notification_target_label: notificationLabel(hours),
    fail_on_drift: opts.failOnDrift ?? false,
  };

  const worlds = await worldsOf(opts);
  const policy = await loadCompiledPolicy();
  const data = policyData(config, opts.configPath, now.slice(0, 10));
  const evaluate = (docs: DriftWorlds['live']): Evaluated['live'] => {
    const input = normalize(docs, { secretPaths: policy.manifest.secret_paths });
    return { input, findings: policy.evaluate(input, data).findings };
  };
  const evaluated: Evaluated = { baseline: evaluate(worlds.baseline), live: evaluate(worlds.live) };

  let next = history.history;
  const report = buildReport({
    worlds,
    evaluated,
    settings,
    exposure: { ...exposureSettings(config, loadDefaults()), classificationTag: settings.classification_tag, piiClassifications: settings.pii_classifications },
    now,
    history,
    rules: loadCatalog(),
    advance: (open) => {
      // One history may hold a whole estate's items: this run resolves only its own stack's.
      const step = advance(history.history, open, now, new Set([worlds.stack]));
      next = step.next;
      return { entries: step.next.items, resolved: step.resolved };
    },
  });
  report.config = configUsed(opts);
  const err = schemaErrors('drift-report', report);
  if (err) throw new Error(`internal error: produced drift report does not match its schema: ${err}`);
  if (history.path) saveHistory(history.path, next);
  return report;
}
