import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const WORKFLOW = join(ROOT, '.github', 'workflows', 'leakguard-pr.yml');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const shell = steps.map((s) => s.run ?? '').join('\n');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const indexOf = (pred: (s: Step) => boolean): number => {
  const i = steps.findIndex(pred);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
};
const running = (text: string) => indexOf((s) => (s.run ?? '').includes(text));
const using = (action: string) => indexOf((s) => s.uses === action || (s.uses ?? '').startsWith(`${action}@`));

describe('.github/workflows/leakguard-pr.yml', () => {
  test('checks with the config the example app is built for, discovered at the repository root', async () => {
    expect(workflow.env.LEAKGUARD_CONFIG).toBeUndefined();
    expect(steps[using('./')].with!.config).toBeUndefined();
    const { discoverConfig } = await import('../../src/load/config-file');
    expect(discoverConfig(ROOT)).toBe(join(ROOT, 'leakguard.config.json'));
  });

  test('runs on pull requests with the permissions its uploads need, no more', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write', actions: 'read' });
  });

  test('every npm script it calls is in package.json', () => {
    const called = [...shell.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(called).toEqual(['build', 'build:policies', 'synth']);
    for (const name of called) expect({ name, defined: name in pkg.scripts }).toEqual({ name, defined: true });
    expect(shell).toMatch(/^npm ci\b/m);
  });

  test('every script and file it runs exists in the repository (dist/ from its TypeScript source)', () => {
    const files = [...shell.matchAll(/(?:bash|node|sh) ((?:scripts|bin|dist)\/[\w./-]+)/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['scripts/setup-opa.sh']));
    expect(existsSync(join(ROOT, 'bin', 'leakguard.js'))).toBe(true);
    // What the npm scripts it calls run, too.
    const viaNpm = ['build', 'build:policies', 'synth'].flatMap((n) => [...pkg.scripts[n].matchAll(/node ((?:dist)\/[\w./-]+)/g)].map((m) => m[1]));
    for (const f of [...files, ...viaNpm]) {
      const source = f.startsWith('dist/') ? f.replace(/^dist\//, '').replace(/\.js$/, '.ts') : f;
      expect({ f, exists: existsSync(join(ROOT, source)) }).toEqual({ f, exists: true });
    }
  });

  test('steps in order: checkout, node, go, install, OPA, build, policies, synth, plan, check', () => {
    const order = [
      using('actions/checkout'),
      using('actions/setup-node'),
      using('actions/setup-go'),
      running('npm ci'),
      running('bash scripts/setup-opa.sh'),
      running('npm run build'),
      running('npm run build:policies'),
      running('npm run synth'),
      running('terraform plan'),
      using('./'),
      using('actions/upload-artifact'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('terraform plan runs only when the AWS credential secrets exist', () => {
    expect(workflow.env.AWS_CREDENTIALS).toBe("${{ secrets.AWS_ACCESS_KEY_ID != '' && secrets.AWS_SECRET_ACCESS_KEY != '' }}");
    for (const i of [running('terraform plan'), using('hashicorp/setup-terraform'), using('aws-actions/configure-aws-credentials')]) {
      expect(steps[i].if).toBe("env.AWS_CREDENTIALS == 'true'");
    }
    // Plans hold secrets: written under $RUNNER_TEMP, never under the uploaded reports folder.
    // …and each in a folder named after its stack: a plan's stack is its folder, never its file name.
    expect(steps[running('terraform plan')].run).toContain('> "$RUNNER_TEMP/plans/$stack/plan.json"');
  });

  test('one leakguard check through the repository\'s own action, with inputs the action declares', () => {
    const check = steps[using('./')];
    expect(check.id).toBe('check');
    expect(steps.filter((s) => s.uses === './')).toHaveLength(1);
    expect(check.with).toEqual({
      paths: '${{ steps.inputs.outputs.paths }}',
      baseline: '.leakguard/baseline.json',
      'changed-only': "${{ steps.plan.outputs.planned != '' && steps.plan.outputs.planned != '0' }}",
      formats: 'junit=${{ env.REPORTS }}/junit.xml',
      evidence: '${{ env.REPORTS }}/evidence',
      'reports-dir': '${{ env.REPORTS }}',
      leakguard: 'node bin/leakguard.js',
      fail: 'false',
    });
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    for (const k of Object.keys(check.with!)) expect(Object.keys(action.inputs)).toContain(k);
    expect(workflow.env.REPORTS).toBe('leakguard-reports');
    // Each stack is checked from its plan when one was made, else from its synthesized JSON.
    expect(steps[running('inputs+=("$RUNNER_TEMP/plans/$stack/plan.json")')].run).toContain('echo "paths=${inputs[*]}" >> "$GITHUB_OUTPUT"');
  });

  test('the job fails on blocking findings (1) and on errors (2), after the reports are out', () => {
    const verdict = steps[steps.length - 1];
    expect(verdict.env).toEqual({ CODE: '${{ steps.check.outputs.exit-code }}' });
    expect(verdict.run).toMatch(/1\).*exit 1/);
    expect(verdict.run).toMatch(/\*\).*exit 2/);
    expect(steps.find((s) => s.id === 'check')).toBeDefined();
  });
});
