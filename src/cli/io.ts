import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Option } from 'commander';
import { InputError } from '../errors';
import type { TargetToken } from '../report/targets';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: progress indicators go there, never into redirected logs. */
  stderrIsTTY?: boolean;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** A subcommand registers itself on the program and reports its exit code through `exit`. */
export interface CommandContext {
  io: Io;
  exit: (code: number) => void;
}

/** Options `check` and `baseline create` share: what names a stack, where a plan's code is. */
export const STACK_NAME_HELP = "the stack's own name (one input), instead of the name of the folder holding it; findings' identity (baselines, waivers, SARIF) is built from it";
export const SOURCE_DIR_HELP = "plans: the Terraform folder the plan was made from (default: .tf files beside the plan), to locate findings at .tf lines; names the stack too";

/** A report to its --output file (folders created); a file that cannot be written is the user's to fix. */
export function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (err) {
    throw new InputError(`--output ${file}: cannot write (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * `-f, --format <format[=file]>` and `-o, --output <file>`, each occurrence recorded in order
 * into `tokens` (Commander keeps repeated options apart; pairing needs their order).
 */
export function formatOptions(tokens: TargetToken[], names: string[], what = 'output format'): [Option, Option] {
  const record = (option: TargetToken['option']) => (value: string) => {
    tokens.push({ option, value });
    return value;
  };
  return [
    new Option('-f, --format <format[=file]>', `${what} (${names.join(', ')}); repeatable, each to stdout or to its --output / =file`).argParser(record('format')),
    new Option('-o, --output <file>', 'file for the --format just before it (`-` is stdout)').argParser(record('output')),
  ];
}
