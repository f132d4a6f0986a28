import { App, TerraformStack } from 'cdktf';
import { EnvironmentName, SHOP_CONFIG, ShopConfig } from './config';
import { buildAwsApp, buildAwsBaseline, buildAwsForensics } from './shop/aws';
import { buildAzure } from './shop/azure';

export interface BuildAppOptions {
  /** Defaults to every environment in the config. */
  readonly environments?: readonly EnvironmentName[];
  readonly config?: ShopConfig;
}

/**
 * The reference shop: per environment, `shop-<env>-aws` (storefront CDN, checkout API, customer
 * data, backups, exports), `shop-<env>-aws-baseline` (audit + detection in every region),
 * `shop-<env>-aws-forensics` (evidence store, IR role) and `shop-<env>-azure`.
 */
export function buildApp(app: App, options: BuildAppOptions = {}): TerraformStack[] {
  const config = options.config ?? SHOP_CONFIG;
  const names = options.environments ?? (Object.keys(config.environments) as EnvironmentName[]);
  return names.flatMap((n) => {
    const env = config.environments[n];
    return [buildAwsApp(app, config, env), buildAwsBaseline(app, config, env), buildAwsForensics(app, config, env), buildAzure(app, config, env)];
  });
}
