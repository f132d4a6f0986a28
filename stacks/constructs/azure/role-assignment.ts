import { Construct } from 'constructs';
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UnsafeConfigError } from '../common/errors';

/** Roles that can change access or everything in their scope; never given to workloads. */
export const PRIVILEGED_ROLES: ReadonlySet<string> = new Set([
  'Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator',
]);

export interface ScopedRoleAssignmentProps {
  /** Resource or resource-group id (literal or reference); never a subscription or management group. */
  readonly scope: string;
  readonly principalId: string;
  /** A built-in least-privilege role name, e.g. `Storage Blob Data Reader`. */
  readonly roleDefinitionName: string;
  readonly principalType?: 'ServicePrincipal' | 'Group' | 'User';
  readonly description?: string;
}

const RG_OR_RESOURCE = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+(\/providers\/.+)?$/i;
const BROAD_REFERENCE = /(data\.)?azurerm_(subscription|management_group)\b|azurerm_client_config/;

/** Role assignment limited to a resource or resource group with a non-privileged built-in role. */
export class ScopedRoleAssignment extends Construct {
  readonly assignment: RoleAssignment;

  constructor(scope: Construct, id: string, props: ScopedRoleAssignmentProps) {
    super(scope, id);
    if (PRIVILEGED_ROLES.has(props.roleDefinitionName)) {
      throw new UnsafeConfigError(this, `role ${props.roleDefinitionName} is too privileged for a workload: use a data-plane or reader role`);
    }
    if (Token.isUnresolved(props.scope)) {
      // A reference is fine unless it points at a subscription or management group.
      const resolved = JSON.stringify(Tokenization.resolve(props.scope, { scope: this, resolver: new DefaultTokenResolver(new StringConcat()) }));
      if (BROAD_REFERENCE.test(resolved)) throw new UnsafeConfigError(this, `scope ${resolved} is a subscription or management group`);
    } else if (!RG_OR_RESOURCE.test(props.scope)) {
      throw new UnsafeConfigError(this, `scope ${JSON.stringify(props.scope)} must be a resource group or resource, not a subscription or management group`);
    }
    this.assignment = new RoleAssignment(this, 'assignment', {
      scope: props.scope,
      principalId: props.principalId,
      principalType: props.principalType ?? 'ServicePrincipal',
      roleDefinitionName: props.roleDefinitionName,
      description: props.description,
    });
  }
}
