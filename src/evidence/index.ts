import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../errors';
import type { KeyObject } from 'node:crypto';
import { buildBundle, writeBundle, type EvidenceRun } from './bundle';
import { withLock } from './lock';
import { appendEntry, type LogEntry } from './log';

export const LOG_NAME = 'evidence-log.jsonl';

export interface Recorded {
  bundleDir: string;
  log: string;
  entry: LogEntry;
}

/**
 * Writes this run's bundle under `dir` and appends it to the hash-chained log (default
 * `dir/evidence-log.jsonl`), signed with `key` when given. Both happen under the log's lock,
 * so concurrent runs get distinct bundle folders and consecutive entries.
 */
export function recordEvidence(dir: string, run: EvidenceRun, logPath = join(dir, LOG_NAME), key: KeyObject | null = null): Recorded {
  try {
    mkdirSync(dir, { recursive: true });
    mkdirSync(dirname(logPath), { recursive: true });
  } catch (err) {
    throw new InputError(`--evidence ${dir}: cannot create the folder (${err instanceof Error ? err.message : String(err)})`);
  }
  const bundle = buildBundle(run);
  return withLock(logPath, () => {
    const written = writeBundle(dir, bundle, run.decision);
    const bundleDir = join(dir, written.folder);
    const entry = appendEntry(
      logPath,
      {
        timestamp: bundle.generated_at,
        bundle: relative(dirname(resolve(logPath)), resolve(bundleDir)).split('\\').join('/'),
        bundle_sha256: written.sha256,
        decision_sha256: bundle.decision_sha256,
        git_commit: bundle.git?.commit ?? null,
        exit_code: bundle.exit_code,
        findings: bundle.summary.findings,
        blocking: bundle.summary.blocking,
      },
      key,
    );
    return { bundleDir, log: logPath, entry };
  });
}

export { buildBundle, inputDigests, type EvidenceBundle, type EvidenceRun } from './bundle';
export { verifyLog, readLog, type Verdict } from './log';
export { keyId, newKeyPair, publicKey, signingKey, KEY_ENV, KEY_FILE_ENV } from './sign';
