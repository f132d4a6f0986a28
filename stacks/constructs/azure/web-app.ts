import { Construct } from 'constructs';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { UnsafeConfigError } from '../common/errors';
import { AzurePlacement, requireLocation } from './common';

export interface HardenedLinuxWebAppProps extends AzurePlacement {
  readonly name: string;
  readonly servicePlanId: string;
  readonly tags?: Record<string, string>;
}

/**
 * Linux web app that serves HTTPS only, requires TLS 1.2 on the site and its SCM endpoint, has
 * FTP and basic-auth publishing off, and runs as a managed identity.
 */
export class HardenedLinuxWebApp extends Construct {
  readonly app: LinuxWebApp;

  constructor(scope: Construct, id: string, props: HardenedLinuxWebAppProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/.test(props.name)) throw new UnsafeConfigError(this, `invalid web app name ${JSON.stringify(props.name)}`);
    this.app = new LinuxWebApp(this, 'app', {
      resourceGroupName: props.resourceGroupName,
      location: requireLocation(this, props.location),
      name: props.name,
      servicePlanId: props.servicePlanId,
      httpsOnly: true,
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      identity: { type: 'SystemAssigned' },
      siteConfig: { minimumTlsVersion: '1.2', scmMinimumTlsVersion: '1.2', ftpsState: 'Disabled', http2Enabled: true },
      tags: props.tags,
    });
  }
}
