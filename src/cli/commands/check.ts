import { Command, Option } from 'commander';
import { readBaseline } from '../../baseline';
import { check, exitCodeOf } from '../../check';
import { InputError } from '../../errors';
import { isCalendarDate } from '../../evaluate/waivers';
import { today as utcToday } from '../../evaluate/config';
import { loadCatalog, loadDefaults } from '../../evaluate/catalog';
import { loadConfig } from '../../evaluate/config';
import { applyGate } from '../../evaluate/gate';
import { recordEvidence, signingKey } from '../../evidence';
import { formats } from '../../load';
import type { VarInput } from '../../load/hcl-evaluator';
import { findingFixes, policySettings } from '../../fix';
import { formatterFor, formatters } from '../../report';
import { exposures, exposureSettings } from '../../report/exposure';
import { noProgress, spinner } from '../../report/progress';
import { notCheckedRefusal } from '../../report/verdict';
import { pairTargets, type TargetToken } from '../../report/targets';
import { configOf, withConfigOptions } from '../config-option';
import { formatOptions, SOURCE_DIR_HELP, STACK_NAME_HELP, writeOutput, type CommandContext } from '../io';

// From about this many resources one evaluation takes more than a second on a CI-class machine.
const SLOW_EVALUATION = 500;

interface CheckFlags {
  inputFormat?: string;
  config?: string | boolean;
  today?: string;
  color: boolean;
  baseline?: string;
  changedOnly?: boolean;
  evidence?: string;
  evidenceLog?: string;
  evidenceKey?: string;
  allowEmpty?: boolean;
  stackName?: string;
  sourceDir?: string;
}

/** `--var-file` / `--var` share one list: Terraform applies them in command-line order. */
function varOption(flags: string, kind: VarInput['kind'], description: string, into: VarInput[]): Option {
  return new Option(flags, description).argParser((value: string) => {
    if (kind === 'var' && !/^[^=]+=/.test(value)) throw new InputError(`--var "${value}": expected name=value`);
    into.push({ kind, value });
    return value;
  });
}

