import { Command, Option } from 'commander';
import { check, exitCodeOf } from '../../check';
import { InputError } from '../../errors';
import { formats } from '../../load';
import { formatterFor, formatters } from '../../report';
import type { CommandContext } from '../io';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkCommand({ io, exit }: CommandContext): Command {
  return new Command('check')
    .description('check synthesized stacks, plans, state or HCL against every policy')
    .argument('<paths...>', 'cdktf.out folder, cdk.tf.json, plan/state JSON (terraform show -json) or HCL folder')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatters.map((f) => f.name)).default('text'))
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices([...formats]))
    .option('-c, --config <file>', 'config file (JSON): policy thresholds and waivers')
    .option('--today <date>', 'date (YYYY-MM-DD) waivers expire against; defaults to today (UTC)')
    .option('--no-color', 'never colour text output')
    .action(async (paths: string[], opts: { format: string; inputFormat?: string; config?: string; today?: string; color: boolean }) => {
      if (opts.today && !DATE.test(opts.today)) throw new InputError(`--today must be YYYY-MM-DD, got "${opts.today}"`);
      const formatter = formatterFor(opts.format);
      const { input, decision } = await check(paths, { inputFormat: opts.inputFormat, configPath: opts.config, today: opts.today });
      io.stdout(formatter.render({ decision, input, color: opts.color && io.isTTY }));
      exit(exitCodeOf(decision));
    });
}
