import { Construct } from 'constructs';
import { UnsafeConfigError } from '../common/errors';

export type Principal = '*' | { readonly AWS: string | readonly string[] } | { readonly Service: string | readonly string[] };
export type Conditions = Record<string, Record<string, string | readonly string[]>>;

/** An IAM policy statement in our own camelCase form; rendered to IAM JSON by policyJson. */
export interface Statement {
  readonly sid?: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly principal?: Principal;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: Conditions;
}

/**
 * IAM JSON with tokens left in place: cdktf resolves `${TfToken[...]}` inside the string to
 * `${aws_s3_bucket.x.arn}`, so the synthesized policy keeps real references.
 */
export function policyJson(statements: readonly Statement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      ...(s.sid ? { Sid: s.sid } : {}),
      Effect: s.effect ?? 'Allow',
      ...(s.principal ? { Principal: s.principal } : {}),
      Action: s.actions.length === 1 ? s.actions[0] : s.actions,
      Resource: s.resources.length === 1 ? s.resources[0] : s.resources,
      ...(s.conditions ? { Condition: s.conditions } : {}),
    })),
  });
}

/** The resource-policy statement that refuses every request not made over TLS. */
export function denyInsecureTransport(actions: readonly string[], resources: readonly string[]): Statement {
  return { sid: 'DenyInsecureTransport', effect: 'Deny', principal: '*', actions, resources, conditions: { Bool: { 'aws:SecureTransport': 'false' } } };
}

/** Actions AWS only authorizes on Resource "*" (no resource-level permissions). */
export const RESOURCE_WILDCARD_ONLY_ACTIONS: ReadonlySet<string> = new Set([
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeVpcs',
  // Lambda VPC networking: AWS documents these (AWSLambdaVPCAccessExecutionRole) on "*".
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'cloudwatch:PutMetricData',
]);

const EXPLICIT_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const WHOLE_SERVICE_ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:\*$|^arn:[^:]+:s3:::\*/;

/**
 * Least privilege for identity policies: every Allow names explicit actions (no `*`, `svc:*`
 * or `svc:Get*`) on explicit resources. Deny statements may use wildcards: they only remove.
 */
export function assertLeastPrivilege(where: Construct, statements: readonly Statement[]): void {
  if (statements.length === 0) throw new UnsafeConfigError(where, 'at least one policy statement is required');
  for (const s of statements) {
    if ((s.effect ?? 'Allow') === 'Deny') continue;
    if (s.actions.length === 0 || s.resources.length === 0) throw new UnsafeConfigError(where, 'an Allow statement needs actions and resources');
    for (const a of s.actions) {
      if (!EXPLICIT_ACTION.test(a)) throw new UnsafeConfigError(where, `action ${JSON.stringify(a)} is not explicit: wildcard actions are not allowed`);
    }
    for (const r of s.resources) {
      if (r === '*') {
        const scoped = s.actions.filter((a) => !RESOURCE_WILDCARD_ONLY_ACTIONS.has(a));
        if (scoped.length) throw new UnsafeConfigError(where, `Resource "*" is not allowed for ${scoped.join(', ')}: name the resources`);
      } else if (WHOLE_SERVICE_ARN.test(r)) {
        throw new UnsafeConfigError(where, `resource ${JSON.stringify(r)} covers a whole service: name the resources`);
      }
    }
  }
}

/** Resource policies (bucket, key) never Allow the anonymous principal. */
export function assertNoPublicAllow(where: Construct, statements: readonly Statement[]): void {
  for (const s of statements) {
    if ((s.effect ?? 'Allow') !== 'Allow') continue;
    const p = s.principal;
    const aws = p && p !== '*' && 'AWS' in p ? ([] as string[]).concat(p.AWS) : [];
    if (p === undefined || p === '*' || aws.includes('*')) {
      throw new UnsafeConfigError(where, `statement ${s.sid ?? ''} allows ${s.actions.join(', ')} to every principal (public access)`);
    }
  }
}
