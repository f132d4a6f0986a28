import type { DriftReport } from '../../types/drift-report';
import { duration } from '../time';
import { changeNote, clockPhrase, exposurePhrase, instant, KIND_TEXT, recordsPhrase, STATUS_TITLE, summaryLine, valueText } from './words';
import type { DriftFormatter } from './types';
import { configLine } from '../../report/config-line';

/** The marker the scheduled workflow finds its one issue by. */
export const ISSUE_MARKER = '<!-- leakguard-drift-report -->';

export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
export const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** What a drift section names a resource by: its address in one stack's report, its key (`stack/address`) in an estate's. */
export type Naming = (r: { address: string; key: string }) => string;

/** The notification target's footnote, from a stack's settings. */
export const targetNote = (s: DriftReport['settings']): string =>
  `${s.notification_target_label}. Shown for findings on resources classified ${s.pii_classifications.join('/')} (tag ${code(s.classification_tag)}).`;

/**
 * The sections a stack's and an estate's report share: introduced findings, runbooks, drifted
 * resources, resolved items and preexisting findings.
 */
export function markdownSections(r: Pick<DriftReport, 'findings' | 'resources' | 'resolved'>, footnote: string, name: Naming): string[] {
  const out: string[] = [];
  const introduced = r.findings.filter((f) => f.status === 'introduced');
  if (introduced.length > 0) {
    out.push('### Policy findings introduced by drift', '', '| Severity | Rule | Resource | Exposure | Notification target¹ |', '|---|---|---|---|---|');
    for (const f of introduced) {
      const pii = f.classification.pii ? ` (${f.classification.value}${f.classification.via ? ` via ${f.classification.via}` : ''})` : '';
      out.push(`| ${f.severity.toUpperCase()}${f.blocking ? '' : ` (${f.waived ? 'waived' : f.enforcement})`} | ${code(f.rule_id)}: ${cell(f.message)} | ${code(name(f.resource))}${pii} | ${cell([exposurePhrase(f), recordsPhrase(f)].filter(Boolean).join('; '))} | ${cell(clockPhrase(f) || '—')} |`);
    }
    out.push('', `¹ ${footnote}`, '');
  }

  const books = r.findings.filter((f) => f.runbook);
  if (books.length > 0) {
    out.push('### Containment runbooks', '', 'Evidence first, then containment, then verification. Leakguard never runs these commands.', '');
    for (const f of books) out.push(`<details><summary>${code(f.rule_id)} on ${code(name(f.resource))}</summary>`, '', '```text', f.runbook!.trimEnd(), '```', '', '</details>', '');
  }

  if (r.resources.length > 0) {
    out.push('### Drifted resources', '');
    for (const d of r.resources) {
      const flags = [KIND_TEXT[d.kind], d.severity, d.violating ? 'violating' : 'benign', d.classification.pii ? `classified ${d.classification.value}` : ''].filter(Boolean);
      out.push(`#### ${code(name(d))}: ${flags.join(' · ')}`, '', `Open ${duration(d.exposure.open_hours)} (first seen ${instant(d.exposure.first_seen)}).`, '');
      if (d.changes.length > 0) {
        out.push('| Attribute | Code / recorded | Live | Note |', '|---|---|---|---|');
        for (const c of d.changes) out.push(`| ${code(c.path)} | ${code(valueText(c.before))} | ${code(valueText(c.after))} | ${changeNote(c)} |`);
        out.push('');
      }
    }
  }

  if (r.resolved.length > 0) {
    out.push('### Resolved since the last run', '', '| What | First seen | Resolved | Open for |', '|---|---|---|---|');
    for (const x of r.resolved) out.push(`| ${code(x.subject)} | ${instant(x.first_seen)} | ${instant(x.resolved_at)} | ${duration(x.open_hours)} |`);
    out.push('');
  }

  const pre = r.findings.filter((f) => f.status === 'preexisting');
  if (pre.length > 0) {
    out.push(`<details><summary>${pre.length} finding(s) also in the code (not caused by drift; see leakguard check)</summary>`, '');
    for (const f of pre) out.push(`- ${f.severity.toUpperCase()} ${code(f.rule_id)} on ${code(name(f.resource))}`);
    out.push('', '</details>', '');
  }
  return out;
}

/** The history line every report ends with. */
export function historyNote(h: DriftReport['history']): string {
  return h.path ? `history ${code(h.path)} ${h.status}${h.migrated_from !== undefined ? ` from version ${h.migrated_from}` : ''}` : 'no history file (ages start at this run)';
}

export const markdownFormatter: DriftFormatter = {
  name: 'markdown',
  description: 'Markdown for an issue or PR comment (starts with the issue marker)',
  render(r: DriftReport): string {
    const out: string[] = [ISSUE_MARKER, `## Leakguard drift report: ${STATUS_TITLE[r.status]}`, ''];
    out.push(`**${summaryLine(r)}**`, '');
    const src = r.source.mode === 'plan' ? `plan ${code(r.source.plan ?? '')}${r.source.refresh_only ? ' (refresh-only)' : ''}` : `state ${code(r.source.state ?? '')} vs code ${code(r.source.config ?? '')}`;
    out.push(`Stack ${code(r.source.stack)} · ${src}${r.source.terraform_version ? ` · Terraform ${r.source.terraform_version}` : ''} · run at ${instant(r.generated_at)} · severity **${r.severity}** · exit code ${r.exit_code}`, '');
    const config = configLine(r.config);
    if (config) out.push(`<sub>${config}</sub>`, '');
    out.push(...markdownSections(r, targetNote(r.settings), (d) => d.address));
    out.push(`<sub>${historyNote(r.history)}${r.summary.unchanged_reports ? ` · ${r.summary.unchanged_reports} drift report(s) without any attribute change ignored` : ''}</sub>`, '');
    return out.join('\n');
  },
};
