import { Command } from 'commander';
import { readExpected, readStackReport, reportFiles } from '../../drift/estate/read';
import { mergeReports } from '../../drift/estate/merge';
import { listStacks } from '../../drift/estate/stacks';
import { estateFormatterFor, estateFormatters } from '../../drift/format/estate';
import { estateSummaryLine } from '../../drift/format/words';
import { loadHistory, saveHistory } from '../../drift/history';
import { ISO_INSTANT } from '../../drift/time';
import { InputError } from '../../errors';
import { loadConfig } from '../../evaluate/config';
import { assertValid } from '../../normalize/validate';
import { pairTargets, type TargetToken } from '../../report/targets';
import type { NotCheckedReport } from '../../types/drift-estate';
import { configOf, withConfigOptions } from '../config-option';
import { formatOptions, writeOutput, type CommandContext } from '../io';

const nowOf = (now: string | undefined): string => {
  if (now && !ISO_INSTANT.test(now)) throw new InputError(`--now must be an ISO 8601 instant with a zone (2026-11-28T07:00:00Z), got "${now}"`);
  return new Date(now ?? Date.now()).toISOString();
};
const NOW_HELP = "the run's clock as an ISO 8601 instant (default: now), for reproducible reports";

/** `leakguard drift merge`: the per-stack reports of one run → one estate report, one history, one exit code. */
function mergeCommand({ io, exit }: CommandContext): Command {
  const tokens: TargetToken[] = [];
  const [format, output] = formatOptions(tokens, estateFormatters.map((f) => f.name), 'report format');
  return new Command('merge')
    .description('combine per-stack drift reports (leakguard drift --format json) into one estate report, history and exit code')
    .argument('[reports...]', 'per-stack JSON drift reports or not-checked reports; a folder stands for every .json file under it')
    .option('--expect <file>', 'the stacks that must have a report (leakguard drift stacks output, a JSON list of names, or a CDKTF manifest / cdktf.out folder); a missing one is not checked')
    .option('--history <file>', 'the estate\'s JSON history of first/last seen per finding, across runs and stacks (created if missing)')
    .addOption(format)
    .addOption(output)
    .option('--now <iso>', NOW_HELP)
    .option('--fail-on-drift', 'exit 1 on any drift, not only drift that introduces a violation')
    .action((paths: string[], opts: { expect?: string; history?: string; now?: string; failOnDrift?: boolean }) => {
      const now = nowOf(opts.now);
      const targets = pairTargets(tokens, estateFormatterFor, 'markdown');
      // Everything is read and checked before anything is written: bad input leaves the history untouched.
      const expected = opts.expect !== undefined ? readExpected(opts.expect) : undefined;
      const reports = reportFiles(paths).map(readStackReport);
      const history = loadHistory(opts.history, now);
      const { report, next } = mergeReports({ reports, expected, history, now, failOnDrift: Boolean(opts.failOnDrift) });
      assertValid('drift-estate', report);
      const rendered = targets.map((t) => ({ output: t.output, text: t.formatter.render(report) }));
      for (const r of rendered) if (r.output !== undefined) writeOutput(r.output, r.text);
      for (const r of rendered) if (r.output === undefined) io.stdout(r.text);
      if (history.path) saveHistory(history.path, next);
      io.stderr(`leakguard drift merge: ${estateSummaryLine(report)}\n`);
      exit(report.exit_code);
    });
}

/** `leakguard drift stacks`: the matrix of one CI job per stack, as one line of JSON. */
function stacksCommand({ io }: CommandContext): Command {
  const cmd = new Command('stacks')
    .description('list the estate\'s stacks as a JSON list, one CI job each: the stacks of cdktf.out folders and the config\'s drift.roots')
    .argument('[cdktf-out...]', 'cdktf.out folders (synthesized CDKTF apps)');
  return withConfigOptions(cmd).action(async (dirs: string[], opts: { config?: string | boolean }) => {
    const choice = configOf(opts);
    const list = await listStacks(dirs, loadConfig(choice.file ?? undefined), choice.file);
    assertValid('drift-estate', list, '#/definitions/StackList');
    io.stdout(JSON.stringify(list) + '\n');
  });
}

/** `leakguard drift not-checked`: what a stack's job leaves when it could not make its drift report. */
function notCheckedCommand({ io }: CommandContext): Command {
  return new Command('not-checked')
    .description('write the report of a stack whose drift could not be checked (its plan or drift failed): merge shows it as not checked')
    .requiredOption('--stack <name>', 'the stack')
    .requiredOption('--reason <text>', 'why it could not be checked (one line)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--now <iso>', NOW_HELP)
    .action((opts: { stack: string; reason: string; output?: string; now?: string }) => {
      const reason = opts.reason.replace(/\s+/g, ' ').trim();
      if (opts.stack.trim() === '' || reason === '') throw new InputError('--stack and --reason must not be empty');
      const doc: NotCheckedReport = { schema_version: '1', kind: 'not-checked', stack: opts.stack, generated_at: nowOf(opts.now), reason };
      assertValid('drift-estate', doc, '#/definitions/NotCheckedReport');
      const text = JSON.stringify(doc, null, 2) + '\n';
      if (opts.output) writeOutput(opts.output, text);
      else io.stdout(text);
    });
}

export const estateCommands = [mergeCommand, stacksCommand, notCheckedCommand];
