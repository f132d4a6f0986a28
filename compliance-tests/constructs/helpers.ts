import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SETTINGS_CONTEXT_KEY, StackSettings } from '../../stacks/constructs/common/settings';

export const SETTINGS: StackSettings = {
  owner: 'team-test',
  environment: 'test',
  awsAccountId: '123456789012',
  azureSubscriptionId: '00000000-0000-4000-8000-000000000001',
  azureTenantId: '00000000-0000-4000-8000-000000000002',
};

export type Synth = { resource: Record<string, Record<string, any>>; provider?: Record<string, any[]>; data?: Record<string, Record<string, any>>; output?: Record<string, any> };

const outdirs: string[] = [];

/** A fresh stack with settings in context and default AWS/Azure providers; its outdir is removed by cleanup(). */
export function testStack(opts: { aws?: boolean; azure?: boolean; settings?: Partial<StackSettings> } = {}): TerraformStack {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf.outdir.'));
  outdirs.push(outdir);
  const app: App = Testing.app({ outdir, context: { [SETTINGS_CONTEXT_KEY]: { ...SETTINGS, ...opts.settings } } });
  const stack = new TerraformStack(app, 'test');
  if (opts.aws !== false) new AwsProvider(stack, 'aws', { region: 'us-west-2' });
  if (opts.azure) new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

export function synth(stack: TerraformStack): Synth {
  return JSON.parse(Testing.synth(stack)) as Synth;
}

export function cleanup(): void {
  for (const dir of outdirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** All resources of a type, as a list of their synthesized bodies. */
export function resources(out: Synth, type: string): Record<string, any>[] {
  return Object.values(out.resource?.[type] ?? {});
}

/** The single resource of a type (fails the test when there are none or several). */
export function only(out: Synth, type: string): Record<string, any> {
  const all = resources(out, type);
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** Address of the single resource of a type, for asserting `${type.name.attr}` references. */
export function ref(out: Synth, type: string, attr: string, filter: (body: Record<string, any>) => boolean = () => true): string {
  const names = Object.entries(out.resource?.[type] ?? {}).filter(([, b]) => filter(b)).map(([n]) => n);
  if (names.length !== 1) throw new Error(`expected exactly one matching ${type}, found ${names.length}`);
  return `\${${type}.${names[0]}.${attr}}`;
}

/** Parses a JSON policy document held in a synthesized attribute. */
export function doc(body: Record<string, any>, attr = 'policy'): { Statement: Record<string, any>[] } {
  return JSON.parse(body[attr]);
}

export function statement(policy: { Statement: Record<string, any>[] }, sid: string): Record<string, any> {
  const s = policy.Statement.find((x) => x.Sid === sid);
  if (!s) throw new Error(`no statement ${sid} in ${JSON.stringify(policy)}`);
  return s;
}
