import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { projectRoot } from '../evaluate/paths';
import { describe, InputError } from '../errors';
import { checkSettings } from '../settings';
import { commands } from './commands';
import { processIo, type Io } from './io';

export type { Io } from './io';

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The whole command tree; each command reports its exit code through `exit`. */
export function buildProgram(io: Io, exit: (code: number) => void): Command {
  const program = new Command('leakguard')
    .description('Policy-as-code guardrails that stop cloud data leaks before terraform apply')
    .version(packageVersion(), '-V, --version', 'print the Leakguard version')
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  // Options belong to the command they follow (`drift --format` and `drift merge --format`
  // differ), so every command accepts --debug; main reads it from argv.
  program.enablePositionalOptions();
  // Subcommands of subcommands (drift merge) too: Commander errors become exit 2, output goes to io.
  const settle = (cmd: Command): Command => {
    for (const sub of cmd.commands) settle(sub);
    cmd.addOption(new Option('--debug').hideHelp());
    return cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  };
  for (const make of commands) program.addCommand(settle(make({ io, exit })));
  return program;
}

/** Runs the CLI and returns the exit code: 0 pass · 1 blocked · 2 usage or input error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (c) => (code = c));

  try {
    checkSettings();
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
