import { evaluateConstructs, type Checkable, type Evaluation, type LeakguardOptions } from '../cdktf/evaluate';
import { notCheckedRefusal } from '../report/verdict';
import type { Decision, Finding } from '../types/decision';

/** A rule id, or which findings to look for: by rule, control and/or resource. */
export type ViolationSpec = string | { rule?: string; control?: string; resource?: string };

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const describeTarget = (t: Checkable): string => (typeof t === 'string' ? 'the synthesized JSON' : t.node.path ? `stack ${t.node.path}` : 'the app');

/** Resource by address (`aws_s3_bucket.x`), key (`stack/aws_s3_bucket.x`) or construct path. */
function onResource(f: Finding, resource: string): boolean {
  const path = f.resource.origin?.construct_path;
  return f.resource.address === resource || f.resource.key === resource || path === resource || (path?.startsWith(`${resource}/`) ?? false);
}

function matches(f: Finding, spec: ViolationSpec): boolean {
  const s = typeof spec === 'string' ? { rule: spec } : spec;
  return !f.waived && (!s.rule || f.rule_id === s.rule) && (!s.control || f.control === s.control) && (!s.resource || onResource(f, s.resource));
}

const only = (d: Decision, findings: Finding[]): Decision => ({ ...d, findings });

/**
 * Passes when no finding blocks and something was checked (as `leakguard check`, a stack none
 * of whose resources any rule reads passes only when the config accepts it:
 * policy.allow_not_checked); a failure lists the blocking findings as the text report does.
 */
export function toPassLeakguard(received: Checkable, opts: LeakguardOptions = {}): MatcherResult {
  const e: Evaluation = evaluateConstructs(received, opts);
  const blocking = e.decision.findings.filter((f) => f.blocking);
  const refusal = notCheckedRefusal(e.decision.summary);
  return {
    pass: blocking.length === 0 && !refusal,
    message: () =>
      refusal
        ? `expected ${describeTarget(received)} to pass Leakguard, but ${refusal}`
        : blocking.length === 0
          ? `expected ${describeTarget(received)} to be blocked by Leakguard, but it passed (${e.decision.findings.length} non-blocking finding(s))`
          : `expected ${describeTarget(received)} to pass Leakguard, but ${blocking.length} finding(s) block it:\n\n${e.report(only(e.decision, blocking))}`,
  };
}

/** Passes when a (not waived) finding matches the rule id or { rule, control, resource }. */
export function toViolate(received: Checkable, spec: ViolationSpec, opts: LeakguardOptions = {}): MatcherResult {
  if (spec === undefined || spec === null || (typeof spec !== 'string' && typeof spec !== 'object')) {
    throw new TypeError('toViolate(spec): give a rule id or { rule, control, resource }');
  }
  const e = evaluateConstructs(received, opts);
  const hits = e.decision.findings.filter((f) => matches(f, spec));
  const what = typeof spec === 'string' ? spec : JSON.stringify(spec);
  return {
    pass: hits.length > 0,
    message: () =>
      hits.length > 0
        ? `expected ${describeTarget(received)} not to violate ${what}, but:\n\n${e.report(only(e.decision, hits))}`
        : `expected ${describeTarget(received)} to violate ${what}, but no finding matches. ${e.decision.findings.length === 0 ? 'Leakguard found nothing.' : `Findings:\n\n${e.report()}`}`,
  };
}
