import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { UnsafeConfigError, requireIntInRange } from '../common/errors';
import { ClassifiedProps, dataTags } from '../common/tags';

export interface CustomerUserPoolProps extends ClassifiedProps {
  readonly name: string;
  /** OPTIONAL (default: each customer may enrol an authenticator app) or ON (every customer must). */
  readonly mfa?: 'OPTIONAL' | 'ON';
  /** Minimum password length; default 12, at least 8. */
  readonly minPasswordLength?: number;
  readonly provider?: TerraformProvider;
}

/**
 * A user pool for the shop's customer accounts: it cannot be deleted while deletion protection
 * is on (Cognito keeps no backup of it), customers can protect their account with an
 * authenticator app, advanced security blocks compromised-credential and risky sign-ins and
 * logs them, and accounts are recovered through a verified email only.
 */
export class CustomerUserPool extends Construct {
  readonly pool: CognitoUserPool;

  constructor(scope: Construct, id: string, props: CustomerUserPoolProps) {
    super(scope, id);
    if (!/^[\w\s+=,.@-]{1,128}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid user pool name ${JSON.stringify(props.name)}`);
    const mfa = props.mfa ?? 'OPTIONAL';
    if (!['OPTIONAL', 'ON'].includes(mfa)) throw new UnsafeConfigError(this, `mfa ${JSON.stringify(mfa)} is not allowed: customers must be able to protect their account`);
    const minLength = requireIntInRange(this, 'minPasswordLength', props.minPasswordLength ?? 12, 8, 99);
    this.pool = new CognitoUserPool(this, 'pool', {
      provider: props.provider,
      name: props.name,
      deletionProtection: 'ACTIVE',
      mfaConfiguration: mfa,
      softwareTokenMfaConfiguration: { enabled: true },
      userPoolAddOns: { advancedSecurityMode: 'ENFORCED' },
      autoVerifiedAttributes: ['email'],
      usernameAttributes: ['email'],
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
      passwordPolicy: { minimumLength: minLength, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 3 },
      tags: dataTags(this, props),
    });
  }
}
