import type { Finding, WaiverResult } from '../types/decision';
import { byExposure, exposureNote } from './exposure';
import { fixOf, markdownFix } from './fixes';
import { displayPath, LineIndex, locate } from './locate';
import { configLine } from './config-line';
import { evidenceNote, notCheckedNote, overridesNote } from './notes';
import { uncoveredLine, verdictOf } from './verdict';
import type { Formatter, ReportContext } from './types';

/** A bot finds and updates its own comment by this marker instead of posting a new one. */
export const MARKER = '<!-- leakguard-report -->';
/** GitHub rejects issue and PR comments longer than this (characters). */
export const COMMENT_LIMIT = 65536;

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** Safe inside Markdown and HTML blocks (messages can hold `<`, `|`, `*`); `_` is left alone: GFM ignores it inside words. */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*[\]|])/g, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
}

/** Inline code that survives backticks inside (Terraform addresses rarely, messages sometimes). */
function code(text: string): string {
  const clean = text.replace(/\s*\n\s*/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${clean}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/**
 * Appends blocks while they fit under the limit, keeping room for the closing parts that
 * must always be written (a truncation note, `</details>`).
 */
class Budget {
  readonly parts: string[] = [];
  private used = 0;
  omitted = 0;
  constructor(private readonly limit: number) {}
  add(text: string, reserve = 0): boolean {
    if (this.used + text.length + reserve > this.limit) return false;
    this.parts.push(text);
    this.used += text.length;
    return true;
  }
  /** Always written; callers reserve room for it beforehand. */
  force(text: string): void {
    this.parts.push(text);
    this.used += text.length;
  }
}

// Room kept for the truncation note and the closing tags of an open section.
const RESERVE = 600;

function where(f: Finding, ctx: ReportContext, lines: LineIndex): string {
  const loc = locate(f, lines);
  const file = displayPath(loc.file, ctx.cwd);
  return `${code(loc.line ? `${file}:${loc.line}` : file)}${loc.constructPath ? ` (construct ${code(loc.constructPath)})` : ''}`;
}

function sev(f: Finding): string {
  return `**${f.severity.toUpperCase()}**`;
}

function summaryTable(findings: Finding[]): string {
  const controls = [...new Set(findings.map((f) => f.control))].sort();
  const row = (label: string, fs: Finding[]): string =>
    `| ${label} | ${SEVERITIES.map((s) => fs.filter((f) => f.severity === s).length).join(' | ')} | ${fs.filter((f) => f.blocking).length} | ${fs.filter((f) => f.waived).length} | ${fs.filter((f) => !f.blocking && !f.waived).length} |`;
  return [
    '| Control | Critical | High | Medium | Low | Blocking | Waived | Not blocking |',
    '|:--|--:|--:|--:|--:|--:|--:|--:|',
    ...controls.map((c) => row(code(c), findings.filter((f) => f.control === c))),
    row('**Total**', findings),
  ].join('\n');
}

const ORDER = (a: Finding, b: Finding): number =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.rule_id.localeCompare(b.rule_id) || a.resource.key.localeCompare(b.resource.key);

function blockingItem(f: Finding, ctx: ReportContext, lines: LineIndex): string {
  return [
    `- ${sev(f)} ${code(f.rule_id)}${f.baseline === 'new' ? ' (new)' : ''} on ${code(f.resource.address)} in stack ${code(f.resource.stack)}`,
    `  ${escape(f.message)}`,
    `  at ${where(f, ctx, lines)}`,
    ...(exposureNote(ctx.exposure?.get(f.resource.key)) ? [`  **${escape(exposureNote(ctx.exposure?.get(f.resource.key)))}**`] : []),
    `  **Fix:** ${escape(f.remediation)}`,
    '',
  ].join('\n') + (fixOf(f, ctx.fixes) ? `\n${markdownFix(fixOf(f, ctx.fixes)!)}` : '');
}

function otherItem(f: Finding): string {
  const why = f.gate
    ? f.gate.map(escape).join('; ')
    : f.override
      ? `${f.enforcement} by override ${escape(f.override.set_by)}, default ${f.override.default}`
      : `${f.enforcement} enforcement`;
  return `- ${sev(f)} ${code(f.rule_id)} on ${code(f.resource.key)}: ${escape(f.message)} _(${why})_\n`;
}

function waivedItem(f: Finding): string {
  const w = f.waiver;
  return `- ${sev(f)} ${code(f.rule_id)} on ${code(f.resource.key)}: waived by ${escape(w?.owner ?? '?')} until ${escape(w?.expires ?? '?')}${w?.ticket ? ` (${escape(w.ticket)})` : ''}: ${escape(w?.reason ?? '')}\n`;
}

const WAIVER_NOTE: Record<WaiverResult['status'], string> = {
  applied: 'waives',
  expired: 'expired, no longer waives: renew it or fix the finding',
  refused: 'refused: the rule is hard-enforced and cannot be waived',
  unused: 'matches no finding: remove it',
};

export const markdownFormatter: Formatter = {
  name: 'markdown',
  description: `Pull-request comment (Markdown, under ${COMMENT_LIMIT} characters, marked ${MARKER})`,
  render(ctx) {
    const { decision } = ctx;
    const s = decision.summary;
    const lines = new LineIndex();
    const out = new Budget(COMMENT_LIMIT);
    const ranked = byExposure(ctx.exposure);
    const blocking = decision.findings.filter((f) => f.blocking).sort((a, b) => ranked(a, b) || ORDER(a, b));
    const waived = decision.findings.filter((f) => f.waived).sort(ORDER);
    const other = decision.findings.filter((f) => !f.blocking && !f.waived).sort(ORDER);
    const attention = decision.waivers.filter((w) => w.status !== 'applied');
    const fixed = decision.fixed ?? [];
    let shown = 0;
    const total = decision.findings.length + attention.length + fixed.length;

    const verdict = {
      BLOCKED: '❌ Leakguard blocked this change',
      'NOT CHECKED': '⚠️ Leakguard checked nothing: no rule covers these resources',
      'PASSED ONLY BY OVERRIDES': `⚠️ Leakguard passed only because enforcement overrides made ${s.silenced_by_overrides} finding(s) non-blocking`,
      PASSED: '✅ Leakguard passed',
    }[verdictOf(s)];
    const uncovered = uncoveredLine(s);
    const gate = decision.gate;
    const overrides = overridesNote(decision);
    out.force(
      [
        MARKER,
        `## ${verdict}`,
        '',
        `**${s.blocking} blocking** of ${s.findings} finding(s) over ${s.resources} resource(s) · ${s.waived} waived · ${s.advisory} advisory` +
          (gate?.baseline
            ? ` · baseline: ${gate.baseline.new} new, ${gate.baseline.existing} existing` +
              (gate.baseline.existing_hard > 0 ? ` (${gate.baseline.existing_hard} of hard rules, still blocking)` : '') +
              `, ${gate.baseline.fixed} fixed`
            : '') +
          (gate?.changed_only ? ` · ${gate.changed_only.unblocked} on unchanged resources not blocking (changed-only)` : ''),
        ...(configLine(decision.config) ? ['', `<sub>${escape(configLine(decision.config)!)}</sub>`] : []),
        '',
        ...(overrides ? [`> [!WARNING]\n> ${escape(overrides)}`, ''] : []),
        ...(uncovered ? [`⚠️ ${uncovered}`, ''] : []),
        ...(notCheckedNote(decision) ? [`> [!WARNING]\n> ${escape(notCheckedNote(decision)!)}\n${decision.not_checked!.map((m) => `> - ${escape(m)}`).join('\n')}`, ''] : []),
        ...(decision.evidence ? [`<sub>${escape(evidenceNote(decision)!)}</sub>`, ''] : []),
        ...(decision.findings.length > 0 ? [summaryTable(decision.findings), ''] : ['No findings.', '']),
        '',
      ].join('\n'),
    );

    const section = (title: string, items: string[], opts: { details?: boolean } = {}): void => {
      if (items.length === 0) return;
      const open = opts.details ? `<details><summary>${title}</summary>\n\n` : `### ${title}\n\n`;
      const close = opts.details ? '\n</details>\n\n' : '\n';
      if (!out.add(open, close.length + RESERVE)) {
        out.omitted += items.length;
        return;
      }
      for (const item of items) {
        if (out.omitted === 0 && out.add(item, close.length + RESERVE)) shown++;
        else out.omitted++;
      }
      out.force(close);
    };

    section(`❌ Blocking findings (${blocking.length})`, blocking.map((f) => blockingItem(f, ctx, lines)));
    section(`⚠️ Waivers needing attention (${attention.length})`, attention.map((w) => {
      const target = w.matched.length > 0 ? w.matched.map(code).join(', ') : code(w.waiver.resource ?? '(construct)');
      return `- **${w.status}** ${code(w.waiver.rule)} on ${target}: ${WAIVER_NOTE[w.status]}. Owner ${escape(w.waiver.owner)}, expires ${escape(w.waiver.expires)}: ${escape(w.waiver.reason)}\n`;
    }));
    section(`Not blocking (${other.length})`, other.map(otherItem), { details: true });
    section(`Waived findings (${waived.length})`, waived.map(waivedItem), { details: true });
    section(`🎉 Fixed since the baseline (${fixed.length})`, fixed.map((e) => `- ${code(e.rule_id)} on ${code(e.resource)}\n`), { details: true });

    if (out.omitted > 0) {
      out.force(
        `> [!NOTE]\n> Truncated: ${out.omitted} of ${total} item(s) not shown to stay under GitHub's ${COMMENT_LIMIT}-character comment limit. ` +
          `Blocking findings come first; the SARIF, JUnit or JSON report has every finding.\n\n`,
      );
    }
    out.force(`<sub>Leakguard · ${shown} of ${total} item(s) shown</sub>\n`);
    return out.parts.join('');
  },
};
