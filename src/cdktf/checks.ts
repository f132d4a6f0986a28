import { Annotations, Aspects, TerraformStack, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { Finding } from '../types/decision';
import { evaluateDocuments, stackDocuments, type LeakguardOptions } from './evaluate';

function note(f: Finding): string {
  const state = f.blocking ? '' : f.gate ? ' (not blocking)' : ` (${f.enforcement})`;
  return `[leakguard] ${f.rule_id}${state}: ${f.message} Fix: ${f.remediation.replace(/\s+/g, ' ')}`;
}

/**
 * Synth-time checks, cdk-nag style: each blocking finding becomes an error annotation on the
 * construct it is about (so `cdktf synth` fails naming its path), advisory and other
 * non-blocking ones become warnings; `Leakguard.suppress` waivers apply.
 *
 * CDKTF invokes aspects per stack, and only those added to the stack or below it (an aspect
 * on the App is never invoked): use `LeakguardChecks.addTo(app, opts)`, or
 * `Aspects.of(stack).add(new LeakguardChecks(opts))` for each stack. Every stack is
 * evaluated together with the rest of the app, so cross-stack rules see everything.
 */
export class LeakguardChecks implements IAspect {
  constructor(private readonly opts: LeakguardOptions = {}) {}

  /** Adds one instance to every stack below `scope` (an App, or a stack) and returns it. */
  static addTo(scope: IConstruct, opts: LeakguardOptions = {}): LeakguardChecks {
    const checks = new LeakguardChecks(opts);
    const stacks = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
    for (const stack of stacks) Aspects.of(stack).add(checks);
    return checks;
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const { decision } = evaluateDocuments(stackDocuments(node.node.root, { aspects: false }), this.opts);
    const byPath = new Map(node.node.findAll().map((c) => [c.node.path, c] as const));
    for (const f of decision.findings) {
      if (f.resource.stack !== node.node.id || f.waived) continue;
      const target = byPath.get(f.resource.origin?.construct_path ?? '') ?? node;
      if (f.blocking) Annotations.of(target).addError(note(f));
      else Annotations.of(target).addWarning(note(f));
    }
  }
}
