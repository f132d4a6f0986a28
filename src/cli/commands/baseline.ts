import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { createBaseline, serializeBaseline } from '../../baseline';
import { check } from '../../check';
import { InputError } from '../../errors';
import { formats } from '../../load';
import type { CommandContext } from '../io';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function baselineCommand({ io, exit }: CommandContext): Command {
  const create = new Command('create')
    .description('record the current findings so `check --baseline` blocks only new ones')
    .argument('<paths...>', 'the same inputs `check` takes')
    .requiredOption('-o, --output <file>', 'baseline file to write (JSON)')
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices([...formats]))
    .option('-c, --config <file>', 'config file (JSON), as for check')
    .option('--today <date>', 'date (YYYY-MM-DD) waivers expire against; defaults to today (UTC)')
    .action(async (paths: string[], opts: { output: string; inputFormat?: string; config?: string; today?: string }) => {
      if (opts.today && !DATE.test(opts.today)) throw new InputError(`--today must be YYYY-MM-DD, got "${opts.today}"`);
      const { decision } = await check(paths, { inputFormat: opts.inputFormat, configPath: opts.config, today: opts.today });
      const baseline = createBaseline(decision);
      try {
        mkdirSync(dirname(opts.output), { recursive: true });
        writeFileSync(opts.output, serializeBaseline(baseline));
      } catch (err) {
        throw new InputError(`--output ${opts.output}: cannot write (${err instanceof Error ? err.message : String(err)})`);
      }
      io.stderr(`leakguard: baseline of ${baseline.findings.length} finding(s) written to ${opts.output}\n`);
      exit(0);
    });
  return new Command('baseline').description('accept the findings of today so pull requests are blocked only by new ones').addCommand(create.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
}
