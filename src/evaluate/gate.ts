import { InputError } from '../errors';
import { findingFingerprint } from '../fingerprint';
import type { Baseline, Decision, Finding } from '../types/decision';
import type { PolicyInput } from '../types/policy-input';

export interface GateOptions {
  /** Findings it holds stop blocking; findings it holds that are gone are listed as fixed. */
  baseline?: { file: string; baseline: Baseline };
  /** Plans only: block only on resources the plan creates, updates or replaces. */
  changedOnly?: boolean;
}

const CHANGING = new Set(['create', 'update', 'replace']);

/**
 * A region or estate subject changes when the plan creates, updates or replaces a resource
 * in it: a new region without GuardDuty blocks; an old one, untouched, is reported.
 */
function scopeAction(f: Finding, input: PolicyInput): string {
  if (f.resource.type !== 'region' && f.resource.type !== 'estate') return 'none';
  const changing = Object.values(input.resources).some(
    (r) => r.cloud === f.cloud && (f.resource.type === 'estate' || r.region === f.resource.region) && CHANGING.has(r.action ?? 'none'),
  );
  return changing ? 'update' : 'none';
}

/**
 * The step after evaluation that adapts blocking to a pull request: it only ever narrows
 * `blocking` (never re-implements a rule), notes why on each finding, and keeps the summary
 * true to the final findings, from which the exit code is computed once.
 */
export function applyGate(decision: Decision, input: PolicyInput, opts: GateOptions = {}): Decision {
  if (opts.changedOnly && !Object.values(input.stacks).some((s) => s.format === 'plan')) {
    throw new InputError('--changed-only needs a terraform plan (terraform show -json) among the inputs; synthesized stacks, HCL and state have no changes');
  }
  const known = new Set(opts.baseline?.baseline.findings.map((e) => e.fingerprint));
  let unblocked = 0;
  const findings = decision.findings.map((f): Finding => {
    // Object.assign and property writes, not `{ ...f, x }`: on 7,000 findings spread syntax
    // made the gate with a baseline cost four times as much (measured, bench:waivers).
    const out: Finding = Object.assign({}, f);
    const fingerprint = findingFingerprint(f);
    out.fingerprint = fingerprint;
    const notes: string[] = [];
    if (opts.baseline) {
      out.baseline = known.has(fingerprint) ? 'existing' : 'new';
      // A baseline accepts old debt of waivable rules; a hard rule blocks like a refused waiver.
      if (out.baseline === 'existing' && f.blocking && f.enforcement !== 'hard') notes.push(`in baseline ${opts.baseline.file}: not blocking`);
    }
    if (opts.changedOnly && input.stacks[f.resource.stack]?.format === 'plan') {
      const action = f.resource.action ?? scopeAction(f, input);
      if (!CHANGING.has(action) && f.blocking) {
        notes.push(`plan does not create, update or replace this resource (action ${action}): not blocking`);
        unblocked++;
      }
    }
    if (notes.length > 0) {
      out.blocking = false;
      out.gate = notes;
    }
    return out;
  });

  const result: Decision = {
    ...decision,
    findings,
    summary: { ...decision.summary, blocking: findings.filter((f) => f.blocking).length },
  };
  if (opts.baseline || opts.changedOnly) result.gate = {};
  if (opts.baseline) {
    const current = new Set(findings.map((f) => f.fingerprint));
    const fixed = opts.baseline.baseline.findings.filter((e) => !current.has(e.fingerprint));
    const existing = findings.filter((f) => f.baseline === 'existing');
    result.fixed = fixed;
    result.gate!.baseline = {
      file: opts.baseline.file,
      new: findings.length - existing.length,
      existing: existing.length,
      existing_hard: existing.filter((f) => f.enforcement === 'hard').length,
      fixed: fixed.length,
    };
  }
  if (opts.changedOnly) result.gate!.changed_only = { unblocked };
  return result;
}
