import pc from 'picocolors';
import type { Finding } from '../types/decision';
import type { Formatter } from './types';

const ORDER = ['critical', 'high', 'medium', 'low'];

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    m.set(k, [...(m.get(k) ?? []), i]);
  }
  return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export const textFormatter: Formatter = {
  name: 'text',
  description: 'Human-readable, grouped by stack and control',
  render({ decision, color }) {
    const c = pc.createColors(color);
    const sev: Record<string, (s: string) => string> = { critical: c.red, high: c.red, medium: c.yellow, low: c.cyan };
    const lines: string[] = [];
    const sorted = [...decision.findings].sort(
      (a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) || a.resource.address.localeCompare(b.resource.address),
    );
    for (const [stack, inStack] of group(sorted, (f) => f.resource.stack)) {
      lines.push(c.bold(`stack ${stack}`));
      for (const [control, findings] of group(inStack, (f) => f.control)) {
        lines.push(`  ${c.underline(control)}`);
        for (const f of findings) lines.push(...finding(f, c, sev));
      }
      lines.push('');
    }
    for (const w of decision.waivers.filter((x) => x.status !== 'applied')) {
      lines.push(c.yellow(`waiver ${w.status}: ${w.waiver.rule} on ${w.waiver.resource ?? '(construct)'} (owner ${w.waiver.owner}, expires ${w.waiver.expires})`));
    }
    const s = decision.summary;
    const verdict = s.blocking > 0 ? c.red(c.bold('BLOCKED')) : c.green(c.bold('PASSED'));
    lines.push(
      `${verdict}: ${s.findings} finding(s) over ${s.resources} resource(s): ${s.blocking} blocking, ${s.waived} waived, ${s.advisory} advisory` +
        ` (critical ${s.by_severity.critical ?? 0}, high ${s.by_severity.high ?? 0}, medium ${s.by_severity.medium ?? 0}, low ${s.by_severity.low ?? 0})`,
    );
    return lines.join('\n') + '\n';
  },
};

function finding(f: Finding, c: ReturnType<typeof pc.createColors>, sev: Record<string, (s: string) => string>): string[] {
  const state = f.waived ? c.dim(' [waived]') : f.blocking ? '' : c.dim(` [${f.enforcement}]`);
  const where = f.resource.origin?.line ? `${f.resource.origin.file}:${f.resource.origin.line}` : f.resource.origin?.construct_path;
  return [
    `    ${sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${c.bold(f.rule_id)}${state}  ${f.resource.address}`,
    `             ${f.message}`,
    ...(where ? [c.dim(`             at ${where}`)] : []),
    `             ${c.green('fix:')} ${f.remediation.replace(/\s*\n\s*/g, ' ')}`,
  ];
}
