import { Construct } from 'constructs';
import { UnsafeConfigError } from './errors';

/**
 * Per-stack facts every construct needs (ownership tags, account/tenant ids). They live in
 * construct context so constructs stay usable with no options; a stack sets them once,
 * before adding children.
 */
export interface StackSettings {
  readonly owner: string;
  readonly environment: string;
  readonly awsAccountId?: string;
  readonly azureSubscriptionId?: string;
  readonly azureTenantId?: string;
}

export const SETTINGS_CONTEXT_KEY = 'leakguard:settings';

export function applyStackSettings(stack: Construct, settings: StackSettings): void {
  stack.node.setContext(SETTINGS_CONTEXT_KEY, settings);
}

export function settingsOf(scope: Construct): Partial<StackSettings> {
  return (scope.node.tryGetContext(SETTINGS_CONTEXT_KEY) as Partial<StackSettings> | undefined) ?? {};
}

export function requireSetting(scope: Construct, key: keyof StackSettings, override?: string): string {
  const value = override ?? settingsOf(scope)[key];
  if (!value) {
    throw new UnsafeConfigError(scope, `${key} is not set: pass it as a prop or call applyStackSettings() on the stack`);
  }
  return value;
}

const AWS_ACCOUNT = /^\d{12}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function awsAccountId(scope: Construct, override?: string): string {
  const id = requireSetting(scope, 'awsAccountId', override);
  if (!AWS_ACCOUNT.test(id)) throw new UnsafeConfigError(scope, `AWS account id must be 12 digits, got ${JSON.stringify(id)}`);
  return id;
}

export function requireGuid(scope: Construct, name: string, value: string): string {
  if (!GUID.test(value)) throw new UnsafeConfigError(scope, `${name} must be a GUID, got ${JSON.stringify(value)}`);
  return value;
}
