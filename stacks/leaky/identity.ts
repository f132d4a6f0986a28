import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ScopedRole } from '../constructs/aws/role';
import { ScopedRoleAssignment } from '../constructs/azure/role-assignment';
import { EnvironmentName, SHOP_CONFIG } from '../config';
import { awsPart, azurePart, leakyStack } from './common';

/** Workload identities with wildcard permissions and subscription-wide Owner. */
export function wildcardIam(scope: Construct): TerraformStack {
  const stack = leakyStack(scope, 'leaky-wildcard-iam');
  awsPart(stack);
  const account = SHOP_CONFIG.environments.prod.aws.accountId;
  const role = new IamRole(stack, 'orders-worker', {
    name: 'leaky-orders-worker',
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': account } } }],
    }),
    // A boundary is present, so only the wildcards themselves are at fault.
    permissionsBoundary: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    maxSessionDuration: 3600,
  });
  new IamRolePolicy(stack, 'orders-worker-policy', {
    role: role.name,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'EverythingInS3', Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Sid: 'EverythingEverywhere', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'PassAnyRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        { Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      ],
    }),
  });

  // The shop's app lets guests browse with AWS credentials: anyone gets the pool's unauthenticated role.
  new CognitoIdentityPool(stack, 'guest-identities', { identityPoolName: 'leaky_shop_guests', allowUnauthenticatedIdentities: true });

  const az = azurePart(stack, 'wiam');
  const subscriptionId = SHOP_CONFIG.environments.prod.azure.subscriptionId;
  const worker = new UserAssignedIdentity(stack, 'orders-identity', { ...az.at(), name: 'id-leaky-orders-worker' });
  new RoleAssignment(stack, 'orders-owner', {
    scope: `/subscriptions/${subscriptionId}`,
    principalId: worker.principalId,
    principalType: 'ServicePrincipal',
    roleDefinitionName: 'Owner',
  });
  const anything = new RoleDefinition(stack, 'do-anything', {
    name: 'leaky-orders-do-anything',
    scope: az.group.id,
    permissions: [{ actions: ['*'], dataActions: ['*'] }],
    assignableScopes: [az.group.id],
  });
  new RoleAssignment(stack, 'orders-custom', {
    scope: az.group.id,
    principalId: worker.principalId,
    principalType: 'ServicePrincipal',
    roleDefinitionId: anything.roleDefinitionResourceId,
  });
  return stack;
}

/** One Entra service principal used by both environments (a shared "service account"). */
export const SHARED_SERVICE_PRINCIPAL_ID = 'd4e5f6a7-b8c9-4dae-8f01-2a3b4c5d6e7f';
const SHARED_ROLE = 'shop-orders-worker';

function sharedServiceAccountStack(scope: Construct, env: EnvironmentName): TerraformStack {
  const stack = leakyStack(scope, `leaky-shared-service-account-${env}`, env);
  const code = `shared${env}`;
  awsPart(stack);
  const dev = SHOP_CONFIG.environments.dev.aws.accountId;
  if (env === 'dev') {
    new ScopedRole(stack, 'orders-worker', {
      name: SHARED_ROLE,
      trust: { service: 'lambda.amazonaws.com' },
      statements: [{ actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], resources: [`arn:aws:sqs:us-west-2:${dev}:orders`] }],
    });
  } else {
    // Prod lets the dev workload role in: least privilege holds (ExternalId), environment isolation does not.
    new ScopedRole(stack, 'orders-worker-prod-access', {
      name: `${SHARED_ROLE}-prod-access`,
      trust: { accountId: dev, roleName: SHARED_ROLE, externalId: 'shop-orders-worker' },
      statements: [{ actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], resources: [`arn:aws:sqs:us-west-2:${SHOP_CONFIG.environments.prod.aws.accountId}:orders`] }],
    });
  }
  const az = azurePart(stack, code);
  new ScopedRoleAssignment(stack, 'orders-queue-reader', {
    scope: az.group.id,
    principalId: SHARED_SERVICE_PRINCIPAL_ID,
    principalType: 'ServicePrincipal',
    roleDefinitionName: 'Storage Queue Data Message Processor',
    description: 'orders worker service principal',
  });
  return stack;
}

export function sharedServiceAccount(scope: Construct): TerraformStack[] {
  return [sharedServiceAccountStack(scope, 'dev'), sharedServiceAccountStack(scope, 'prod')];
}
