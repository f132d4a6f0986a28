// Rule docs from rule METADATA: docs/rules.md (reference grouped by control) and
// docs/rules/index.json (machine-readable index). `--check` fails when either is stale.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { opaBinary, policyDir, projectRoot } from '../src/evaluate/paths';
import { deriveCoverage, renderCoverage } from './coverage';

/**
 * The control catalogue (design/controls.md, then this repository's docs/controls.md): the ids rules map to, in catalogue order.
 * `live`: a failure is a live exposure once applied (public storage, leaked or over-broad credentials, public databases and
 * their backups, open egress, disabled logging or detection, keys), so every rule of the control carries a containment runbook.
 */
export const CONTROLS: ReadonlyArray<{ id: string; title: string; live?: true }> = [
  { id: 'public-storage', title: 'Storage is never publicly readable or writable', live: true },
  { id: 'storage-encryption', title: 'PII at rest under customer-managed keys; TLS only in transit' },
  { id: 'object-access-logging', title: 'Object-level access is logged', live: true },
  { id: 'sas-token-scope', title: 'No long-lived, over-broad shared-access tokens', live: true },
  { id: 'iam-least-privilege', title: 'Identities get only what they need', live: true },
  { id: 'shared-identity', title: 'No identity shared across environments', live: true },
  { id: 'egress-restriction', title: 'No unrestricted egress to public endpoints', live: true },
  { id: 'log-retention', title: 'Logs holding customer data have bounded retention, encryption and masking' },
  { id: 'audit-logging-every-region', title: 'Audit trail in every region in use', live: true },
  { id: 'threat-detection', title: 'Threat detection on in every region', live: true },
  { id: 'backup-protection', title: 'Backups encrypted, retained, immutable and private', live: true },
  { id: 'api-input-validation', title: 'Public APIs validate input and sit behind a WAF' },
  { id: 'cdn-auth-caching', title: 'CDN never caches authenticated responses' },
  { id: 'third-party-script-control', title: 'Pages that take PII restrict third-party scripts (infrastructure-side mitigation only)' },
  { id: 'central-audit-correlation', title: 'Data access across services lands in one central log' },
  { id: 'data-classification', title: 'Every data store is classified and owned' },
  { id: 'forensic-readiness', title: 'Evidence is preserved with chain of custody' },
  { id: 'key-management', title: 'Keys are rotated and never world-usable', live: true },
  { id: 'secret-in-code', title: 'No credentials written into configuration', live: true },
];

