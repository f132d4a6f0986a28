import { Construct } from 'constructs';
import { GlueDataCatalogEncryptionSettings } from '@cdktf/provider-aws/lib/glue-data-catalog-encryption-settings';
import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import { UnsafeConfigError } from '../common/errors';
import { dataTags } from '../common/tags';
import { HardenedKey } from './key';
import { EncryptedStoreProps, storeKey } from './store-key';

/** The region's Glue Data Catalog: metadata and connection passwords under a customer-managed key. */
export class EncryptedDataCatalog extends Construct {
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedStoreProps = {}) {
    super(scope, id);
    this.key = storeKey(this, props, 'Glue Data Catalog', ['glue.amazonaws.com']);
    new GlueDataCatalogEncryptionSettings(this, 'settings', {
      provider: props.provider,
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: 'SSE-KMS', sseAwsKmsKeyId: this.key.arn },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: this.key.arn },
      },
    });
  }
}

/** An Athena workgroup whose query results are SSE-KMS under a CMK, settings enforced on clients. */
export class EncryptedAthenaWorkgroup extends Construct {
  readonly workgroup: AthenaWorkgroup;
  readonly key: HardenedKey;

  constructor(scope: Construct, id: string, props: EncryptedStoreProps & { readonly name: string; readonly outputLocation: string }) {
    super(scope, id);
    if (!/^s3:\/\/[a-z0-9.-]{3,63}\//.test(props.outputLocation)) throw new UnsafeConfigError(this, `outputLocation must be s3://bucket/prefix/, got ${JSON.stringify(props.outputLocation)}`);
    this.key = storeKey(this, props, `Athena ${props.name}`);
    this.workgroup = new AthenaWorkgroup(this, 'workgroup', {
      provider: props.provider,
      name: props.name,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: props.outputLocation,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: this.key.arn },
        },
      },
      tags: dataTags(this, props),
    });
  }
}
