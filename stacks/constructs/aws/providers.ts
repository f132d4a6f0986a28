import { Construct } from 'constructs';
import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { UnsafeConfigError, requireNonEmpty } from '../common/errors';
import { awsAccountId, requireSetting } from '../common/settings';

export interface AwsRegionalProvidersProps {
  /** Regions in use; the first is the home region and gets the default (unaliased) provider. */
  readonly regions: readonly string[];
  readonly accountId?: string;
  /** Tags every resource inherits (owner/environment are added from the stack settings). */
  readonly defaultTags?: Record<string, string>;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/**
 * One AWS provider per region: the home region unaliased, the others aliased by region name,
 * with default_tags so untagged resources still carry owner and environment. No
 * allowed_account_ids: with skip_requesting_account_id (offline plans) the provider cannot
 * learn the account and would reject every plan.
 */
export class AwsRegionalProviders extends Construct {
  readonly home: AwsProvider;
  readonly homeRegion: string;
  private readonly byRegion = new Map<string, AwsProvider>();

  constructor(scope: Construct, id: string, props: AwsRegionalProvidersProps) {
    super(scope, id);
    const regions = requireNonEmpty(this, 'regions', props.regions);
    if (new Set(regions).size !== regions.length) throw new UnsafeConfigError(this, `regions contain duplicates: ${regions.join(', ')}`);
    awsAccountId(this, props.accountId); // validated: constructs below rely on it
    const tags = {
      ...props.defaultTags,
      owner: requireSetting(this, 'owner', props.defaultTags?.owner),
      environment: requireSetting(this, 'environment', props.defaultTags?.environment),
      'managed-by': 'cdktf',
    };
    regions.forEach((region, i) => {
      if (!REGION.test(region)) throw new UnsafeConfigError(this, `not an AWS region: ${JSON.stringify(region)}`);
      const provider = new AwsProvider(scope, `aws-${region}`, {
        region,
        alias: i === 0 ? undefined : region,
        defaultTags: [{ tags }],
        // Synth/plan run offline with fake credentials passed by env, never in code.
        skipCredentialsValidation: true,
        skipRequestingAccountId: true,
        skipMetadataApiCheck: 'true',
      });
      this.byRegion.set(region, provider);
    });
    this.homeRegion = regions[0];
    this.home = this.forRegion(regions[0]);
  }

  get regions(): string[] {
    return [...this.byRegion.keys()];
  }

  forRegion(region: string): AwsProvider {
    const p = this.byRegion.get(region);
    if (!p) throw new UnsafeConfigError(this, `no provider for region ${region}; known: ${this.regions.join(', ')}`);
    return p;
  }
}

/**
 * The region a construct deploys to: its provider's region, else the stack's default AWS
 * provider. Needed for region-scoped service principals (logs.<region>.amazonaws.com).
 */
export function regionOf(scope: Construct, provider?: TerraformProvider): string {
  const candidate = provider ?? TerraformStack.of(scope).node.findAll()
    .find((c): c is AwsProvider => c instanceof AwsProvider && !c.alias);
  const region = candidate instanceof AwsProvider ? candidate.region : undefined;
  if (!region || Token.isUnresolved(region)) {
    throw new UnsafeConfigError(scope, 'cannot determine the AWS region: pass a provider with a literal region or add a default AwsProvider to the stack');
  }
  return region;
}
