import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
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

export interface CustomerIdentityPoolProps {
  readonly name: string;
  /** The user pool whose signed-in customers get AWS credentials. */
  readonly userPool: CustomerUserPool;
  /** The app client customers sign in through (aws_cognito_user_pool_client id). */
  readonly clientId: string;
  readonly tags?: Record<string, string>;
  readonly provider?: TerraformProvider;
}

/**
 * An identity pool that gives AWS credentials only to customers signed in through the shop's
 * user pool: no guest (unauthenticated) identities, which would hand its unauthenticated role
 * to anyone who reads the pool's id from the app, and no classic flow, which lets an identity
 * assume any role that trusts the pool without the enhanced flow's scope-down. Tokens are
 * checked with the user pool on every exchange, so a signed-out or deleted customer's token
 * gets no credentials.
 */
export class CustomerIdentityPool extends Construct {
  readonly identityPool: CognitoIdentityPool;

  constructor(scope: Construct, id: string, props: CustomerIdentityPoolProps) {
    super(scope, id);
    if (!/^[\w\s+=,.@-]{1,128}$/.test(props.name)) throw new UnsafeConfigError(this, `invalid identity pool name ${JSON.stringify(props.name)}`);
    this.identityPool = new CognitoIdentityPool(this, 'pool', {
      provider: props.provider,
      identityPoolName: props.name,
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [{ clientId: props.clientId, providerName: props.userPool.pool.endpoint, serverSideTokenCheck: true }],
      tags: props.tags,
    });
  }
}
