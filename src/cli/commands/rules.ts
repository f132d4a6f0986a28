import { Command, Option } from 'commander';
import { InputError } from '../../errors';
import { loadCatalog, type RuleInfo } from '../../evaluate/catalog';
import type { CommandContext } from '../io';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

export function rulesCommand({ io }: CommandContext): Command {
  return new Command('rules')
    .description('list every rule: id, control, cloud, severity')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--control <id>', 'only rules of one control')
    .option('--cloud <cloud>', 'only rules of one cloud (aws, azure)')
    .action((opts: { format: string; control?: string; cloud?: string }) => {
      const rules = loadCatalog().filter((r) => (!opts.control || r.control === opts.control) && (!opts.cloud || r.cloud === opts.cloud));
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(rules.map(({ id, control, cloud, severity, title }) => ({ id, control, cloud, severity, title })), null, 2) + '\n');
        return;
      }
      io.stdout(table([['ID', 'CONTROL', 'CLOUD', 'SEVERITY', 'TITLE'], ...rules.map((r) => [r.id, r.control, r.cloud, r.severity, r.title])]));
    });
}

export function explain(rule: RuleInfo): string {
  const indent = (s: string) => s.trim().split('\n').map((l) => (l.trim() ? `  ${l}` : '')).join('\n');
  return [
    `${rule.id}: ${rule.title}`,
    `control ${rule.control} · ${rule.cloud} · severity ${rule.severity}${rule.construct ? ` · satisfied by the ${rule.construct} construct` : ''}`,
    '',
    'What it checks',
    indent(rule.description),
    '',
    'Why it matters for CCPA/CPRA',
    ...rule.legal.map((l) => `  - ${l}`),
    `  Audit component: ${rule.audit_component}`,
    '',
    'Remediation',
    indent(rule.remediation),
    ...(rule.example ? ['', 'Example fix', indent(rule.example)] : []),
    '',
    `Source: ${rule.file}`,
  ].join('\n') + '\n';
}

/** Rules whose id contains the query, else those sharing the longest id prefix. */
function suggestions(rules: RuleInfo[], query: string): RuleInfo[] {
  const containing = rules.filter((r) => r.id.includes(query));
  if (containing.length > 0) return containing.slice(0, 3);
  const common = (a: string) => {
    let i = 0;
    while (i < a.length && a[i] === query[i]) i++;
    return i;
  };
  const best = Math.max(0, ...rules.map((r) => common(r.id)));
  return best >= 4 ? rules.filter((r) => common(r.id) === best).slice(0, 3) : [];
}

export function explainCommand({ io }: CommandContext): Command {
  return new Command('explain')
    .description('explain one rule: what it checks, why it matters for CCPA, how to fix it')
    .argument('<rule-id>')
    .action((id: string) => {
      const rules = loadCatalog();
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const near = suggestions(rules, id);
        throw new InputError(`unknown rule "${id}"${near.length ? ` (did you mean ${near.map((r) => r.id).join(', ')}?)` : ''}; see \`leakguard rules\``);
      }
      io.stdout(explain(rule));
    });
}