export function checkCommand({ io, exit }: CommandContext): Command {
  const tokens: TargetToken[] = [];
  const vars: VarInput[] = [];
  const [format, output] = formatOptions(tokens, formatters.map((f) => f.name));
  const cmd = new Command('check')
    .description('check synthesized stacks, plans, state or HCL against every policy')
    .argument('<paths...>', 'cdktf.out folder, cdk.tf.json, plan/state JSON (terraform show -json) or HCL folder')
    .addOption(format)
    .addOption(output)
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices([...formats]))
    .addOption(varOption('--var-file <file>', 'file', 'HCL folders: a .tfvars (or .tfvars.json) file of variable values; repeatable', vars))
    .addOption(varOption('--var <name=value>', 'var', 'HCL folders: a variable value, as terraform plan -var; repeatable', vars))
    .option('--today <date>', 'date (YYYY-MM-DD) waivers expire against; defaults to today (UTC)')
    .option('--baseline <file>', 'block only findings not in this baseline (leakguard baseline create); list fixed ones')
    .option('--changed-only', 'plans: block only on resources the plan creates, updates or replaces; report the rest')
    .option('--evidence <dir>', 'write an audit evidence bundle under <dir>/runs/ and append it to the evidence log')
    .option('--evidence-log <file>', 'the hash-chained evidence log (default <dir>/evidence-log.jsonl)')
    .option('--evidence-key <file>', 'Ed25519 private key (PEM) signing each log entry; default $LEAKGUARD_EVIDENCE_KEY (PEM text) or $LEAKGUARD_EVIDENCE_KEY_FILE')
    .option('--stack-name <name>', STACK_NAME_HELP)
    .option('--source-dir <dir>', SOURCE_DIR_HELP)
    .option('--allow-empty', 'accept an input with no resources (otherwise exit 2: nothing would be checked)')
    .option('--no-color', 'never colour text output');
  return withConfigOptions(cmd).action(async (paths: string[], opts: CheckFlags) => {
      if (opts.today !== undefined && !isCalendarDate(opts.today)) throw new InputError(`--today must be a real date YYYY-MM-DD, got "${opts.today}"`);
      if (opts.evidenceLog && !opts.evidence) throw new InputError('--evidence-log needs --evidence <dir>');
      if (opts.evidenceKey && !opts.evidence) throw new InputError('--evidence-key needs --evidence <dir>');
      // Read before evaluating: a bad key is exit 2 before anything is written.
      const key = opts.evidence ? signingKey(opts.evidenceKey) : null;
      const targets = pairTargets(tokens, formatterFor, 'text');
      const baseline = opts.baseline ? { file: opts.baseline, baseline: readBaseline(opts.baseline) } : undefined;
      const rules = loadCatalog();
      const today = opts.today ?? utcToday();
      const config = configOf(opts);
      const configPath = config.file ?? undefined;

      const checkOpts = { inputFormat: opts.inputFormat, configPath, configOrigin: config.origin, vars, today, stackName: opts.stackName, sourceDir: opts.sourceDir };
      const progress = io.stderrIsTTY ? spinner(io.stderr) : noProgress;
      let result;
      try {
        const onStep = (step: string, resources?: number): void =>
          resources === undefined ? progress.step(step) : progress.step(`${step} ${resources} resource(s)`, resources >= SLOW_EVALUATION);
        result = await check(paths, { ...checkOpts, onStep });
      } finally {
        progress.done();
      }
      const { input } = result;
      for (const w of result.warnings) io.stderr(`leakguard: warning: ${w}\n`);
      // Nothing ever passes silently: an input without resources checks nothing.
      const resources = Object.values(input.resources).filter((r) => r.mode === 'managed');
      if (resources.length === 0 && !opts.allowEmpty) {
        const why = [
          ...(result.modulesNotFollowed.length > 0 ? [`; modules not followed: ${result.modulesNotFollowed.join(', ')}`] : []),
          ...(result.unverifiable.length > 0 ? [`; not verifiable: ${result.unverifiable.join(', ')}`] : []),
        ].join('');
        throw new InputError(`${paths.join(', ')}: no resources found, so nothing was checked${why} (pass --allow-empty to accept an empty input)`);
      }
      const decision = applyGate(result.decision, input, { baseline, changedOnly: opts.changedOnly });
      // Nor does an input none of whose resources any rule reads, unless the config accepts it.
      const refusal = notCheckedRefusal(decision.summary);
      if (refusal) throw new InputError(`${paths.join(', ')}: ${refusal}`);
      if (resources.length > 0 && resources.every((r) => r.cloud === 'other')) {
        io.stderr(`leakguard: warning: none of the ${resources.length} resource(s) is AWS or Azure; no rule applies to them\n`);
      }
      const code = exitCodeOf(decision);

      // Evidence first, so every report can print the chain head it ends in (the PR comment
      // and the CI log then hold a copy of the head outside the log file).
      let shown = decision;
      if (opts.evidence) {
        const rec = recordEvidence(
          opts.evidence,
          { decision, rules, paths, configPath, baselinePath: opts.baseline, today, changedOnly: Boolean(opts.changedOnly), exitCode: code, cwd: process.cwd() },
          opts.evidenceLog,
          key,
        );
        shown = { ...decision, evidence: { log: rec.log, entry: rec.entry.seq, head: rec.entry.hash, key_id: rec.entry.key_id ?? null } };
        io.stderr(`leakguard: evidence written to ${rec.bundleDir} (log ${rec.log}, entry ${rec.entry.seq}, chain head ${rec.entry.hash}, ${rec.entry.key_id ? `signed by key ${rec.entry.key_id}` : 'unsigned'})\n`);
      }

      const colour = opts.color && io.isTTY && !process.env.NO_COLOR;
      // SARIF `fixes` and the PR comment's diffs: each fixable HCL finding's own edit.
      const fixes = targets.some((t) => t.formatter.name === 'sarif' || t.formatter.name === 'markdown') ? await findingFixes(result, rules, policySettings(configPath), async (overlay) => (await check(paths, { ...checkOpts, overlay })).decision.findings) : undefined;
      const exposure = exposures(input, decision.findings, exposureSettings(loadConfig(configPath), loadDefaults()));
      const rendered = targets.map((t) => ({ ...t, text: t.formatter.render({ decision: shown, input, rules, color: colour && t.output === undefined, fixes, exposure }) }));
      for (const r of rendered) if (r.output !== undefined) writeOutput(r.output, r.text);
      for (const r of rendered) if (r.output === undefined) io.stdout(r.text);
      exit(code);
    });
}
