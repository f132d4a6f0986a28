import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { drift } from '../../drift';
import { driftFormatterFor, driftFormatters } from '../../drift/format';
import { summaryLine } from '../../drift/format/words';
import { ISO_INSTANT } from '../../drift/time';
import { InputError } from '../../errors';
import { configLine } from '../../report/config-line';
import { configOf, withConfigOptions } from '../config-option';
import type { CommandContext } from '../io';
import { estateCommands } from './drift-estate';

interface DriftCliOptions {
  state?: string;
  configDir?: string;
  stack?: string;
  stackName?: string;
  format: string;
  output?: string;
  history?: string;
  now?: string;
  failOnDrift?: boolean;
  config?: string | boolean;
  notificationHours: string;
  classificationTag: string;
  piiClassifications?: string;
}

export function driftCommand(ctx: CommandContext): Command {
  const { io, exit } = ctx;
  const cmd = new Command('drift')
    .description('report drift between code and the live estate, and the policy violations it introduces')
    .argument('[plan]', 'terraform show -json of `terraform plan -refresh-only -out p` (its resource_drift)')
    .option('--state <file>', 'state instead of a plan: terraform show -json or a raw .tfstate (v4); needs --config-dir')
    .option('--config-dir <dir>', 'the code the state should match: cdktf.out folder, cdk.tf.json or HCL folder')
    .option('--stack <name>', 'the cdktf.out stack the state belongs to (when there are several)')
    .option('--stack-name <name>', 'plans: the stack\'s own name instead of the folder holding the plan, as for check')
    .addOption(new Option('-f, --format <format>', 'report format').choices(driftFormatters.map((f) => f.name)).default('markdown'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--history <file>', 'JSON history of first/last seen per finding across runs (created if missing)')
    .option('--now <iso>', 'the run\'s clock as an ISO 8601 instant (default: now), for reproducible reports')
    .option('--fail-on-drift', 'exit 1 on any drift, not only drift that introduces a violation')
    .option('--notification-hours <hours>', 'internal notification-target clock for findings on PII-classified resources', '72')
    .option('--classification-tag <tag>', 'tag holding the data classification', 'data-classification')
    .option('--pii-classifications <list>', 'comma-separated classifications that count as PII (default: policy config, else pii,confidential)');
  // A whole estate: `drift stacks` (the CI matrix), `drift not-checked` (a failed job), `drift merge`.
  cmd.enablePositionalOptions(); // drift's own options only before a subcommand's name
  for (const make of estateCommands) cmd.addCommand(make(ctx));
  return withConfigOptions(cmd).action(async (plan: string | undefined, opts: DriftCliOptions) => {
      if (opts.now && !ISO_INSTANT.test(opts.now)) throw new InputError(`--now must be an ISO 8601 instant with a zone (2026-11-28T07:00:00Z), got "${opts.now}"`);
      const hours = Number(opts.notificationHours);
      if (!Number.isFinite(hours) || hours <= 0) throw new InputError(`--notification-hours must be a positive number, got "${opts.notificationHours}"`);
      const formatter = driftFormatterFor(opts.format);
      const config = configOf(opts);
      const report = await drift({
        plan,
        state: opts.state,
        configDir: opts.configDir,
        stack: opts.stack,
        stackName: opts.stackName,
        configPath: config.file ?? undefined,
        configOrigin: config.origin,
        historyPath: opts.history,
        now: opts.now ?? new Date().toISOString(),
        classificationTag: opts.classificationTag,
        piiClassifications: opts.piiClassifications?.split(',').map((s) => s.trim()).filter(Boolean),
        notificationTargetHours: hours,
        failOnDrift: Boolean(opts.failOnDrift),
      });
      const text = formatter.render(report);
      if (opts.output) {
        writeFileSync(opts.output, text);
        io.stderr(`leakguard drift: ${summaryLine(report)} Report: ${opts.output}\n`);
      } else {
        io.stdout(text);
      }
      io.stderr(`leakguard drift: ${configLine(config)}\n`);
      exit(report.exit_code);
    });
}
