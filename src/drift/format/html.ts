import type { DriftFinding, DriftReport } from '../../types/drift-report';
import { AGE_BUCKETS, duration } from '../time';
import { barChart, esc } from './chart';
import { changeNote, clockPhrase, exposurePhrase, instant, KIND_TEXT, recordsPhrase, STATUS_TITLE, summaryLine, valueText } from './words';
import type { DriftFormatter } from './types';
import type { Naming } from './markdown';
import { configLine } from '../../report/config-line';

export const SEVERITY_COLOR: Record<string, string> = { critical: '#b3261e', high: '#d9480f', medium: '#e8a317', low: '#1c7ed6', info: '#868e96', none: '#868e96' };
export const STATUS_COLOR: Record<DriftReport['status'] | 'not-checked', string> = { clean: '#2b8a3e', 'benign-drift': '#e8a317', 'violating-drift': '#b3261e', 'not-checked': '#5f3dc4' };

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#212529;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:4px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;text-transform:uppercase}
.meta{color:#495057;font-size:13px}#summary{font-size:16px;font-weight:600;margin:12px 0}
table{border-collapse:collapse;width:100%;margin:6px 0 14px}th,td{border:1px solid #dee2e6;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f5}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f3f5;padding:1px 3px;border-radius:3px}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts svg{border:1px solid #dee2e6;border-radius:6px;padding:8px;background:#fcfcfd}
.lbl,.val{font:12px system-ui,sans-serif;fill:#343a40}.ttl{font:600 13px system-ui,sans-serif;fill:#212529}
.note{color:#495057;font-size:12px}.exceeded{color:#b3261e;font-weight:600}`;

function findingRow(f: DriftFinding, name: Naming): string {
  const pii = f.classification.pii ? ` <span class="note">(${esc(String(f.classification.value))}${f.classification.via ? ` via ${esc(f.classification.via)}` : ''})</span>` : '';
  const clock = f.notification_clock ? `<span class="${f.notification_clock.exceeded ? 'exceeded' : ''}">${esc(clockPhrase(f))}</span>` : '—';
  return `<tr><td><span class="badge" style="background:${SEVERITY_COLOR[f.severity]}">${f.severity}</span></td><td><code>${esc(f.rule_id)}</code><br>${esc(f.message)}</td><td><code>${esc(name(f.resource))}</code>${pii}</td><td>${esc(exposurePhrase(f))}${recordsPhrase(f) ? `<br><span class="note">${esc(recordsPhrase(f))}</span>` : ''}</td><td>${clock}</td></tr>`;
}

/** The two bar charts: drifted resources by control and by age. */
export function htmlCharts(summary: Pick<DriftReport['summary'], 'by_control' | 'by_age'>): string {
  const controls = Object.entries(summary.by_control).sort(([a], [b]) => a.localeCompare(b));
  const ages = AGE_BUCKETS.map((b) => [b, summary.by_age[b] ?? 0] as [string, number]);
  return (
    `<div class="charts">${barChart('Drifted resources by control', controls.length > 0 ? controls : [['none', 0]], (l) => (l === 'none' ? '#adb5bd' : '#d9480f'))}` +
    `${barChart('Drifted resources by age (since first seen)', ages, () => '#1c7ed6')}</div>`
  );
}

/** The sections a stack's and an estate's page share (as markdownSections). */
export function htmlSections(r: Pick<DriftReport, 'findings' | 'resources' | 'resolved'>, footnote: string, name: Naming): string[] {
  const body: string[] = [];
  const introduced = r.findings.filter((f) => f.status === 'introduced');
  if (introduced.length > 0) {
    body.push('<h2>Policy findings introduced by drift</h2><table><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Exposure</th><th>Notification target*</th></tr>');
    body.push(...introduced.map((f) => findingRow(f, name)), '</table>');
    body.push(`<p class="note">* ${esc(footnote)}</p>`);
  }
  const books = r.findings.filter((f) => f.runbook);
  if (books.length > 0) {
    body.push('<h2>Containment runbooks</h2><p class="note">Evidence first, then containment, then verification. Leakguard never runs these commands.</p>');
    for (const f of books) body.push(`<details><summary><code>${esc(f.rule_id)}</code> on <code>${esc(name(f.resource))}</code></summary><pre>${esc(f.runbook!)}</pre></details>`);
  }
  if (r.resources.length > 0) {
    body.push('<h2>Drifted resources</h2>');
    for (const d of r.resources) {
      body.push(`<h3><code>${esc(name(d))}</code> <span class="badge" style="background:${SEVERITY_COLOR[d.severity]}">${d.severity}</span> <span class="note">${esc(KIND_TEXT[d.kind])}${d.violating ? ' · violating' : ''} · open ${esc(duration(d.exposure.open_hours))}</span></h3>`);
      if (d.changes.length > 0) {
        body.push('<table><tr><th>Attribute</th><th>Code / recorded</th><th>Live</th><th>Note</th></tr>');
        for (const c of d.changes) body.push(`<tr><td><code>${esc(c.path)}</code></td><td><code>${esc(valueText(c.before, 200))}</code></td><td><code>${esc(valueText(c.after, 200))}</code></td><td>${esc(changeNote(c))}</td></tr>`);
        body.push('</table>');
      }
    }
  }
  if (r.resolved.length > 0) {
    body.push('<h2>Resolved since the last run</h2><table><tr><th>What</th><th>First seen</th><th>Resolved</th><th>Open for</th></tr>');
    for (const x of r.resolved) body.push(`<tr><td><code>${esc(x.subject)}</code></td><td>${esc(instant(x.first_seen))}</td><td>${esc(instant(x.resolved_at))}</td><td>${esc(duration(x.open_hours))}</td></tr>`);
    body.push('</table>');
  }
  return body;
}

/** One self-contained page: inline CSS and SVG, no script, no external asset. */
export const htmlPage = (title: string, body: string[]): string =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;

export const badge = (text: string, color: string): string => `<span class="badge" style="background:${color}">${esc(text)}</span>`;

export const htmlFormatter: DriftFormatter = {
  name: 'html',
  description: 'One self-contained HTML page (inline CSS and SVG charts, no external assets)',
  render(r: DriftReport): string {
    const body: string[] = [];
    body.push(`<h1>Leakguard drift report ${badge(STATUS_TITLE[r.status], STATUS_COLOR[r.status])}</h1>`);
    const src = r.source.mode === 'plan' ? `plan ${r.source.plan ?? ''}` : `state ${r.source.state ?? ''} vs code ${r.source.config ?? ''}`;
    body.push(`<div class="meta">Stack <code>${esc(r.source.stack)}</code> · ${esc(src)} · run at ${esc(instant(r.generated_at))} · severity ${esc(r.severity)} · exit code ${r.exit_code}${configLine(r.config) ? ` · ${esc(configLine(r.config)!)}` : ''}</div>`);
    body.push(`<p id="summary">${esc(summaryLine(r))}</p>`);
    body.push(htmlCharts(r.summary));
    body.push(...htmlSections(r, `${r.settings.notification_target_label}.`, (d) => d.address));
    return htmlPage(`Leakguard drift report: ${STATUS_TITLE[r.status]}`, body);
  },
};
