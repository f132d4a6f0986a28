import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const EVALUATING = /^(check|drift|baseline|fix)$/;

/**
 * Runs the CLI in-process with captured output. Hermetic: unless a test passes --config or
 * --no-config itself, --no-config keeps the repository's own leakguard.config.json (the example
 * shop's, discovered from the working directory) out of tests about something else.
 */
export async function run(...argv: string[]): Promise<Run> {
  // `drift merge` and `drift not-checked` read reports, never a config.
  const evaluating = EVALUATING.test(argv[0] ?? '') && !(argv[0] === 'drift' && /^(merge|not-checked)$/.test(argv[1] ?? ''));
  return runDiscovering(...(evaluating && !argv.some((a) => /^(-c|--config|--no-config)(=|$)/.test(a)) ? [...argv, '--no-config'] : argv));
}

/** Runs the CLI in-process exactly as given: config discovery applies. */
export async function runDiscovering(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'leakguard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → content; objects are JSON-encoded) under a fresh temp folder. */
export function writeTree(files: Record<string, string | object>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

export const PLANS = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'plans');
export const DRIFT = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'drift');
