import { resolve } from 'node:path';
import { InputError } from '../errors';
import type { Formatter } from './types';

/** `--format` and `--output` as they appeared on the command line, in order. */
export type TargetToken = { option: 'format'; value: string } | { option: 'output'; value: string };

export interface ReportTarget<F extends { name: string } = Formatter> {
  formatter: F;
  /** undefined (or `-`): stdout. */
  output?: string;
}

/**
 * Pairs formats with output files. `--format F=FILE` names both at once; otherwise an
 * `--output` belongs to the `--format` right before it. A lone `--output` with a lone
 * `--format` pair in either order. Anything else that could be read two ways is refused.
 * `lookup` finds a format by name; `fallback` is the format when none is given.
 */
export function pairTargets<F extends { name: string }>(tokens: TargetToken[], lookup: (name: string) => F, fallback: string): Array<ReportTarget<F>> {
  const targets: Array<ReportTarget<F>> = [];
  const early: string[] = [];
  for (const t of tokens) {
    if (t.option === 'format') {
      const eq = t.value.indexOf('=');
      const name = eq < 0 ? t.value : t.value.slice(0, eq);
      const file = eq < 0 ? undefined : t.value.slice(eq + 1);
      if (file === '') throw new InputError(`--format ${t.value}: no file after "="`);
      targets.push({ formatter: lookup(name), ...(file ? { output: file } : {}) });
      continue;
    }
    const last = targets[targets.length - 1];
    if (!last) early.push(t.value);
    else if (last.output !== undefined) {
      throw new InputError(`--output ${t.value}: --format ${last.formatter.name} already writes to ${last.output}; put each --output right after its --format`);
    } else last.output = t.value;
  }
  if (early.length > 0) {
    if (early.length > 1 || targets.length > 1 || targets[0]?.output !== undefined) {
      throw new InputError(`--output ${early[0]} comes before any --format; put each --output right after its --format (or use --format name=file)`);
    }
    if (targets.length === 0) targets.push({ formatter: lookup(fallback) });
    targets[0].output = early[0];
  }
  if (targets.length === 0) targets.push({ formatter: lookup(fallback) });
  for (const t of targets) if (t.output === '-') delete t.output;

  const toStdout = targets.filter((t) => t.output === undefined);
  if (toStdout.length > 1) {
    throw new InputError(`--format ${toStdout.map((t) => t.formatter.name).join(' and --format ')} would all write to stdout; give all but one an --output file`);
  }
  const seen = new Map<string, string>();
  for (const t of targets) {
    if (t.output === undefined) continue;
    const abs = resolve(t.output);
    const other = seen.get(abs);
    if (other) throw new InputError(`--format ${other} and --format ${t.formatter.name} both write to ${t.output}`);
    seen.set(abs, t.formatter.name);
  }
  return targets;
}