export const CLOUDS = ['aws', 'azure'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** One rule as the docs and the index describe it (all facts from its METADATA). */
export interface RuleDoc {
  id: string;
  title: string;
  description: string;
  control: string;
  cloud: string;
  severity: string;
  legal: string[];
  audit_component: string;
  remediation: string;
  construct: string;
  /** A compliant Terraform HCL snippet (custom.example), shown by `leakguard explain`. */
  example: string;
  /** The data-store check this rule makes and the store types it makes it for (custom.data_stores). */
  data_stores?: Array<{ check: string; types: string[] }>;
  package: string;
  file: string;
}

interface Annotation {
  annotations: { title?: string; description?: string; scope?: string; custom?: Record<string, unknown> };
  location: { file: string };
  path: Array<{ type: string; value: string }>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Every package annotation that carries a rule id, sorted by id. */
export function readRules(root = projectRoot()): RuleDoc[] {
  const out = execFileSync(opaBinary(), ['inspect', '--annotations', '--format', 'json', relative(root, policyDir()) || 'policies'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const annotations = (JSON.parse(out).annotations ?? []) as Annotation[];
  return annotations
    .filter((a) => a.annotations.scope === 'package' && typeof a.annotations.custom?.id === 'string')
    .map((a) => {
      const c = a.annotations.custom ?? {};
      return {
        id: text(c.id),
        title: text(a.annotations.title),
        description: text(a.annotations.description),
        control: text(c.control),
        cloud: text(c.cloud),
        severity: text(c.severity),
        legal: Array.isArray(c.legal) ? c.legal.map(String) : [],
        audit_component: text(c.audit_component),
        remediation: text(c.remediation),
        construct: text(c.construct),
        example: text(c.example),
        ...dataStores(c.data_stores),
        package: a.path.slice(1).map((p) => p.value).join('.'),
        file: relative(root, join(root, a.location.file)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** custom.data_stores: one {check, types}, or a list of them for a rule that makes several checks. */
function dataStores(v: unknown): { data_stores?: RuleDoc['data_stores'] } {
  const entries = (Array.isArray(v) ? v : [v]).filter((d): d is { check?: unknown; types?: unknown } => Boolean(d) && typeof d === 'object');
  if (entries.length === 0) return {};
  return { data_stores: entries.map((d) => ({ check: text(d.check), types: Array.isArray(d.types) ? d.types.map(String) : [] })) };
}

/** The data-store catalogue (policies/lib/data_stores.rego). */
export interface DataStores {
  checks: string[];
  required: string[];
  types: Record<string, string>;
  not_applicable: Record<string, Record<string, string>>;
  known_gaps: Record<string, Record<string, string>>;
}

export function readDataStores(root = projectRoot()): DataStores {
  const out = execFileSync(opaBinary(), ['eval', '--format', 'json', '-d', join(policyDir(), 'lib', 'data_stores.rego'), 'data.leakguard.lib.data_stores'], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out).result[0].expressions[0].value as DataStores;
}

/** type → check → ids of the rules that make that check for that type. */
export function coverage(rules: RuleDoc[]): Map<string, Map<string, string[]>> {
  const byType = new Map<string, Map<string, string[]>>();
  for (const r of rules) {
    for (const d of r.data_stores ?? []) {
      for (const type of d.types) {
        const checks = byType.get(type) ?? byType.set(type, new Map()).get(type)!;
        checks.set(d.check, [...(checks.get(d.check) ?? []), r.id]);
      }
    }
  }
  return byType;
}

function renderDataStores(rules: RuleDoc[], stores: DataStores): string {
  const cov = coverage(rules);
  const lines = [
    '# Data stores × checks',
    '',
    '<!-- Generated by scripts/gen-docs.ts from policies/lib/data_stores.rego and the rules\' METADATA (custom.data_stores); do not edit. -->',
    '',
    `${Object.keys(stores.types).length} data-store resource types. Required for every type: ${stores.required.join(', ')}. ` +
      'A cell lists the rules that make the check; "n/a" and "gap" cells are explained below the table.',
    '',
    `| type | service | ${stores.checks.join(' | ')} |`,
    `|---|---|${stores.checks.map(() => '---').join('|')}|`,
  ];
  const types = Object.keys(stores.types).sort();
  for (const type of types) {
    const cells = stores.checks.map((check) => {
      const ids = cov.get(type)?.get(check) ?? [];
      if (ids.length > 0) return ids.sort().map((id) => `\`${id}\``).join(', ');
      if (stores.not_applicable[type]?.[check]) return 'n/a';
      if (stores.known_gaps[type]?.[check]) return 'gap';
      return '';
    });
    lines.push(`| \`${type}\` | ${stores.types[type]} | ${cells.join(' | ')} |`);
  }
  const notes = (title: string, m: Record<string, Record<string, string>>) => {
    const entries = Object.entries(m).flatMap(([type, checks]) => Object.entries(checks).map(([check, why]) => `- \`${type}\` ${check}: ${why}`));
    if (entries.length > 0) lines.push('', `${title}:`, '', ...entries.sort());
  };
  notes('Not applicable', stores.not_applicable);
  notes('Known gaps', stores.known_gaps);
  return lines.join('\n') + '\n';
}

const severityRank = (s: string): number => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

/** Markdown table cell: no pipes or line breaks. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function renderMarkdown(rules: RuleDoc[]): string {
  const lines: string[] = [
    '# Rules reference',
    '',
    '<!-- Generated by scripts/gen-docs.ts from the rules\' METADATA; do not edit. Regenerate with `npm run build && node dist/scripts/gen-docs.js`. -->',
    '',
    `${rules.length} rules across ${CONTROLS.length} controls. Severity sets the default enforcement (critical → hard, high and medium → soft, low → advisory; see [configuration](configuration.md)).`,
    'Every rule says in its description what it does with values unknown at plan time.',
    '',
  ];
  for (const control of CONTROLS) {
    const members = rules
      .filter((r) => r.control === control.id)
      .sort((a, b) => a.cloud.localeCompare(b.cloud) || severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
    lines.push(`## ${control.title}`, '', `Control \`${control.id}\`.`, '');
    if (members.length === 0) {
      lines.push('No rules yet.', '');
      continue;
    }
    lines.push('| Rule | Cloud | Severity | Title |', '|---|---|---|---|');
    for (const r of members) lines.push(`| [\`${r.id}\`](#${r.id}) | ${r.cloud} | ${r.severity} | ${cell(r.title)} |`);
    lines.push('');
    for (const r of members) {
      lines.push(
        `### ${r.id}`,
        '',
        `**${r.title}** — ${r.cloud}, ${r.severity}, control \`${r.control}\`.`,
        '',
        r.description,
        '',
        `- Legal: ${r.legal.join('; ')}`,
        `- Audit component: ${r.audit_component}`,
        `- Construct: \`${r.construct}\``,
        `- Source: [\`${r.file}\`](../${r.file}) (package \`${r.package}\`)`,
        '',
        'Remediation:',
        '',
        ...r.remediation.split('\n').map((l) => `> ${l}`.trimEnd()),
        '',
        'Example fix:',
        '',
        '```hcl',
        r.example,
        '```',
        '',
      );
    }
  }
  return lines.join('\n');
}

/** The generated files, path (relative to the project root) → content. */
export function generate(root = projectRoot()): Map<string, string> {
  const rules = readRules(root);
  return new Map([
    ['docs/data-stores.md', renderDataStores(rules, readDataStores(root))],
    ['docs/rules.md', renderMarkdown(rules)],
    ['docs/rules/index.json', JSON.stringify(rules, null, 2) + '\n'],
    ['policies/lib/coverage.rego', renderCoverage(deriveCoverage(join(root, 'policies')))],
  ]);
}

/** Files whose content on disk differs from what would be generated. */
export function staleFiles(root = projectRoot()): string[] {
  return [...generate(root)].filter(([path, content]) => {
    const file = join(root, path);
    return !existsSync(file) || readFileSync(file, 'utf8') !== content;
  }).map(([path]) => path);
}

function main(): void {
  const root = projectRoot();
  if (process.argv.includes('--check')) {
    const stale = staleFiles(root);
    if (stale.length > 0) {
      process.stderr.write(`gen-docs: stale ${stale.join(', ')}; run \`node dist/scripts/gen-docs.js\`\n`);
      process.exit(1);
    }
    return;
  }
  for (const [path, content] of generate(root)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    process.stderr.write(`wrote ${path}\n`);
  }
}

if (require.main === module) main();
