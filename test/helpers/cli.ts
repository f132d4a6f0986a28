import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function run(...argv: string[]): Promise<Run> {
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
