import { InputError } from '../../errors';
import type { DriftEstateReport, StackStatus } from '../../types/drift-estate';
import { barChart, esc } from './chart';
import { badge, htmlCharts, htmlPage, htmlSections, SEVERITY_COLOR, STATUS_COLOR } from './html';
import { cell, code, historyNote, ISSUE_MARKER, markdownSections } from './markdown';
import { estateSummaryLine, instant, STATUS_TITLE } from './words';

/** One formatter per estate report format; the exit code is decided by the merge, never here. */
export interface EstateFormatter {
  name: 'markdown' | 'json' | 'html';
  render(report: DriftEstateReport): string;
}

/** Resources are named by key (`stack/address`): an estate holds the same address in several stacks. */
const byKey = (d: { key: string }): string => d.key;

/** The notification target's wording, from the findings that carry a clock (every stack states it the same way). */
const targetNote = (r: DriftEstateReport): string => {
  const labels = [...new Set(r.findings.flatMap((f) => (f.notification_clock ? [f.notification_clock.label] : [])))];
  return labels.length > 0 ? `${labels.join('; ')}.` : 'Shown for findings on resources classified as personal data.';
};

/** One stack's status in words (the estate's own title for not-checked speaks of every stack). */
const stackTitle = (s: StackStatus): string => (s.status === 'not-checked' ? 'not checked' : STATUS_TITLE[s.status]);

const stackDetail = (s: StackStatus): string =>
  s.status === 'not-checked'
    ? (s.reason ?? '')
    : `${s.drifted ?? 0} drifted of ${s.resources ?? 0}, ${s.introduced_findings ?? 0} finding(s) introduced (${s.violating ?? 0} violating)`;

const markdown: EstateFormatter = {
  name: 'markdown',
  render(r) {
    const out: string[] = [ISSUE_MARKER, `## Leakguard drift report (estate): ${STATUS_TITLE[r.status]}`, ''];
    out.push(`**${estateSummaryLine(r)}**`, '');
    out.push(`Merged at ${instant(r.generated_at)} · severity **${r.severity}** · exit code ${r.exit_code}`, '');
    out.push('### Stacks', '', '| Stack | Status | Detail | Checked at |', '|---|---|---|---|');
    for (const s of r.stacks) {
      const status = s.status === 'not-checked' ? `**${stackTitle(s)}**` : stackTitle(s);
      out.push(`| ${code(s.stack)}${s.expected ? '' : ' (not expected)'} | ${status} | ${cell(stackDetail(s))} | ${s.generated_at ? instant(s.generated_at) : '—'} |`);
    }
    out.push('');
    if (r.summary.not_checked > 0) out.push('A stack that was not checked is not known to be clean: its open items stay open in the history and the run fails.', '');
    out.push(...markdownSections(r, targetNote(r), byKey));
    out.push(`<sub>${historyNote(r.history)}</sub>`, '');
    return out.join('\n');
  },
};

const html: EstateFormatter = {
  name: 'html',
  render(r) {
    const body: string[] = [];
    body.push(`<h1>Leakguard drift report (estate) ${badge(STATUS_TITLE[r.status], STATUS_COLOR[r.status])}</h1>`);
    body.push(`<div class="meta">Merged at ${esc(instant(r.generated_at))} · severity ${esc(r.severity)} · exit code ${r.exit_code}</div>`);
    body.push(`<p id="summary">${esc(estateSummaryLine(r))}</p>`);
    // A stack not checked has no count: its label says so rather than showing a clean-looking 0.
    const label = (s: StackStatus): string => (s.status === 'not-checked' ? `${s.stack} (NOT CHECKED)` : s.stack);
    const stacks = r.stacks.map((s) => [label(s), s.drifted ?? 0] as [string, number]);
    const colour = new Map(r.stacks.map((s) => [label(s), STATUS_COLOR[s.status]]));
    body.push(htmlCharts(r.summary).replace('</div>', `${barChart('Drifted resources by stack', stacks, (l) => colour.get(l) ?? '#868e96')}</div>`));
    body.push('<h2>Stacks</h2><table><tr><th>Stack</th><th>Status</th><th>Detail</th><th>Checked at</th></tr>');
    for (const s of r.stacks) {
      const sev = s.severity && s.status !== 'not-checked' ? ` ${badge(s.severity, SEVERITY_COLOR[s.severity])}` : '';
      body.push(`<tr><td><code>${esc(s.stack)}</code>${s.expected ? '' : ' (not expected)'}</td><td>${badge(stackTitle(s), STATUS_COLOR[s.status])}${sev}</td><td>${esc(stackDetail(s))}</td><td>${s.generated_at ? esc(instant(s.generated_at)) : '—'}</td></tr>`);
    }
    body.push('</table>');
    body.push(...htmlSections(r, targetNote(r), byKey));
    return htmlPage(`Leakguard drift report (estate): ${STATUS_TITLE[r.status]}`, body);
  },
};

const json: EstateFormatter = { name: 'json', render: (r) => JSON.stringify(r, null, 2) + '\n' };

export const estateFormatters: readonly EstateFormatter[] = [markdown, json, html];

export function estateFormatterFor(name: string): EstateFormatter {
  const f = estateFormatters.find((x) => x.name === name);
  if (!f) throw new InputError(`unknown format "${name}" (expected one of: ${estateFormatters.map((x) => x.name).join(', ')})`);
  return f;
}
