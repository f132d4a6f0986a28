import { canonicalJson } from '../../src/evidence/canonical';
import { sha256 } from '../../src/evaluate/manifest';

/**
 * sha256 of a decision as the policy returned it, findings and waiver results in sorted order:
 * OPA's Go engine iterates sets in sorted order, its WASM in another, so the order of findings
 * differs between them while their contents must not.
 */
export function decisionDigest(decision: { findings?: unknown[]; waivers?: unknown[] }): string {
  const sorted = (xs: unknown[] = []): string[] => xs.map(canonicalJson).sort();
  return sha256(canonicalJson({ ...decision, findings: sorted(decision.findings), waivers: sorted(decision.waivers) }));
}
