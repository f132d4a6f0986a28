import { Command, CommanderError, Option } from 'commander';
import { check, exitCodeOf } from '../check';
import { describe, InputError } from '../errors';
import { formats } from '../load';
import { formatterFor, formatters } from '../report';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Runs the CLI and returns the exit code: 0 pass · 1 blocked · 2 usage or input error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const program = new Command('leakguard')
    .description('Policy-as-code guardrails that stop cloud data leaks before terraform apply')
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('check')
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
      code = exitCodeOf(decision);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed its one-line message (or help/version).
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof InputError) {
      io.stderr(`leakguard: ${err.message}\n`);
      return 2;
    }
    io.stderr(`leakguard: internal error: ${describe(err)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return 2;
  }
}
