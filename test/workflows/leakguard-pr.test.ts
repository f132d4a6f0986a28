import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatters } from '../../src/report';
import { MARKER } from '../../src/report/markdown';

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
const using = (action: string) => indexOf((s) => (s.uses ?? '').startsWith(`${action}@`));

describe('.github/workflows/leakguard-pr.yml', () => {
  test('checks with the config the example app is built for, which exists and is valid', async () => {
    expect(workflow.env.LEAKGUARD_CONFIG).toBe('leakguard.config.json');
    expect(existsSync(join(ROOT, workflow.env.LEAKGUARD_CONFIG))).toBe(true);
    expect(shell).toContain('--config "$LEAKGUARD_CONFIG"');
    const { loadConfig } = await import('../../src/evaluate/config');
    expect(() => loadConfig(join(ROOT, workflow.env.LEAKGUARD_CONFIG))).not.toThrow();
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
    expect(files).toEqual(expect.arrayContaining(['scripts/setup-opa.sh', 'bin/leakguard.js']));
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
      running('node bin/leakguard.js check'),
      using('github/codeql-action/upload-sarif'),
      using('actions/github-script'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('terraform plan runs only when the AWS credential secrets exist', () => {
    expect(workflow.env.AWS_CREDENTIALS).toBe("${{ secrets.AWS_ACCESS_KEY_ID != '' && secrets.AWS_SECRET_ACCESS_KEY != '' }}");
    for (const i of [running('terraform plan'), using('hashicorp/setup-terraform'), using('aws-actions/configure-aws-credentials')]) {
      expect(steps[i].if).toBe("env.AWS_CREDENTIALS == 'true'");
    }
    // Plans hold secrets: written under $RUNNER_TEMP, never under the uploaded reports folder.
    expect(steps[running('terraform plan')].run).toContain('"$RUNNER_TEMP/plans/$stack.json"');
  });

  test('one leakguard check writes every report, with formats the CLI knows and one stdout format at most', () => {
    const check = steps[running('node bin/leakguard.js check')].run!;
    expect(check.match(/node bin\/leakguard\.js check/g)).toHaveLength(1);
    const formats = [...check.matchAll(/--format (\w+)(?: --output (\S+))?/g)].map((m) => [m[1], m[2]]);
    expect(formats).toEqual([
      ['sarif', '"$REPORTS/leakguard.sarif"'],
      ['markdown', '"$REPORTS/comment.md"'],
      ['junit', '"$REPORTS/junit.xml"'],
      ['github', undefined],
    ]);
    const known = formatters.map((f) => f.name);
    for (const [f] of formats) expect(known).toContain(f);
    expect(check).toContain('--evidence "$REPORTS/evidence"');
    expect(check).toContain('options+=(--changed-only)');
    expect(check).toContain('echo "exit-code=$code" >> "$GITHUB_OUTPUT"');
    expect(workflow.env.REPORTS).toBe('leakguard-reports');
  });

  test('SARIF goes to code scanning from the file the check wrote', () => {
    const upload = steps[using('github/codeql-action/upload-sarif')];
    expect(upload.with).toEqual({ sarif_file: 'leakguard-reports/leakguard.sarif', category: 'leakguard' });
    expect(upload.if).toContain("hashFiles('leakguard-reports/leakguard.sarif')");
  });

  test('the PR comment is updated in place through the marker the markdown report writes', () => {
    const comment = steps[using('actions/github-script')];
    expect(comment.env).toEqual({ COMMENT: 'leakguard-reports/comment.md' });
    const script = comment.with!.script;
    expect(script).toContain(`const marker = '${MARKER}';`);
    expect(script).toContain('github.rest.issues.updateComment');
    expect(script).toContain('github.rest.issues.createComment');
    expect(script.indexOf('updateComment')).toBeLessThan(script.indexOf('createComment'));
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('the job fails on blocking findings (1) and on errors (2), after the reports are out', () => {
    const verdict = steps[steps.length - 1];
    expect(verdict.env).toEqual({ CODE: '${{ steps.check.outputs.exit-code }}' });
    expect(verdict.run).toMatch(/1\).*exit 1/);
    expect(verdict.run).toMatch(/\*\).*exit 2/);
    expect(steps.find((s) => s.id === 'check')).toBeDefined();
  });
});
