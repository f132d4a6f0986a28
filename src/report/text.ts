import pc from 'picocolors';
import type { Finding, WaiverResult } from '../types/decision';
import { configLine } from './config-line';
import { byExposure, exposureNote } from './exposure';
import { displayPath, LineIndex, locate } from './locate';
import { baselineNote, evidenceNote, notCheckedNote, overridesNote } from './notes';
import type { Formatter, ReportContext } from './types';
import { uncoveredLine, verdictOf } from './verdict';

type Colors = ReturnType<typeof pc.createColors>;

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export const textFormatter: Formatter = {
  name: 'text',
  description: 'Human-readable, grouped by stack and control; colour only on a terminal',
  render(ctx) {
    const { decision, color } = ctx;
    const c = pc.createColors(color);
    const sev: Record<string, (s: string) => string> = { critical: (s) => c.bold(c.red(s)), high: c.red, medium: c.yellow, low: c.cyan };
    const lines: string[] = [];
    const where = new LineIndex();
    const ranked = byExposure(ctx.exposure);
    const sorted = [...decision.findings].sort((a, b) => ranked(a, b) || a.resource.address.localeCompare(b.resource.address));
    for (const [stack, inStack] of group(sorted, (f) => f.resource.stack)) {
      lines.push(c.bold(`stack ${stack}`));
      for (const [control, findings] of group(inStack, (f) => f.control)) {
        lines.push(`  ${c.underline(control)}`);
        for (const f of findings) lines.push(...finding(f, c, sev, ctx, where));
      }
      lines.push('');
    }
    if (decision.findings.length === 0) lines.push(c.green('No findings.'), '');
    lines.push(...waivers(decision.waivers, c));
    if (decision.fixed?.length) {
      lines.push(c.bold(`Fixed since the baseline (${decision.fixed.length})`));
      for (const e of decision.fixed) lines.push(`  ${c.green('fixed')}    ${e.rule_id} on ${e.resource}`);
      lines.push('');
    }
    const s = decision.summary;
    const word = verdictOf(s);
    const verdict = word === 'BLOCKED' ? c.red(c.bold(word)) : word === 'PASSED' ? c.green(c.bold(word)) : c.yellow(c.bold(word));
    lines.push(
      `${verdict}: ${s.findings} finding(s) over ${s.resources} resource(s): ${s.blocking} blocking, ${s.waived} waived, ${s.advisory} advisory` +
        ` (critical ${s.by_severity.critical ?? 0}, high ${s.by_severity.high ?? 0}, medium ${s.by_severity.medium ?? 0}, low ${s.by_severity.low ?? 0})`,
    );
    const uncovered = uncoveredLine(s);
    if (uncovered) lines.push(c.yellow(uncovered));
    const notChecked = notCheckedNote(decision);
    if (notChecked) lines.push(c.yellow(notChecked), ...decision.not_checked!.map((m) => c.yellow(`  ${m}`)));
    const gate = decision.gate;
    const overrides = overridesNote(decision);
    if (overrides) lines.push(s.silenced_by_overrides > 0 ? c.yellow(overrides) : overrides);
    const baseline = baselineNote(gate);
    if (baseline) lines.push(baseline);
    const evidence = evidenceNote(decision);
    if (evidence) lines.push(evidence);
    if (gate?.changed_only) lines.push(`changed-only: ${gate.changed_only.unblocked} finding(s) on resources the plan does not change are not blocking`);
    const config = configLine(decision.config);
    if (config) lines.push(c.dim(config));
    return lines.join('\n') + '\n';
  },
};

function state(f: Finding, c: Colors): string {
  const tags: string[] = [];
  if (f.baseline) tags.push(f.baseline);
  if (f.waived) tags.push('waived');
  else if (!f.blocking) tags.push(f.gate ? 'not blocking' : f.override ? `${f.enforcement} by override ${f.override.set_by}` : f.enforcement);
  return tags.length ? c.dim(` [${tags.join(', ')}]`) : '';
}

function finding(f: Finding, c: Colors, sev: Record<string, (s: string) => string>, ctx: ReportContext, lines: LineIndex): string[] {
  const loc = locate(f, lines);
  const at = loc.line ? `${displayPath(loc.file, ctx.cwd)}:${loc.line}` : displayPath(loc.file, ctx.cwd);
  const pad = '             ';
  const w = f.waiver;
  return [
    `    ${sev[f.severity](f.severity.toUpperCase().padEnd(8))} ${c.bold(f.rule_id)}${state(f, c)}  ${f.resource.address}`,
    `${pad}${f.message}`,
    c.dim(`${pad}at ${at}${loc.constructPath ? ` (construct ${loc.constructPath})` : ''}`),
    ...(exposureNote(ctx.exposure?.get(f.resource.key)) ? [c.magenta(`${pad}${exposureNote(ctx.exposure?.get(f.resource.key))}`)] : []),
    ...(w ? [c.dim(`${pad}waived: ${w.reason} (owner ${w.owner}, expires ${w.expires}${w.ticket ? `, ticket ${w.ticket}` : ''})`)] : []),
    ...(f.gate ?? []).map((n) => c.dim(`${pad}${n}`)),
    `${pad}${c.green('fix:')} ${f.remediation.replace(/\s*\n\s*/g, ' ')}`,
  ];
}

const WHY: Record<WaiverResult['status'], string> = {
  applied: 'waives',
  expired: 'expired: no longer waives; renew it or fix the finding',
  refused: 'refused: the rule is hard-enforced and cannot be waived',
  unused: 'unused: matches no finding; remove it',
};

function waivers(results: WaiverResult[], c: Colors): string[] {
  if (results.length === 0) return [];
  const colour: Record<WaiverResult['status'], (s: string) => string> = { applied: c.green, expired: c.yellow, refused: c.red, unused: c.yellow };
  const order = ['refused', 'expired', 'unused', 'applied'];
  const sorted = [...results].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const out = [c.bold(`Waivers (${results.length})`)];
  for (const r of sorted) {
    const w = r.waiver;
    const target = r.matched.length > 0 ? r.matched.join(', ') : (w.resource ?? '(construct)');
    out.push(`  ${colour[r.status](r.status.padEnd(8))} ${w.rule} on ${target}: ${WHY[r.status]}`);
    out.push(c.dim(`           "${w.reason}" (owner ${w.owner}, expires ${w.expires}${w.ticket ? `, ticket ${w.ticket}` : ''}${w.source ? `, from ${w.source}` : ''})`));
  }
  out.push('');
  return out;
}
