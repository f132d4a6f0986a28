import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleInfo } from '../evaluate/catalog';
import { findingFingerprint } from '../fingerprint';
import type { Finding, Severity } from '../types/decision';
import { displayPath, isScope, LineIndex, locate } from './locate';
import { toolVersion } from './tool';
import { fixOf, sarifFixes } from './fixes';
import type { Formatter, ReportContext } from './types';

// GitHub code scanning ranks alerts by `security-severity` (CVSS-like, 0–10).
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

const pascal = (id: string): string => id.split(/[^a-zA-Z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The catalogue entry of a rule, or one rebuilt from a finding (a rule the catalogue lacks). */
function rulesOf(ctx: ReportContext): RuleInfo[] {
  const byId = new Map(ctx.rules.map((r) => [r.id, r]));
  for (const f of ctx.decision.findings) {
    if (byId.has(f.rule_id)) continue;
    byId.set(f.rule_id, {
      id: f.rule_id,
      title: f.title,
      description: f.title,
      control: f.control,
      cloud: f.cloud,
      severity: f.severity,
      legal: f.legal,
      audit_component: f.audit_component,
      remediation: f.remediation,
      file: '',
    });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function descriptor(r: RuleInfo): object {
  const legal = r.legal.map((l) => `- ${l}`).join('\n');
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description.trim() },
    help: {
      text: `${r.description.trim()}\n\nRemediation: ${r.remediation.trim()}\n\nCCPA/CPRA:\n${legal}\nAudit component: ${r.audit_component}`,
      markdown:
        `**${r.title}**\n\n${r.description.trim()}\n\n**Remediation**\n\n${r.remediation.trim()}\n\n` +
        `**CCPA/CPRA**\n\n${legal}\n\nAudit component: ${r.audit_component}` +
        (r.construct ? `\n\nSatisfied by the \`${r.construct}\` construct.` : ''),
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['security', 'ccpa', r.control, r.cloud],
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: 'high',
      control: r.control,
      severity: r.severity,
      cloud: r.cloud,
      legal: r.legal,
      audit_component: r.audit_component,
      ...(r.construct ? { construct: r.construct } : {}),
      ...(r.file ? { source: r.file } : {}),
    },
  };
}

/** Inside the checkout: relative to %SRCROOT% (what code scanning maps to the repository); else a file: URI. */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, cwd);
  if (!isAbsolute(shown)) return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(resolve(cwd, file)).href };
}

function result(f: Finding, ruleIndex: number, cwd: string, lines: LineIndex, ctx: ReportContext): object {
  const loc = locate(f, lines);
  const waiver = f.waiver;
  const fix = fixOf(f, ctx.fixes);
  return {
    ruleId: f.rule_id,
    ruleIndex,
    level: f.blocking ? 'error' : f.waived ? 'note' : 'warning',
    message: { text: `${f.message}${f.gate ? ` (${f.gate.join('; ')})` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(loc.file, cwd),
          // Code scanning needs a line; a plan or stack without one points at its first line.
          region: { startLine: loc.line ?? 1 },
        },
        logicalLocations: [
          { name: f.resource.address, fullyQualifiedName: loc.constructPath ?? f.resource.key, kind: isScope(f) ? 'namespace' : 'resource' },
        ],
      },
    ],
    partialFingerprints: { 'leakguardFingerprint/v1': f.fingerprint ?? findingFingerprint(f) },
    ...(f.baseline ? { baselineState: f.baseline === 'new' ? 'new' : 'unchanged' } : {}),
    ...(waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${waiver.reason} (owner ${waiver.owner}, expires ${waiver.expires}${waiver.ticket ? `, ticket ${waiver.ticket}` : ''})`,
            },
          ],
        }
      : {}),
    properties: {
      resource: f.resource.key,
      resource_type: f.resource.type,
      stack: f.resource.stack,
      ...(f.resource.action ? { action: f.resource.action } : {}),
      severity: f.severity,
      control: f.control,
      enforcement: f.enforcement,
      blocking: f.blocking,
      waived: f.waived,
      ...(f.gate ? { gate: f.gate } : {}),
    },
    ...(fix ? { fixes: sarifFixes(fix, (file) => artifact(file, cwd)) } : {}),
  };
}

export const sarifFormatter: Formatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif)',
  render(ctx) {
    const cwd = ctx.cwd ?? process.cwd();
    const rules = rulesOf(ctx);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const lines = new LineIndex();
    const sarif = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Leakguard',
              version: toolVersion(),
              informationUri: 'https://leakguard.dev',
              rules: rules.map(descriptor),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + '/').href } },
          results: ctx.decision.findings.map((f) => result(f, index.get(f.rule_id)!, cwd, lines, ctx)),
          properties: {
            summary: ctx.decision.summary,
            overrides: ctx.decision.overrides ?? [],
            ...(ctx.decision.evidence ? { evidence: ctx.decision.evidence } : {}),
            ...(ctx.decision.gate ? { gate: ctx.decision.gate } : {}),
            ...(ctx.decision.config ? { config: ctx.decision.config } : {}),
            ...(ctx.decision.not_checked ? { not_checked: ctx.decision.not_checked } : {}),
          },
          // What the input could not show the rules, where SARIF viewers list a run's notices.
          ...(ctx.decision.not_checked
            ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: ctx.decision.not_checked.map((m) => ({ level: 'warning', message: { text: `not checked: ${m}` } })) }] }
            : {}),
        },
      ],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
  },
};
