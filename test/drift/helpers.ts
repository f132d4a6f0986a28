import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriftReport } from '../../src/types/drift-report';
import { DRIFT, PLANS, run, tempDir, writeTree, type Run } from '../helpers/cli';

export { DRIFT, PLANS, run, tempDir, writeTree };

export const EMULATOR = join(__dirname, 'fixtures', 'emulator');
export const E2E_STACK = join(__dirname, '..', '..', 'scripts', 'drift-e2e', 'stack');

/** The secrets the emulator fixtures carry in plain text (plan JSON and raw state). */
export const SECRETS = ['LG-SECRET-before-7f3a9c', 'LG-SECRET-after-91be2d'];

export const NOW = '2026-11-28T08:00:00Z';

/** `leakguard drift … -f json` in-process, with the report parsed when there is one. */
export async function driftJson(...args: string[]): Promise<Run & { report: DriftReport }> {
  const r = await run('drift', ...args, '--format', 'json', ...(args.includes('--now') ? [] : ['--now', NOW]));
  return { ...r, report: r.code === 2 ? (undefined as unknown as DriftReport) : (JSON.parse(r.stdout) as DriftReport) };
}

/** The fixture's HCL (`main.tf.txt`) as a folder the HCL loader reads; `edit` rewrites it first. */
export function hclFromFixture(edit: (tf: string) => string = (tf) => tf): string {
  return writeTree({ 'main.tf': edit(readFileSync(join(DRIFT, 'main.tf.txt'), 'utf8')) });
}

/** The refreshed state inside a real plan (`prior_state`), written out as a `terraform show -json` state file. */
export function priorStateOf(planFile: string, edit: (state: Record<string, unknown>) => void = () => undefined): string {
  const plan = JSON.parse(readFileSync(planFile, 'utf8'));
  const state = plan.prior_state;
  edit(state);
  const file = join(tempDir('leakguard-drift-state-'), 'state.json');
  writeFileSync(file, JSON.stringify(state));
  return file;
}

export const byAddress = (r: DriftReport, address: string) => r.resources.find((d) => d.address === address);
export const introduced = (r: DriftReport) => r.findings.filter((f) => f.status === 'introduced');
