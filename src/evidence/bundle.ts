import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { parseJson, readBytes } from '../load/read-file';
import { join, relative } from 'node:path';
import { InputError } from '../errors';
import type { RuleInfo } from '../evaluate/catalog';
import { sha256 } from '../evaluate/manifest';
import { buildDir } from '../evaluate/paths';
import { toolVersion } from '../report/tool';
import type { Decision, Finding, Summary, Waiver } from '../types/decision';
import { canonicalJson } from './canonical';

export interface FileDigest {
  path: string;
  sha256: string;
  bytes: number;
}

export type RuleOutcome = 'pass' | 'fail' | 'waived';

export interface RuleEvidence {
  id: string;
  title: string;
  control: string;
  severity: string;
  cloud: string;
  legal: string[];
  audit_component: string;
  /** pass: no finding · waived: every finding waived · fail: at least one unwaived finding. */
  outcome: RuleOutcome;
  findings: number;
  blocking: number;
  waived: number;
  failing_resources: string[];
}

export interface Tally {
  rules: number;
  pass: number;
  fail: number;
  waived: number;
  findings: number;
}

export interface EvidenceBundle {
  schema: 'leakguard-evidence/1';
  /** The only field that differs between two runs over identical inputs. */
  generated_at: string;
  tool: { name: 'leakguard'; version: string };
  git: { commit: string } | null;
  inputs: FileDigest[];
  config: FileDigest | null;
  baseline: FileDigest | null;
  options: { today: string; changed_only: boolean };
  policy: { manifest_sha256: string; opa_version: string; wasm_sha256: string; entrypoint: string; rules_sha256: string };
  rules: RuleEvidence[];
  by_control: Record<string, Tally>;
  by_legal_reference: Record<string, Tally>;
  waivers: {
    applied: Array<Waiver & { matched: string[] }>;
    expired: Waiver[];
    refused: Waiver[];
    unused: Waiver[];
  };
  summary: Summary;
  gate: Decision['gate'] | null;
  exit_code: number;
  decision_sha256: string;
}

export interface EvidenceRun {
  decision: Decision;
  rules: RuleInfo[];
  paths: string[];
  configPath?: string;
  baselinePath?: string;
  today: string;
  changedOnly: boolean;
  exitCode: number;
  /** Where git is asked for the commit (the checkout being checked). */
  cwd: string;
  now?: Date;
  policyDir?: string;
}

// Input folders hold more than inputs (.terraform provider caches, node_modules): hash only these.
const INPUT_FILE = /\.(json|tf|tfvars|hcl)$/;

function digest(path: string): FileDigest {
  const data = readBytes(path);
  return { path, sha256: sha256(data), bytes: data.length };
}

/** Every input file, a folder expanded to the Terraform/JSON files below it, sorted. */
export function inputDigests(paths: string[]): FileDigest[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (INPUT_FILE.test(name)) files.push(p);
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
  return [...new Set(files)].sort().map(digest);
}

export function gitCommit(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{40,64}$/.test(out) ? out : null;
  } catch {
    return null;
  }
}

function outcomeOf(findings: Finding[]): RuleOutcome {
  if (findings.length === 0) return 'pass';
  return findings.every((f) => f.waived) ? 'waived' : 'fail';
}

