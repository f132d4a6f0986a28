import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { Ec2InstanceMetadataDefaults } from '@cdktf/provider-aws/lib/ec2-instance-metadata-defaults';
import { requireIntInRange } from '../common/errors';

export interface InstanceMetadataDefaultsProps {
  /**
   * How many network hops the metadata token travels: 1 (the instance itself, the default)
   * or 2 (containers on the instance that need its role). Never more.
   */
  readonly hopLimit?: number;
  readonly provider?: TerraformProvider;
}

/**
 * A region's EC2 instance metadata defaults: IMDSv2 session tokens required for every instance
 * launched there that does not set its own metadata options, so a request forgery in an
 * application cannot read the instance role's credentials through IMDSv1. One per region in use
 * (pass that region's provider).
 */
export class InstanceMetadataDefaults extends Construct {
  readonly defaults: Ec2InstanceMetadataDefaults;

  constructor(scope: Construct, id: string, props: InstanceMetadataDefaultsProps = {}) {
    super(scope, id);
    this.defaults = new Ec2InstanceMetadataDefaults(this, 'defaults', {
      provider: props.provider,
      httpTokens: 'required',
      httpPutResponseHopLimit: requireIntInRange(this, 'hopLimit', props.hopLimit ?? 1, 1, 2),
    });
  }
}
