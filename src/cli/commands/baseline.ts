import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { createBaseline, serializeBaseline } from '../../baseline';
import { check } from '../../check';
import { InputError } from '../../errors';
import { isCalendarDate } from '../../evaluate/waivers';
import { formats } from '../../load';
import { configLine } from '../../report/config-line';
import { configOf, withConfigOptions } from '../config-option';
import { SOURCE_DIR_HELP, STACK_NAME_HELP, type CommandContext } from '../io';

export function baselineCommand({ io, exit }: CommandContext): Command {
  const create = withConfigOptions(new Command('create')
    .description('record the current findings so `check --baseline` blocks only new ones')
    .argument('<paths...>', 'the same inputs `check` takes')
    .requiredOption('-o, --output <file>', 'baseline file to write (JSON)')
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices([...formats]))
    .option('--today <date>', 'date (YYYY-MM-DD) waivers expire against; defaults to today (UTC)')
    .option('--stack-name <name>', STACK_NAME_HELP)
    .option('--source-dir <dir>', SOURCE_DIR_HELP),
  ).action(async (paths: string[], opts: { output: string; inputFormat?: string; config?: string | boolean; today?: string; stackName?: string; sourceDir?: string }) => {
      if (opts.today !== undefined && !isCalendarDate(opts.today)) throw new InputError(`--today must be a real date YYYY-MM-DD, got "${opts.today}"`);
      const config = configOf(opts);
      const { decision } = await check(paths, { inputFormat: opts.inputFormat, configPath: config.file ?? undefined, configOrigin: config.origin, today: opts.today, stackName: opts.stackName, sourceDir: opts.sourceDir });
      const baseline = createBaseline(decision);
      try {
        mkdirSync(dirname(opts.output), { recursive: true });
        writeFileSync(opts.output, serializeBaseline(baseline));
      } catch (err) {
        throw new InputError(`--output ${opts.output}: cannot write (${err instanceof Error ? err.message : String(err)})`);
      }
      io.stderr(`leakguard: baseline of ${baseline.findings.length} finding(s) written to ${opts.output} (${configLine(config)})\n`);
      exit(0);
    });
  return new Command('baseline').description('accept the findings of today so pull requests are blocked only by new ones').addCommand(create.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
}
