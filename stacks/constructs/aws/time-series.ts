import { Construct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { TimestreaminfluxdbDbInstance } from '@cdktf/provider-aws/lib/timestreaminfluxdb-db-instance';
import { UnsafeConfigError, requireIntInRange, requireNonEmpty } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';

export interface PrivateTimeSeriesDatabaseProps extends ClassifiedProps {
  /** Instance name: letters, digits and hyphens, starting with a letter (3–40). */
  readonly name: string;
  /** Private subnets (one to three). */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** The initial InfluxDB organization, bucket and admin user. */
  readonly organization: string;
  readonly bucket: string;
  readonly username: string;
  /** The admin password: a token (a sensitive variable or a secret), never a literal. */
  readonly password: string;
  /** Default db.influx.medium. */
  readonly instanceType?: string;
  /** GiB; default 20, within [20, 16384]. */
  readonly allocatedStorageGiB?: number;
  /** Bucket (allowing timestream-influxdb.amazonaws.com to write) that receives the engine logs. */
  readonly logBucket: string;
  readonly provider?: TerraformProvider;
}

/**
 * Timestream for InfluxDB with no public address (it cannot be made private later without
 * replacing the instance), in two availability zones, delivering its engine logs to S3. AWS
 * encrypts it at rest and serves TLS only; neither is a setting.
 */
export class PrivateTimeSeriesDatabase extends Construct {
  readonly instance: TimestreaminfluxdbDbInstance;

  constructor(scope: Construct, id: string, props: PrivateTimeSeriesDatabaseProps) {
    super(scope, id);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{2,39}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid name ${JSON.stringify(props.name)}`);
    if (!Token.isUnresolved(props.password)) throw new UnsafeConfigError(this, 'password must be a token (a sensitive variable or a secret), never a literal');
    const subnets = requireNonEmpty(this, 'subnetIds', props.subnetIds);
    if (subnets.length > 3) throw new UnsafeConfigError(this, 'subnetIds: at most three subnets');
    this.instance = new TimestreaminfluxdbDbInstance(this, 'instance', {
      provider: props.provider,
      name: props.name,
      dbInstanceType: props.instanceType ?? 'db.influx.medium',
      allocatedStorage: requireIntInRange(this, 'allocatedStorageGiB', props.allocatedStorageGiB ?? 20, 20, 16384),
      organization: props.organization,
      bucket: props.bucket,
      username: props.username,
      password: props.password,
      vpcSubnetIds: [...subnets],
      vpcSecurityGroupIds: [...requireNonEmpty(this, 'securityGroupIds', props.securityGroupIds)],
      publiclyAccessible: false,
      deploymentType: subnets.length > 1 ? 'WITH_MULTIAZ_STANDBY' : 'SINGLE_AZ',
      logDeliveryConfiguration: [{ s3Configuration: [{ bucketName: props.logBucket, enabled: true }] }],
      tags: dataTags(this, props),
    });
  }
}
