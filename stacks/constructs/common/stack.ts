import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { StackSettings, applyStackSettings } from './settings';

/** A stack whose constructs see owner/environment/account settings (set before any child exists). */
export function settingsStack(scope: Construct, name: string, settings: StackSettings): TerraformStack {
  const stack = new TerraformStack(scope, name);
  applyStackSettings(stack, settings);
  return stack;
}
