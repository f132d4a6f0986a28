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
  /** IAM role ARNs that may use (not administer) the key. */
  readonly keyUsers?: readonly string[];
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
 * where only the account root administers and only named roles/services (scoped to this
 * account) use the key — never Principal "*". Grants added later by other constructs
 * (e.g. a log bucket that needs `logging.s3.amazonaws.com`) land in the same policy.
 */
export class HardenedKey extends Construct {
  readonly key: KmsKey;
  readonly accountId: string;
  private readonly users = new Set<string>();
  private readonly services = new Set<string>();

  constructor(scope: Construct, id: string, props: HardenedKeyProps = {}) {
    super(scope, id);
    this.accountId = awsAccountId(this, props.accountId);
    const deletionWindow = requireIntInRange(this, 'deletionWindowDays', props.deletionWindowDays ?? 30, 7, 30);
    const rotation = requireIntInRange(this, 'rotationPeriodDays', props.rotationPeriodDays ?? 365, 90, 2560);
    props.keyUsers?.forEach((u) => this.grantUse(u));
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

  /** Lets an IAM role (by ARN or token) encrypt/decrypt with the key. */
  grantUse(roleArn: string): void {
    // A token is a reference to a role created in this app; a literal must be a role ARN.
    if (!Token.isUnresolved(roleArn) && !ROLE_ARN.test(roleArn)) {
      throw new UnsafeConfigError(this, `key user must be an IAM role ARN, got ${JSON.stringify(roleArn)}`);
    }
    this.users.add(roleArn);
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
    if (this.users.size) {
      statements.push({ sid: 'NamedRolesUse', principal: { AWS: [...this.users] }, actions: USE_ACTIONS, resources: ['*'] });
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
