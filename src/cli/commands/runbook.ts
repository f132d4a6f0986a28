import { Command } from 'commander';
import { check } from '../../check';
import { loadHistory } from '../../drift/history';
import { InputError } from '../../errors';
import { loadCatalog, type RuleInfo } from '../../evaluate/catalog';
import { applyGate } from '../../evaluate/gate';
import { renderRunbook, type ExposureWindow } from '../../report/runbook';
import type { Finding } from '../../types/decision';
import { configOf, withConfigOptions } from '../config-option';
import type { CommandContext } from '../io';

interface RunbookFlags {
  input: string[];
  history?: string;
  config?: string | boolean;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;
const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function runbookCommand({ io }: CommandContext): Command {
  const cmd = new Command('runbook')
    .description('print the containment runbook of a rule, filled in with the identifiers of its findings in --input')
    .argument('<rule-or-fingerprint>', 'a rule id, or a finding fingerprint (from the JSON or SARIF report) with --input')
    .option('-i, --input <path>', 'what to check for the finding (cdktf.out, plan/state JSON or HCL folder); repeatable', collect, [])
    .option('--history <file>', 'drift history (leakguard drift --history): the exposure window of each finding');
  return withConfigOptions(cmd).action(async (target: string, opts: RunbookFlags) => {
    const catalog = loadCatalog();
    const byFingerprint = FINGERPRINT.test(target);
    let rule: RuleInfo | undefined = catalog.find((r) => r.id === target);
    if (!rule && !byFingerprint) throw new InputError(`unknown rule "${target}" (and not a 64-hex finding fingerprint); see \`leakguard rules\``);
    if (byFingerprint && opts.input.length === 0) throw new InputError('a finding fingerprint needs --input <path> to find the finding in');
    if (rule && !rule.runbook) throw new InputError(`${rule.id} has no containment runbook; rules with one: ${catalog.filter((r) => r.runbook).map((r) => r.id).join(', ')}`);
    if (opts.input.length === 0) {
      io.stdout(renderRunbook(rule!).text);
      return;
    }
    const config = configOf(opts);
    const result = await check(opts.input, { configPath: config.file ?? undefined, configOrigin: config.origin });
    const { input } = result;
    // The gate gives each finding the fingerprint every report shows.
    const decision = applyGate(result.decision, input);
    const matches = (f: Finding) => (byFingerprint ? f.fingerprint === target : f.rule_id === target);
    const findings = decision.findings.filter(matches);
    if (byFingerprint) {
      if (findings.length === 0) throw new InputError(`no finding with fingerprint ${target} in ${opts.input.join(', ')}`);
      rule = catalog.find((r) => r.id === findings[0].rule_id)!;
      if (!rule.runbook) throw new InputError(`the finding's rule ${rule.id} has no containment runbook`);
    }
    if (findings.length === 0) {
      io.stderr(`leakguard runbook: no ${rule!.id} finding in ${opts.input.join(', ')}; printing the runbook with placeholders\n`);
      io.stdout(renderRunbook(rule!).text);
      return;
    }
    const history = opts.history ? loadHistory(opts.history, new Date().toISOString()).history : undefined;
    const windowOf = (f: Finding): ExposureWindow | undefined => {
      // History keys: the finding's fingerprint, or `finding:<rule>:<key>` in version-1 files.
      const seen = history?.items[f.fingerprint ?? ''] ?? history?.items[`finding:${f.rule_id}:${f.resource.key}`];
      return seen ? { start: seen.first_seen, end: seen.last_seen } : undefined;
    };
    io.stdout(findings.map((f) => renderRunbook(rule!, { finding: f, resource: input.resources[f.resource.key], input, window: windowOf(f) }).text).join('\n'));
  });
}
