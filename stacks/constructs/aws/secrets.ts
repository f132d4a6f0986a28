import { Construct } from 'constructs';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';

export interface HardenedSecretProps extends EncryptedStoreProps {
  /** Secret name, e.g. `orders/db`. */
  readonly name: string;
  /** Days a deleted secret can be restored; default 30, within [7, 30]. */
  readonly recoveryWindowDays?: number;
}

/**
 * A Secrets Manager secret under a customer-managed key and no resource policy: access comes
 * from IAM in this account only. Credentials belong here rather than in SSM String parameters.
 */
export class HardenedSecret extends Construct {
  readonly secret: SecretsmanagerSecret;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: HardenedSecretProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid secret name ${JSON.stringify(props.name)}`);
    this.key = storeKey(this, props, `secret ${props.name}`);
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      provider: props.provider,
      name: props.name,
      kmsKeyId: this.key.arn,
      recoveryWindowInDays: requireIntInRange(this, 'recoveryWindowDays', props.recoveryWindowDays ?? 30, 7, 30),
      tags: dataTags(this, { classification: props.classification ?? 'confidential', tags: props.tags }),
    });
  }
}
