import { TerraformResource } from 'cdktf';
import type { IConstruct } from 'constructs';
import { fieldProblem } from '../evaluate/waivers';

export interface SuppressOptions {
  /** Why this is acceptable; must say something (at least 10 characters). */
  reason: string;
  /** Who answers for it (team or person). */
  owner: string;
  /** YYYY-MM-DD; after this date the waiver stops waiving. */
  expires: string;
  ticket?: string;
}

/** The waiver as recorded in the synthesized JSON (the policy input's Waiver, minus resource/source). */
export interface RecordedWaiver {
  rule: string;
  reason: string;
  owner: string;
  expires: string;
  ticket?: string;
}

/** A suppression Leakguard would refuse; thrown at the call, not at synth or check. */
export class SuppressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressError';
  }
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// The waivers of each resource so far; `addOverride` replaces the whole list each time.
const recorded = new WeakMap<TerraformResource, RecordedWaiver[]>();

/** The checks `leakguard check` applies to every waiver, made at the call so the stack trace points here. */
function validate(path: string, ruleId: string, opts: SuppressOptions): RecordedWaiver {
  const fail = (why: string): never => {
    throw new SuppressError(`Leakguard.suppress(${path}, ${JSON.stringify(ruleId)}): ${why}`);
  };
  if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) fail('the rule id must be a rule id such as "aws-s3-public-access-block"');
  if (!opts || typeof opts !== 'object') fail('options { reason, owner, expires } are required');
  if (opts.owner === undefined) fail('owner is required');
  if (opts.expires === undefined) fail('expires is required (YYYY-MM-DD)');
  if (opts.reason === undefined) fail('reason is required');
  const problem = fieldProblem({ reason: opts.reason, owner: opts.owner, expires: opts.expires, ticket: opts.ticket });
  if (problem) fail(problem);
  return {
    rule: ruleId,
    reason: opts.reason.trim(),
    owner: opts.owner.trim(),
    expires: opts.expires,
    ...(opts.ticket !== undefined ? { ticket: opts.ticket.trim() } : {}),
  };
}

/**
 * Waives one rule on a construct, cdk-nag style: the waiver is written next to the resource
 * in the synthesized JSON (`"//": {"leakguard": {"waivers": [...]}}`), where `leakguard check`
 * reads it. On a construct that is not itself a resource (a stack, an L3 construct) it applies
 * to every Terraform resource below it. Returns the resources it was recorded on.
 */
export function suppress(construct: IConstruct, ruleId: string, opts: SuppressOptions): TerraformResource[] {
  const path = construct?.node?.path ?? String(construct);
  const waiver = validate(path || '(app)', ruleId, opts);
  const targets = construct.node.findAll().filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c));
  if (targets.length === 0) throw new SuppressError(`Leakguard.suppress(${path}, ${JSON.stringify(ruleId)}): no Terraform resource at or below this construct`);
  for (const r of targets) {
    // One waiver per rule and resource: suppressing again replaces the earlier one.
    const list = (recorded.get(r) ?? []).filter((w) => w.rule !== ruleId);
    list.push(waiver);
    recorded.set(r, list);
    r.addOverride('//.leakguard.waivers', list.map((w) => ({ ...w })));
  }
  return targets;
}

/** The CDKTF entry points: `Leakguard.suppress(construct, ruleId, { reason, owner, expires, ticket })`. */
export const Leakguard = { suppress } as const;
