import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { judged, loadCompiledPolicy, ruleFacts, type CompiledPolicy, type PolicyData } from '../../src/evaluate/policy';
import type { Levelled } from '../../src/evaluate/judge';
import { opaBinary, policyDir, projectRoot } from '../../src/evaluate/paths';
import type { Decision } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

export const ROOT = projectRoot();
export const FIXTURES = join(__dirname, 'fixtures');
export const PLANS = join(ROOT, '..', 'shared', 'fixtures', 'plans');
export const CONTROLS_MD = join(ROOT, '..', 'shared', 'design', 'controls.md');

/** The data the engine passes besides the compiled rules: default config, no waivers, a fixed day. */
export const DATA: PolicyData = { config: {}, waivers: [], context: { today: '2026-01-01' } };

/** Each rule's failing input (test/policies/fixtures/<rule-id>.json), by rule id. */
export function ruleFixtures(): Array<[string, PolicyInput]> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [basename(f, '.json'), JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as PolicyInput]);
}

export function planFiles(): string[] {
  return readdirSync(PLANS).filter((f) => f.endsWith('.json')).sort();
}

/** A public plan/state file normalized exactly as `leakguard check` does. */
export async function planInput(file: string): Promise<PolicyInput> {
  return normalize(await loadPaths([join(PLANS, file)]));
}

let compiled: Promise<CompiledPolicy> | undefined;

/** build/policy/policy.wasm, checked against the sources (run `npm run build:policies` first). */
export function wasm(): Promise<CompiledPolicy> {
  compiled ??= loadCompiledPolicy();
  return compiled;
}

/** The same decision from the OPA CLI, straight from the Rego sources, judged with the same waivers. */
export function opaDecision(input: PolicyInput, data: PolicyData = DATA): Decision {
  const dir = mkdtempSync(join(tmpdir(), 'leakguard-opa-'));
  try {
    writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ config: data.config }));
    const out = execFileSync(
      opaBinary(),
      ['eval', '--format', 'json', '-d', policyDir(), '--ignore', '*_test.rego', '-d', join(dir, 'data.json'), '-i', join(dir, 'input.json'), 'data.leakguard.main.decision'],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    // As the engine takes the WASM's result: rule facts from the catalogue, then waivers.
    return judged([{ result: JSON.parse(out).result[0].expressions[0].value as Levelled }], input, data, ruleFacts());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Key-sorted JSON with findings and waiver results in a fixed order (both are sets in Rego). */
export function canonical(decision: Decision): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v;
  const bySerialization = (xs: unknown[]): unknown[] => xs.map(sortKeys).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return JSON.stringify(sortKeys({ ...decision, findings: bySerialization(decision.findings), waivers: bySerialization(decision.waivers) }));
}
