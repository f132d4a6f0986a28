import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/evaluate/config';
import { detectRepo } from '../../src/init/detect';
import { run, writeTree } from '../helpers/cli';

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
type Step = { run?: string; uses?: string; with?: Record<string, string>; 'working-directory'?: string };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const workflow = (dir: string, f: string) => parse(read(dir, f)) as Workflow;
const shell = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
const action = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
/** The one step that runs the installed package's action, its inputs all ones the action declares. */
function actionStep(w: Workflow): Step {
  const steps = Object.values(w.jobs).flatMap((j) => j.steps).filter((s) => s.uses === './node_modules/leakguard');
  expect(steps).toHaveLength(1);
  for (const k of Object.keys(steps[0].with ?? {})) expect(Object.keys(action.inputs)).toContain(k);
  return steps[0];
}

const repo = () =>
  writeTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'envs/prod/main.tf': 'provider "aws" {\n  region = "us-east-1"\n  allowed_account_ids = ["111111111111"]\n}\n',
    'envs/dev/main.tf': 'provider "aws" {\n  region = "us-east-1"\n  assume_role {\n    role_arn = "arn:aws:iam::222222222222:role/deploy"\n  }\n}\n',
    'envs/dev/modules/bucket/main.tf': 'variable "name" {}\n',
    'shared/azure.tf': 'provider "azurerm" {\n  features {}\n  subscription_id = "3F2A1B0C-5D6E-4F70-8A9B-0C1D2E3F4A5B"\n}\n',
    'cdk/cdktf.json': JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts' }),
    'cdk/main.ts': "import { TerraformStack } from 'cdktf';\nexport class OrdersStack extends TerraformStack {}\n",
  });

