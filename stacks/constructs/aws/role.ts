import { Construct } from 'constructs';
import { Lazy, TerraformProvider } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { Conditions, Statement, assertLeastPrivilege, policyJson } from './policy';

/** Who may assume the role: one AWS service, or one account (optionally one role in it). */
export type TrustedPrincipal =
  | { readonly service: string }
  | { readonly accountId: string; readonly roleName?: string; readonly externalId?: string; readonly requireMfa?: boolean };

export interface ScopedRoleProps {
  readonly trust: TrustedPrincipal;
  /** Inline permissions: explicit actions on explicit resources. */
  readonly statements?: readonly Statement[];
  /** AWS-managed service-role policies only (admin and *FullAccess policies are refused). */
  readonly managedPolicyArns?: readonly string[];
  /**
   * Boundary policy ARN. When absent the role gets its own boundary (its statements plus
   * guardrail denies), or — for a role with exactly one managed policy — that policy.
   */
  readonly permissionsBoundaryArn?: string;
  /** Default 3600; within [900, 43200]. */
  readonly maxSessionDurationSeconds?: number;
  readonly name?: string;
  readonly description?: string;
  readonly accountId?: string;
  readonly provider?: TerraformProvider;
}

const SERVICE = /^[a-z0-9.-]+\.amazonaws\.com$/;
const ACCOUNT = /^\d{12}$/;
const MANAGED = /^arn:aws:iam::aws:policy\/[\w/+=,.@-]+$/;
const PRIVILEGED_MANAGED = /\/(AdministratorAccess|PowerUserAccess|IAMFullAccess|[\w-]*FullAccess)$/;

/** Actions no workload needs and an attacker wants first; denied in every generated boundary. */
export const GUARDRAIL_DENIES: Statement = {
  sid: 'GuardrailDenies',
  effect: 'Deny',
  actions: [
    'iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:AttachRolePolicy', 'iam:PutRolePolicy',
    'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary', 'iam:UpdateAssumeRolePolicy',
    'organizations:*', 'account:*', 'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors',
    'guardduty:DeleteDetector', 'guardduty:UpdateDetector', 'config:StopConfigurationRecorder', 'config:DeleteConfigurationRecorder',
    'kms:ScheduleKeyDeletion', 'kms:DisableKey', 's3:PutBucketPublicAccessBlock', 's3:PutAccountPublicAccessBlock', 's3:PutBucketAcl',
  ],
  resources: ['*'],
};

/**
 * IAM role with least privilege by construction: explicit actions and resources only, a
 * permissions boundary always applied, and a trust policy naming one service or one account
 * (cross-account trust needs sts:ExternalId).
 */
export class ScopedRole extends Construct {
  readonly role: IamRole;
  private readonly statements: Statement[] = [];

  constructor(scope: Construct, id: string, props: ScopedRoleProps) {
    super(scope, id);
    const accountId = awsAccountId(this, props.accountId);
    const initial = props.statements ?? [];
    const managed = props.managedPolicyArns ?? [];
    for (const arn of managed) {
      if (!MANAGED.test(arn)) throw new UnsafeConfigError(this, `only AWS-managed policies can be attached, got ${arn}`);
      if (PRIVILEGED_MANAGED.test(arn)) throw new UnsafeConfigError(this, `${arn} is too broad for a workload role`);
    }
    const maxSession = requireIntInRange(this, 'maxSessionDurationSeconds', props.maxSessionDurationSeconds ?? 3600, 900, 43200);
    if (initial.length && managed.length && !props.permissionsBoundaryArn) {
      throw new UnsafeConfigError(this, 'a role with both inline statements and managed policies needs an explicit permissionsBoundaryArn');
    }
    this.addStatements(initial);
    const inline = managed.length === 0 || initial.length > 0;

    // Default boundary: the role's own Allow statements plus guardrail denies, so nothing attached
    // later can widen it; a role with one managed policy is bounded by that policy.
    const boundary = props.permissionsBoundaryArn ?? (!inline && managed.length === 1
      ? managed[0]
      : new IamPolicy(this, 'boundary', {
        provider: props.provider,
        namePrefix: `${props.name ?? id}-boundary-`.slice(0, 96),
        description: `Permissions boundary for ${this.node.path}`,
        policy: Lazy.stringValue({ produce: () => policyJson([...this.statements.filter((s) => (s.effect ?? 'Allow') === 'Allow'), GUARDRAIL_DENIES]) }),
      }).arn);
    if (!inline && managed.length > 1 && !props.permissionsBoundaryArn) {
      throw new UnsafeConfigError(this, 'a role with several managed policies needs an explicit permissionsBoundaryArn');
    }

    this.role = new IamRole(this, 'role', {
      provider: props.provider,
      name: props.name,
      namePrefix: props.name ? undefined : `${id}-`.slice(0, 38),
      description: props.description,
      assumeRolePolicy: this.trustPolicy(props.trust, accountId),
      permissionsBoundary: boundary,
      maxSessionDuration: maxSession,
    });
    if (inline) {
      new IamRolePolicy(this, 'policy', {
        provider: props.provider,
        role: this.role.name,
        policy: Lazy.stringValue({ produce: () => policyJson(this.statements) }),
      });
      // Statements may be added after construction (e.g. by the resource the role serves).
      this.node.addValidation({ validate: () => (this.statements.length ? [] : [`${this.node.path}: role has no permissions`]) });
    }
    managed.forEach((arn, i) => new IamRolePolicyAttachment(this, `managed-${i}`, { provider: props.provider, role: this.role.name, policyArn: arn }));
  }

  /** Adds inline permissions; each is checked for least privilege now, at construction time. */
  addStatements(statements: readonly Statement[]): void {
    if (statements.length) assertLeastPrivilege(this, statements);
    this.statements.push(...statements);
  }

  get arn(): string {
    return this.role.arn;
  }

  get name(): string {
    return this.role.name;
  }

  private trustPolicy(trust: TrustedPrincipal, ownAccount: string): string {
    if ('service' in trust) {
      if (!SERVICE.test(trust.service)) throw new UnsafeConfigError(this, `trusted service must be name.amazonaws.com, got ${JSON.stringify(trust.service)}`);
      // Confused-deputy guard: the service may only assume the role for this account.
      return trustJson({ Service: trust.service }, { StringEquals: { 'aws:SourceAccount': ownAccount } });
    }
    if (!ACCOUNT.test(trust.accountId)) throw new UnsafeConfigError(this, `trusted account must be 12 digits (never "*"), got ${JSON.stringify(trust.accountId)}`);
    const crossAccount = trust.accountId !== ownAccount;
    if (crossAccount && !(trust.externalId && trust.externalId.length >= 8)) {
      throw new UnsafeConfigError(this, `cross-account trust of ${trust.accountId} requires an sts:ExternalId of at least 8 characters`);
    }
    if (trust.roleName !== undefined && !/^[\w+=,.@/-]+$/.test(trust.roleName)) {
      throw new UnsafeConfigError(this, `invalid trusted role name ${JSON.stringify(trust.roleName)}`);
    }
    const conditions: Record<string, Record<string, string>> = {};
    if (trust.externalId) conditions.StringEquals = { 'sts:ExternalId': trust.externalId };
    if (trust.requireMfa) conditions.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
    const principal = `arn:aws:iam::${trust.accountId}:${trust.roleName ? `role/${trust.roleName}` : 'root'}`;
    return trustJson({ AWS: principal }, Object.keys(conditions).length ? conditions : undefined);
  }
}

function trustJson(principal: Record<string, string>, conditions?: Conditions): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(conditions ? { Condition: conditions } : {}) }],
  });
}
