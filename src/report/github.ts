import type { Finding } from '../types/decision';
import { displayPath, LineIndex, locate } from './locate';
import { configLine } from './config-line';
import { evidenceNote, overridesNote } from './notes';
import type { Formatter } from './types';
import { uncoveredLine, verdictOf } from './verdict';

/** Workflow-command message: `%`, CR and LF would end or corrupt the command. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Workflow-command property value: additionally `:` and `,`, which separate properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(f: Finding, cwd: string | undefined, lines: LineIndex): string {
  const loc = locate(f, lines);
  const level = f.blocking ? 'error' : 'warning';
  const props = [`file=${escapeProperty(displayPath(loc.file, cwd))}`];
  if (loc.line) props.push(`line=${loc.line}`);
  const state = f.waived ? ' [waived]' : f.blocking ? '' : f.gate ? ' [not blocking]' : ` [${f.enforcement}]`;
  props.push(`title=${escapeProperty(`${f.rule_id}${state}: ${f.title}`)}`);
  const why = f.waived && f.waiver ? `\nWaived: ${f.waiver.reason} (owner ${f.waiver.owner}, expires ${f.waiver.expires})` : '';
  const gate = f.gate ? `\n${f.gate.join('\n')}` : '';
  const message = `${f.message} [${f.resource.key}]${why}${gate}\nFix: ${f.remediation}`;
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

/** GitHub Actions annotations: errors for blocking findings, warnings for the rest. */
export const githubFormatter: Formatter = {
  name: 'github',
  description: 'GitHub Actions workflow-command annotations (::error/::warning)',
  render(ctx) {
    const lines = new LineIndex();
    const out = ctx.decision.findings.map((f) => annotation(f, ctx.cwd, lines));
    for (const w of ctx.decision.waivers.filter((x) => x.status !== 'applied')) {
      out.push(
        `::warning title=${escapeProperty(`waiver ${w.status}`)}::${escapeData(`${w.waiver.rule} on ${w.waiver.resource ?? '(construct)'} (owner ${w.waiver.owner}, expires ${w.waiver.expires}): ${w.waiver.reason}`)}`,
      );
    }
    const s = ctx.decision.summary;
    const config = configLine(ctx.decision.config);
    if (config) out.unshift(`::notice title=Leakguard config::${escapeData(config)}`);
    const overrides = overridesNote(ctx.decision);
    if (overrides) out.push(`::warning title=${escapeProperty('enforcement overrides')}::${escapeData(overrides)}`);
    const evidence = evidenceNote(ctx.decision);
    if (evidence) out.push(`::notice title=${escapeProperty('evidence chain head')}::${escapeData(evidence)}`);
    out.push(
      `::notice title=Leakguard::${escapeData(`${verdictOf(s)}: ${s.findings} finding(s), ${s.blocking} blocking, ${s.waived} waived, ${s.advisory} advisory`)}`,
    );
    const uncovered = uncoveredLine(s);
    if (uncovered) out.push(`::warning title=Leakguard coverage::${escapeData(uncovered)}`);
    for (const m of ctx.decision.not_checked ?? []) out.push(`::warning title=${escapeProperty('Leakguard not checked')}::${escapeData(m)}`);
    return out.join('\n') + '\n';
  },
};
