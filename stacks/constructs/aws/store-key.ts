import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { ClassifiedProps } from '../common/tags';
import { HardenedKey } from './key';

/** Props every encrypted data-store construct takes. */
export interface EncryptedStoreProps extends ClassifiedProps {
  /** Customer-managed key; a new HardenedKey when absent. */
  readonly kmsKey?: HardenedKey;
  readonly provider?: TerraformProvider;
}

/** The store's customer-managed key: the caller's, or a new one named for the store. */
export function storeKey(scope: Construct, props: EncryptedStoreProps, what: string, servicePrincipals?: readonly string[]): HardenedKey {
  const key = props.kmsKey ?? new HardenedKey(scope, 'key', { provider: props.provider, description: `CMK for ${what}` });
  servicePrincipals?.forEach((s) => key.grantService(s));
  return key;
}
