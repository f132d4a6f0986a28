import { sha256 } from './evaluate/manifest';

/**
 * The one identity of a finding or a drifted resource across runs, input forms and tools:
 * baselines, SARIF partialFingerprints and drift history all use it (waivers match the same
 * subject key). It is sha256 of the rule id (or `drift`) and the subject key, never the
 * message (wording changes) nor a line (code moves). A subject key is `<stack>/<address>`
 * for a resource, where the stack is the stack's own name (CDKTF stack, the root module's
 * folder, or --stack-name) and the address carries the instance key (`x[0]`); or
 * `region:<cloud>:<region>` / `estate:<cloud>` for findings about a region or a whole estate.
 */
export function fingerprintOf(kind: string, subjectKey: string): string {
  return sha256(`${kind}\u0000${subjectKey}`);
}

export const findingFingerprint = (f: { rule_id: string; resource: { key: string } }): string => fingerprintOf(f.rule_id, f.resource.key);

export const driftFingerprint = (resourceKey: string): string => fingerprintOf('drift', resourceKey);