describe('leakguard init', () => {
  test('detects the CDKTF app and the Terraform roots and writes config, workflows and a compliance test', async () => {
    const dir = repo();
    const r = await run('init', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('found CDKTF app(s) in cdk and Terraform in envs/dev, envs/prod, shared');
    for (const f of ['leakguard.config.yaml', '.github/workflows/leakguard.yml', '.github/workflows/leakguard-drift.yml', 'cdk/compliance.test.ts']) expect(r.stdout).toContain(`wrote    ${f}`);
    expect(r.stdout).toMatch(/To fill in:\n {2}- leakguard\.config\.yaml: /);

    // The starter config is one `check` accepts, prefilled from the code, environments from the paths.
    const config = loadConfig(join(dir, 'leakguard.config.yaml'));
    expect(config.policy?.environment_accounts).toEqual({ prod: ['111111111111'], dev: ['222222222222'] });
    expect(config.policy?.environment_subscriptions).toEqual({ unassigned: ['3f2a1b0c-5d6e-4f70-8a9b-0c1d2e3f4a5b'] });
    expect(read(dir, 'leakguard.config.yaml')).toMatch(/# TODO: move these to the environment/);

    // The workflows parse, run the installed package and check what was found, with known formats.
    const pr = workflow(dir, '.github/workflows/leakguard.yml');
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(actionStep(pr).with).toEqual({ paths: 'cdk/cdktf.out envs/dev envs/prod shared' });
    expect(pr.permissions).toMatchObject({ 'pull-requests': 'write', 'security-events': 'write' });
    expect(shell(pr)).not.toMatch(/node bin\/|dist\/|leakguard check/);
    expect(pr.jobs.leakguard.steps.find((s) => s.run === 'npx ts-node main.ts')?.['working-directory']).toBe('cdk');
    const drift = workflow(dir, '.github/workflows/leakguard-drift.yml');
    expect(Object.keys(drift.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(drift.permissions).toMatchObject({ issues: 'write' });
    // One job per stack: the CDKTF app's stacks and the Terraform roots the config lists under drift.roots.
    expect(shell(drift)).toContain('echo "matrix=$(npx leakguard drift stacks cdk/cdktf.out)" >> "$GITHUB_OUTPUT"');
    expect(config.drift).toEqual({ roots: [{ dir: 'envs/dev' }, { dir: 'envs/prod' }, { dir: 'shared' }] });
    expect(actionStep(drift).with).toMatchObject({ command: 'drift merge', paths: 'drift-reports', history: '.leakguard/drift-history.json' });
    // (the job graph and every leakguard call in it: test/drift/workflow.test.ts)
    for (const w of [pr, drift]) {
      for (const step of Object.values(w.jobs).flatMap((j) => j.steps).filter((s) => s.run)) {
        const syntax = spawnSync('bash', ['-n', '-c', step.run!], { encoding: 'utf8' });
        expect({ run: step.run, status: syntax.status, stderr: syntax.stderr }).toEqual({ run: step.run, status: 0, stderr: '' });
      }
    }

    expect(read(dir, 'cdk/compliance.test.ts')).toContain("import { OrdersStack } from './main';");
    expect(read(dir, 'cdk/compliance.test.ts')).toContain('expect(app).toPassLeakguard();');
  });

  test('never overwrites a file without --force, and says so', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'leakguard.config.yaml'), 'policy: {}\n');
    const r = await run('init', dir);
    expect(r.stdout).toContain('kept     leakguard.config.yaml (exists; --force overwrites it)');
    expect(read(dir, 'leakguard.config.yaml')).toBe('policy: {}\n');
    const again = await run('init', dir);
    expect(again.stdout.match(/kept {5}/g)).toHaveLength(4);
    const forced = await run('init', dir, '--force');
    expect(forced.stdout).toContain('replaced leakguard.config.yaml');
    expect(read(dir, 'leakguard.config.yaml')).toContain('environment_accounts:');
  });

  test('keeps a config of another name: a second one in the same folder would be ambiguous', async () => {
    const dir = repo();
    writeFileSync(join(dir, '.leakguard.json'), '{"policy": {}}');
    const r = await run('init', dir, '--force');
    expect(r.stdout).toContain('kept     .leakguard.json');
    expect(r.stdout).not.toContain('leakguard.config.yaml');
  });

  test('an empty repository gets placeholders and is told what to fill in', async () => {
    const dir = writeTree({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const r = await run('init', dir);
    expect(r.stdout).toContain('found no cdktf.json and no .tf files');
    expect(r.stdout).toContain('replace "infra" with your Terraform folders');
    expect(loadConfig(join(dir, 'leakguard.config.yaml'))).toMatchObject({ policy: { environment_accounts: {}, environment_subscriptions: {} }, waivers: [] });
    expect(actionStep(workflow(dir, '.github/workflows/leakguard.yml')).with).toEqual({ paths: 'infra' });
  });
});

describe('drift.roots for the estate workflow', () => {
  test('each Terraform root named by its folder; folders of one name get their path as name', async () => {
    const { driftRoots } = await import('../../src/init/templates');
    const facts = { cdktfApps: [], tfDirs: ['teams/a/app', 'teams/b/app', 'shared'], awsAccounts: [], azureSubscriptions: [] } as unknown as Parameters<typeof driftRoots>[0];
    expect(driftRoots(facts)).toEqual([{ dir: 'teams/a/app', name: 'teams-a-app' }, { dir: 'teams/b/app', name: 'teams-b-app' }, { dir: 'shared' }]);
  });

  test('the repository scan opens files through the file opener: special files, links and bad bytes never hang or leak', () => {
    const dir = repo();
    const outside = writeTree({ 'secret/main.tf': 'provider "aws" {\n  allowed_account_ids = ["999999999999"]\n}\n' });
    execFileSync('mkfifo', [join(dir, 'envs/prod/pipe.tf')]); // read as a file, this blocks forever
    symlinkSync('..', join(dir, 'envs/loop')); // a folder link back up: walking it never ends
    symlinkSync(join(outside, 'secret'), join(dir, 'linked-folder')); // a folder outside the repository
    mkdirSync(join(dir, 'linked'), { recursive: true });
    symlinkSync(join(dir, 'envs/prod/main.tf'), join(dir, 'linked/provider.tf')); // a shared file link counts
    writeFileSync(join(dir, 'envs/dev/bad.tf'), Buffer.from([0x22, 0xff, 0xfe, 0x22, 0x0a])); // invalid UTF-8
    const facts = detectRepo(dir);
    expect(facts.tfDirs).toEqual(['envs/dev', 'envs/prod', 'linked', 'shared']);
    expect(facts.awsAccounts.map((a) => a.id).sort()).toEqual(['111111111111', '222222222222']);
    expect(facts.tfDirs.some((d) => d.includes('loop') || d.includes('linked-folder'))).toBe(false);
  });
});
