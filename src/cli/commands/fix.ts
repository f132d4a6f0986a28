import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { InputError } from '../../errors';
import { loadCatalog } from '../../evaluate/catalog';
import { fix, unifiedDiff, type FixResult } from '../../fix';
import { constructFixes, type ConstructFix } from '../../fix/cdktf';
import type { VarInput } from '../../load/hcl-evaluator';
import { configOf, withConfigOptions } from '../config-option';
import type { CommandContext } from '../io';

interface FixFlags {
  write?: boolean;
  rule: string[];
  control: string[];
  config?: string | boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** What was fixed, what the re-check found, and what is left to do by hand (stderr). */
function summary(r: FixResult, constructs: ConstructFix[]): string {
  const planned = r.plans.filter((p) => 'edits' in p);
  const lines = [`leakguard fix: ${planned.length} of ${r.plans.length} finding(s) have an HCL fix; edits to ${r.changes.filter((c) => c.after !== c.before).length} file(s)`];
  if (constructs.length > 0) lines.push(`${constructs.length} CDKTF finding(s): the construct to use is printed above, by construct path`);
  if (planned.length > 0) lines.push(`re-check of the edited files: ${r.recheck.gone.length} finding(s) gone, ${r.recheck.remaining.length} remain, ${r.recheck.introduced.length} new`);
  for (const f of r.recheck.introduced) lines.push(`  new: ${f.rule_id} ${f.resource.address}: ${f.message}`);
  const gone = new Set(r.recheck.gone);
  const stuck = planned.filter((p) => !gone.has(p.finding));
  for (const p of stuck) lines.push(`  fix did not clear ${p.finding.rule_id} ${p.finding.resource.address}: ${p.finding.message}`);
  // Why a fix changed nothing, for the blocks of the fixes that did not clear their finding.
  const blocks = new Set(stuck.flatMap((p) => p.edits.map(({ edit }) => `${edit.block} ${edit.labels.join('.')}:`)));
  for (const c of r.changes) for (const u of c.unapplied) if ([...blocks].some((b) => u.startsWith(b))) lines.push(`  ${c.file}: ${u}`);
  const suggested = new Set(constructs.map((c) => c.finding));
  const manual = r.plans.filter((p) => 'reason' in p && !suggested.has(p.finding));
  if (manual.length > 0) lines.push(`not fixed automatically (${manual.length}):`);
  for (const p of manual) if ('reason' in p) lines.push(`  ${p.finding.rule_id} ${p.finding.resource.address}: ${p.reason}`);
  return lines.join('\n') + '\n';
}

export function fixCommand({ io, exit }: CommandContext): Command {
  const vars: VarInput[] = [];
  const varOption = (flags: string, kind: VarInput['kind'], description: string) =>
    new Option(flags, description).argParser((value: string) => {
      if (kind === 'var' && !/^[^=]+=/.test(value)) throw new InputError(`--var "${value}": expected name=value`);
      vars.push({ kind, value });
      return value;
    });
  const cmd = new Command('fix')
    .description('print a unified diff that fixes every finding whose rule declares a fix (HCL folders); CDKTF: the construct option to use')
    .argument('<paths...>', 'HCL folder(s) or .tf file (CDKTF: cdktf.out, for construct suggestions)')
    .option('-w, --write', 'apply the edits to the files instead of printing the diff')
    .option('--rule <id>', 'only findings of this rule; repeatable', collect, [])
    .option('--control <id>', 'only findings of this control; repeatable', collect, [])
    .addOption(varOption('--var-file <file>', 'file', 'HCL folders: a .tfvars file of variable values; repeatable'))
    .addOption(varOption('--var <name=value>', 'var', 'HCL folders: a variable value, as terraform plan -var; repeatable'));
  return withConfigOptions(cmd).action(async (paths: string[], opts: FixFlags) => {
    const catalog = loadCatalog();
    for (const id of opts.rule) if (!catalog.some((r) => r.id === id)) throw new InputError(`--rule: unknown rule "${id}"; see \`leakguard rules\``);
    for (const id of opts.control) if (!catalog.some((r) => r.control === id)) throw new InputError(`--control: unknown control "${id}"`);
    const config = configOf(opts);
    const result = await fix(paths, { configPath: config.file ?? undefined, configOrigin: config.origin, vars, rules: opts.rule, controls: opts.control });
    for (const w of result.check.warnings) io.stderr(`leakguard: warning: ${w}\n`);
    const changed = result.changes.filter((c) => c.after !== c.before);
    if (opts.write) {
      for (const c of changed) writeFileSync(c.file, c.after);
      if (changed.length > 0) io.stderr(`leakguard fix: wrote ${changed.map((c) => c.file).join(', ')}\n`);
    } else {
      io.stdout(changed.map(unifiedDiff).join(''));
    }
    const constructs = constructFixes(result.plans, result.check.input, catalog);
    io.stdout(constructs.map((c) => c.text).join('\n'));
    io.stderr(summary(result, constructs));
    // Like check: 1 while a blocking finding of the selection survives the fix, or the fix adds one.
    const selected = new Set(result.plans.map((p) => p.finding));
    const blocked = result.recheck.remaining.some((f) => f.blocking && selected.has(f)) || result.recheck.introduced.some((f) => f.blocking);
    exit(blocked ? 1 : 0);
  });
}
