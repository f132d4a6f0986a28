import { canonicalJson } from '../../src/evidence/canonical';
import { sha256 } from '../../src/evaluate/manifest';
import type { Decision } from '../../src/types/decision';

/**
 * sha256 of a decision as the policy returned it, findings and waiver results in sorted order:
 * OPA's Go engine iterates sets in sorted order, its WASM in another, so the order of findings
 * differs between them while their contents must not.
 */
export function decisionDigest(decision: { findings?: unknown[]; waivers?: unknown[] }): string {
  const sorted = (xs: unknown[] = []): string[] => xs.map(canonicalJson).sort();
  return sha256(canonicalJson({ ...decision, findings: sorted(decision.findings), waivers: sorted(decision.waivers) }));
}

/**
 * The decision as the policy returned it, before judge.ts applied waivers (which add
 * blocking/waived to findings and summary, and the waiver results) and the engine added the
 * config: what `opa eval` of the same entrypoint answers (findings compared in sorted order).
 * Nor the rule facts the engine adds to each finding from the catalogue (lib/finding.rego).
 */
export function policyDecisionOf(decision: Decision): { findings: unknown[]; [field: string]: unknown } {
  const { config, waivers, findings, summary, ...rest } = decision;
  void [config, waivers];
  const { blocking, waived, silenced_by_overrides, ...levelledSummary } = summary;
  void [blocking, waived, silenced_by_overrides];
  return {
    ...rest,
    summary: levelledSummary,
    findings: findings.map(({ blocking: _b, waived: _w, waiver: _v, title: _t, cloud: _c, remediation: _r, legal: _l, audit_component: _a, ...f }) => f),
  };
}
