import { existsSync } from 'node:fs';
import { InputError } from '../errors';
import { readJson } from '../load/read-file';
import { fingerprintOf, findingFingerprint } from '../fingerprint';
import { schemaErrors } from '../normalize/validate';
import type { Baseline, BaselineEntry, Decision, Finding } from '../types/decision';

export function entryOf(f: Finding): BaselineEntry {
  return {
    fingerprint: f.fingerprint ?? findingFingerprint(f),
    rule_id: f.rule_id,
    resource: f.resource.key,
    severity: f.severity,
    message: f.message,
  };
}

/** Every current finding (waived ones too: a waiver can expire), sorted so files diff cleanly. */
export function createBaseline(decision: Decision): Baseline {
  const byPrint = new Map(decision.findings.map((f) => [entryOf(f).fingerprint, entryOf(f)]));
  const findings = [...byPrint.values()].sort((a, b) => a.rule_id.localeCompare(b.rule_id) || a.resource.localeCompare(b.resource));
  return { leakguard_baseline: '1', findings };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Reads and validates a baseline; anything wrong with it is the user's to fix (exit 2). */
export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) throw new InputError(`${path}: baseline file not found`);
  const doc = readJson(path, { what: 'baseline' });
  // The file format is a definition of the decision schema: one source of truth for both.
  const err = schemaErrors('decision', doc, '#/definitions/Baseline');
  if (err) throw new InputError(`${path}: not a Leakguard baseline: ${err} (create one with \`leakguard baseline create\`)`);
  const b = doc as Baseline;
  for (const [i, e] of b.findings.entries()) {
    if (e.fingerprint !== fingerprintOf(e.rule_id, e.resource)) {
      throw new InputError(`${path}: /findings/${i} fingerprint does not match its rule_id and resource (edited by hand?)`);
    }
  }
  return b;
}