function tally(into: Record<string, Tally>, key: string, r: RuleEvidence): void {
  const t = (into[key] ??= { rules: 0, pass: 0, fail: 0, waived: 0, findings: 0 });
  t.rules++;
  t[r.outcome]++;
  t.findings += r.findings;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export function buildBundle(run: EvidenceRun): EvidenceBundle {
  const dir = run.policyDir ?? buildDir();
  const manifestPath = join(dir, 'manifest.json');
  const rulesPath = join(dir, 'rules.json');
  if (!existsSync(manifestPath) || !existsSync(rulesPath)) throw new InputError(`no compiled policy at ${dir}; run \`npm run build:policies\``);
  const manifestBytes = readBytes(manifestPath, { own: true });
  const manifest = parseJson(manifestPath, manifestBytes.toString('utf8')) as { opa_version: string; wasm_sha256: string; entrypoint: string };

  const byRule = new Map<string, Finding[]>(run.rules.map((r) => [r.id, []]));
  for (const f of run.decision.findings) byRule.get(f.rule_id)?.push(f);
  const rules = run.rules
    .map((r): RuleEvidence => {
      const fs = byRule.get(r.id) ?? [];
      return {
        id: r.id,
        title: r.title,
        control: r.control,
        severity: r.severity,
        cloud: r.cloud,
        legal: r.legal,
        audit_component: r.audit_component,
        outcome: outcomeOf(fs),
        findings: fs.length,
        blocking: fs.filter((f) => f.blocking).length,
        waived: fs.filter((f) => f.waived).length,
        failing_resources: [...new Set(fs.filter((f) => !f.waived).map((f) => f.resource.key))].sort(),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const byControl: Record<string, Tally> = {};
  const byLegal: Record<string, Tally> = {};
  for (const r of rules) {
    tally(byControl, r.control, r);
    for (const l of r.legal) tally(byLegal, l, r);
  }
  const waivers = (status: string): Waiver[] => run.decision.waivers.filter((w) => w.status === status).map((w) => w.waiver);
  return {
    schema: 'leakguard-evidence/1',
    generated_at: (run.now ?? new Date()).toISOString(),
    tool: { name: 'leakguard', version: toolVersion() },
    git: ((c) => (c ? { commit: c } : null))(gitCommit(run.cwd)),
    inputs: inputDigests(run.paths),
    config: run.configPath ? digest(run.configPath) : null,
    baseline: run.baselinePath ? digest(run.baselinePath) : null,
    options: { today: run.today, changed_only: run.changedOnly },
    policy: {
      manifest_sha256: sha256(manifestBytes),
      opa_version: manifest.opa_version,
      wasm_sha256: manifest.wasm_sha256,
      entrypoint: manifest.entrypoint,
      rules_sha256: sha256(readBytes(rulesPath, { own: true })),
    },
    rules,
    by_control: sorted(byControl),
    by_legal_reference: sorted(byLegal),
    waivers: {
      applied: run.decision.waivers.filter((w) => w.status === 'applied').map((w) => ({ ...w.waiver, matched: w.matched })),
      expired: waivers('expired'),
      refused: waivers('refused'),
      unused: waivers('unused'),
    },
    summary: run.decision.summary,
    gate: run.decision.gate ?? null,
    exit_code: run.exitCode,
    decision_sha256: sha256(canonicalJson(run.decision)),
  };
}

/** A run's folder name: its UTC time, sortable; a suffix keeps two runs in one millisecond apart. */
function runFolder(root: string, at: string): string {
  const base = at.replace(/:/g, '-');
  let name = base;
  for (let i = 2; existsSync(join(root, 'runs', name)); i++) name = `${base}-${i}`;
  return join('runs', name);
}

export interface WrittenBundle {
  /** The bundle folder, relative to the evidence folder. */
  folder: string;
  bundle: EvidenceBundle;
  /** sha256 of evidence.json as written. */
  sha256: string;
}

/** Writes `<dir>/runs/<utc time>/{evidence.json,decision.json}`; earlier runs are kept. */
export function writeBundle(dir: string, bundle: EvidenceBundle, decision: Decision): WrittenBundle {
  const folder = runFolder(dir, bundle.generated_at);
  const abs = join(dir, folder);
  try {
    mkdirSync(abs, { recursive: true });
    const text = JSON.stringify(bundle, null, 2) + '\n';
    writeFileSync(join(abs, 'evidence.json'), text);
    writeFileSync(join(abs, 'decision.json'), JSON.stringify(decision, null, 2) + '\n');
    return { folder: relative(dir, abs).split('\\').join('/'), bundle, sha256: sha256(text) };
  } catch (err) {
    throw new InputError(`--evidence ${dir}: cannot write the bundle (${err instanceof Error ? err.message : String(err)})`);
  }
}
