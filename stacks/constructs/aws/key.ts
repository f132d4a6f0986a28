import { Construct } from 'constructs';
import { Lazy, TerraformProvider, Token } from 'cdktf';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { awsAccountId } from '../common/settings';
import { Statement, policyJson } from './policy';

export interface HardenedKeyProps {
  readonly description?: string;
  /** Days a scheduled deletion can still be cancelled. AWS allows 7–30; default 30. */
  readonly deletionWindowDays?: number;
  /** Rotation period; default 365 (AWS allows 90–2560). */
  readonly rotationPeriodDays?: number;
  readonly alias?: string;
  /**
   * Literal role ARNs that alone may use the key (others are denied even with IAM grants).
   * Unset: any principal of this account whose IAM policy grants use of the key.
   */
  readonly restrictUseTo?: readonly string[];
  /** AWS service principals that may use the key, e.g. `cloudtrail.amazonaws.com`. */
  readonly servicePrincipals?: readonly string[];
  readonly accountId?: string;
  readonly provider?: TerraformProvider;
}

const USE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * Customer-managed KMS key: rotation on, a deletion window of at least 7 days, and a key policy
 * that never grants to Principal "*": the account root administers (so IAM policies grant use
 * to roles — naming roles here would make key ⇄ role reference cycles), and named AWS services
 * may use it for this account only. Service grants added later by other constructs (e.g. a log
 * bucket that needs `logging.s3.amazonaws.com`) land in the same policy.
 */
export class HardenedKey extends Construct {
  readonly key: KmsKey;
  readonly accountId: string;
  private readonly services = new Set<string>();
  private readonly onlyUsers?: readonly string[];

  constructor(scope: Construct, id: string, props: HardenedKeyProps = {}) {
    super(scope, id);
    this.accountId = awsAccountId(this, props.accountId);
    const deletionWindow = requireIntInRange(this, 'deletionWindowDays', props.deletionWindowDays ?? 30, 7, 30);
    const rotation = requireIntInRange(this, 'rotationPeriodDays', props.rotationPeriodDays ?? 365, 90, 2560);
    for (const arn of props.restrictUseTo ?? []) {
      // Literal ARNs only: a condition needs no dependency on the role (no cycle, no ordering).
      if (Token.isUnresolved(arn) || !ROLE_ARN.test(arn)) throw new UnsafeConfigError(this, `restrictUseTo needs literal role ARNs, got ${JSON.stringify(arn)}`);
    }
    if (props.restrictUseTo?.length === 0) throw new UnsafeConfigError(this, 'restrictUseTo must name at least one role');
    this.onlyUsers = props.restrictUseTo;
    props.servicePrincipals?.forEach((s) => this.grantService(s));

    this.key = new KmsKey(this, 'key', {
      provider: props.provider,
      description: props.description ?? `CMK ${this.node.path}`,
      enableKeyRotation: true,
      rotationPeriodInDays: rotation,
      deletionWindowInDays: deletionWindow,
      policy: Lazy.stringValue({ produce: () => this.policy() }),
    });
    if (props.alias !== undefined) {
      if (!/^[a-zA-Z0-9/_-]+$/.test(props.alias) || props.alias.startsWith('aws/')) {
        throw new UnsafeConfigError(this, `invalid key alias ${JSON.stringify(props.alias)}`);
      }
      new KmsAlias(this, 'alias', { provider: props.provider, name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
    }
  }

  get arn(): string {
    return this.key.arn;
  }

  /** Lets an AWS service use the key on behalf of this account only (aws:SourceAccount). */
  grantService(servicePrincipal: string): void {
    if (!SERVICE_PRINCIPAL.test(servicePrincipal)) {
      throw new UnsafeConfigError(this, `service principal must look like name.amazonaws.com, got ${JSON.stringify(servicePrincipal)}`);
    }
    this.services.add(servicePrincipal);
  }

  private policy(): string {
    const statements: Statement[] = [
      {
        sid: 'AccountRootAdministers',
        principal: { AWS: `arn:aws:iam::${this.accountId}:root` },
        actions: ['kms:*'],
        resources: ['*'],
      },
    ];
    if (this.onlyUsers) {
      statements.push({
        sid: 'OnlyNamedRolesUse',
        effect: 'Deny',
        principal: '*',
        actions: USE_ACTIONS.filter((a) => a !== 'kms:DescribeKey'),
        resources: ['*'],
        conditions: { ArnNotEquals: { 'aws:PrincipalArn': [...this.onlyUsers] }, Bool: { 'aws:PrincipalIsAWSService': 'false' } },
      });
    }
    for (const service of [...this.services].sort()) {
      // CloudWatch Logs identifies the caller by encryption context, other services by source account.
      const region = /^logs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(service)?.[1];
      statements.push({
        sid: `Service${service.split('.').slice(0, -2).map((w) => w.replace(/-/g, '')).join('')}Use`,
        principal: { Service: service },
        actions: USE_ACTIONS,
        resources: ['*'],
        conditions: region
          ? { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${this.accountId}:*` } }
          : { StringEquals: { 'aws:SourceAccount': this.accountId } },
      });
    }
    return policyJson(statements);
  }
}
