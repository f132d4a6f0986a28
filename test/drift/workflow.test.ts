import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { driftWorkflow } from '../../src/init/templates';
import type { RepoFacts } from '../../src/init/detect';
import { invocations, parseCli, shellWords } from '../helpers/workflow';
import { DRIFT, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');

interface Step {
  id?: string;
  name?: string;
  env?: Record<string, string>;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  'working-directory'?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: { include?: string } };
  steps: Step[];
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const facts: RepoFacts = { cdktfApps: [{ dir: 'cdk', app: 'npx ts-node main.ts' }], tfDirs: ['envs/dev', 'envs/prod'], awsAccounts: [], azureSubscriptions: [] } as unknown as RepoFacts;

// The repository's own workflow runs the CLI of this checkout; the one `leakguard init` writes, the installed package.
const WORKFLOWS: Array<{ name: string; text: string; cli: RegExp; action: string }> = [
  { name: '.github/workflows/leakguard-drift.yml', text: readFileSync(join(ROOT, '.github', 'workflows', 'leakguard-drift.yml'), 'utf8'), cli: /node bin\/leakguard\.js\s/, action: './' },
  { name: 'leakguard init', text: driftWorkflow(facts), cli: /npx leakguard\s/, action: './node_modules/leakguard' },
];

const needsOf = (j: Job): string[] => (j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs]);
const stepOf = (j: Job, name: string): Step => {
  const s = j.steps.find((x) => x.name === name);
  if (!s) throw new Error(`no step "${name}"`);
  return s;
};

describe.each(WORKFLOWS)('drift workflow $name', ({ text, cli, action: uses }) => {
  const wf = parse(text) as Workflow;
  const jobs = wf.jobs;
  const scripts = Object.values(jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));

  test('runs on a cron schedule and by hand, and may open the issue', () => {
    const fields = wf.on.schedule![0].cron.split(/\s+/);
    expect(fields).toHaveLength(5);
    expect(fields.every((f) => /^[\d*/,-]+$/.test(f))).toBe(true);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toMatchObject({ contents: 'read', issues: 'write' });
  });

  test('the job graph: stacks → one drift job per stack (matrix from the stacks job) → merge, even when stacks fail', () => {
    expect(Object.keys(jobs).sort()).toEqual(['drift', 'merge', 'stacks']);
    expect(needsOf(jobs.stacks)).toEqual([]);
    const list = stepOf(jobs.stacks, 'List the stacks');
    expect(jobs.stacks.outputs).toEqual({ matrix: `\${{ steps.${list.id}.outputs.matrix }}` });
    expect(invocations(list.run!, cli).map((argv) => argv.slice(0, 2))).toEqual([['drift', 'stacks']]);
    expect(list.run).toContain('>> "$GITHUB_OUTPUT"');

    expect(needsOf(jobs.drift)).toEqual(['stacks']);
    expect(jobs.drift.strategy?.matrix?.include).toBe('${{ fromJSON(needs.stacks.outputs.matrix) }}');
    expect(jobs.drift.strategy?.['fail-fast']).toBe(false); // one stack failing must not cancel the others
    const plan = stepOf(jobs.drift, 'Refresh-only plan');
    expect(plan['working-directory']).toBe('${{ matrix.dir }}');
    expect(plan.run).toMatch(/terraform plan -refresh-only .*-out "\$RUNNER_TEMP\/drift\/plan\.tfplan"/);
    expect(plan.run).toContain('terraform show -json "$RUNNER_TEMP/drift/plan.tfplan" > "$RUNNER_TEMP/drift/plan.json"');
    const drift = stepOf(jobs.drift, 'leakguard drift');
    expect(drift.if).toMatch(/^always\(\)/); // a failed plan still leaves a (not-checked) report
    expect(drift.env).toMatchObject({ STACK: '${{ matrix.stack }}', PLAN: `\${{ steps.${plan.id}.outcome }}` });
    const upload = jobs.drift.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with).toMatchObject({ name: 'drift-report-${{ matrix.stack }}', path: 'drift-report/' });
    // The per-stack job only reads the history; the merge alone saves it.
    expect(jobs.drift.steps.some((s) => s.uses?.startsWith('actions/cache/save@'))).toBe(false);

    expect(needsOf(jobs.merge).sort()).toEqual(['drift', 'stacks']);
    expect(jobs.merge.if).toBe("always() && needs.stacks.result == 'success'");
    const download = jobs.merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'drift-report-*', path: 'drift-reports', 'merge-multiple': true });
    const merge = jobs.merge.steps.find((s) => s.uses === uses)!;
    expect(merge.with).toMatchObject({ command: 'drift merge', paths: 'drift-reports', expect: '${{ runner.temp }}/stacks.json', history: '.leakguard/drift-history.json', fail: 'false' });
    for (const k of Object.keys(merge.with!)) expect(Object.keys(action.inputs)).toContain(k);
    // The expected list is the matrix itself.
    expect(stepOf(jobs.merge, 'Expected stacks').env).toEqual({ MATRIX: '${{ needs.stacks.outputs.matrix }}' });
    const order = (pred: (s: Step) => boolean): number => jobs.merge.steps.findIndex(pred);
    const restore = order((s) => Boolean(s.uses?.startsWith('actions/cache/restore@')));
    const save = order((s) => Boolean(s.uses?.startsWith('actions/cache/save@')));
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore).toBeLessThan(order((s) => s === merge));
    expect(save).toBeGreaterThan(order((s) => s === merge));
    expect(jobs.merge.steps[save].if).toMatch(/exit-code/);
    expect(jobs.merge.steps[jobs.merge.steps.length - 1].env).toEqual({ CODE: '${{ steps.drift.outputs.exit-code }}' });
  });

  test('every leakguard invocation is a real command with valid options (parsed by the CLI itself)', async () => {
    const all = scripts.flatMap((s) => invocations(s, cli));
    expect(all.length).toBeGreaterThanOrEqual(4);
    const ran: string[] = [];
    for (const argv of all) ran.push(await parseCli(argv));
    expect([...new Set(ran)].sort()).toEqual(['drift', 'drift not-checked', 'drift stacks']);
    // The per-stack report is the JSON one, named after the stack, with the stack's own name.
    const report = all.find((a) => a[0] === 'drift' && a[1] !== 'not-checked' && a[1] !== 'stacks')!;
    expect(report).toEqual(expect.arrayContaining(['--format', 'json', '--stack-name', '$STACK', '--output', 'drift-report/$STACK.json']));
    // The parser does refuse what the CLI would refuse.
    await expect(parseCli(['drift', 'merge', '--no-such-option'])).rejects.toThrow(/unknown option/);
    await expect(parseCli(['drift', 'not-checked', '--stack', 'x'])).rejects.toThrow(/--reason/);
  });

  test('every npm script exists and every run step is valid bash', () => {
    for (const name of scripts.flatMap((s) => [...s.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]))) expect({ name, defined: name in pkg.scripts }).toEqual({ name, defined: true });
    for (const run of scripts) {
      const syntax = spawnSync('bash', ['-n', '-c', run], { encoding: 'utf8' });
      expect({ run, status: syntax.status, stderr: syntax.stderr }).toEqual({ run, status: 0, stderr: '' });
    }
  });

  test('the per-stack step, run by bash: a report when the plan is good, a not-checked one when the plan or drift failed', () => {
    const script = stepOf(jobs.drift, 'leakguard drift').run!;
    const good = tempDirWith(script, cli, 'kms-logs', 'success', readFileSync(join(DRIFT, 'refresh-only-retention-and-rotation-off.json'), 'utf8'));
    // exit 0: violating drift is the merge's verdict, not the job's (tempDirWith checks the status)
    const report = JSON.parse(readFileSync(join(good, 'drift-report', 'kms-logs.json'), 'utf8'));
    expect(report).toMatchObject({ schema_version: '1', status: 'violating-drift', source: { stack: 'kms-logs' } });

    // Without the plan file: leakguard drift exits 2 → not-checked with its one line.
    const missing = JSON.parse(readFileSync(join(tempDirWith(script, cli, 'payments', 'success', null), 'drift-report', 'payments.json'), 'utf8'));
    expect(missing).toMatchObject({ kind: 'not-checked', stack: 'payments' });
    expect(missing.reason).toMatch(/^leakguard drift exited 2: leakguard: .*plan\.json: no such file or directory$/);
    const corrupt = JSON.parse(readFileSync(join(tempDirWith(script, cli, 'orders', 'success', '{"format_version":'), 'drift-report', 'orders.json'), 'utf8'));
    expect(corrupt).toMatchObject({ kind: 'not-checked', stack: 'orders' });
    expect(corrupt.reason).toMatch(/^leakguard drift exited 2: leakguard: /);
    const failedPlan = JSON.parse(readFileSync(join(tempDirWith(script, cli, 'billing', 'failure', null), 'drift-report', 'billing.json'), 'utf8'));
    expect(failedPlan).toMatchObject({ kind: 'not-checked', stack: 'billing' });
    expect(failedPlan.reason).toContain('failure');
  });
});

/** Runs the per-stack step in a fresh folder with the plan file (or none) in place; returns the folder. */
function tempDirWith(script: string, cli: RegExp, stack: string, plan: string, content: string | null): string {
  const cwd = tempDir('leakguard-drift-job-');
  mkdirSync(join(cwd, 'runner-temp', 'drift'), { recursive: true });
  if (content !== null) writeFileSync(join(cwd, 'runner-temp', 'drift', 'plan.json'), content);
  const here = script.replace(new RegExp(cli.source, 'g'), `"${process.execPath}" "${join(ROOT, 'bin', 'leakguard.js')}" `);
  const r = spawnSync('bash', ['-e', '-c', here], { cwd, encoding: 'utf8', env: { ...process.env, RUNNER_TEMP: join(cwd, 'runner-temp'), STACK: stack, PLAN: plan, FAIL_ON_DRIFT: 'false' } });
  if (r.status !== 0) throw new Error(`the step failed (${r.status}): ${r.stderr}`);
  return cwd;
}

describe('shellWords / invocations (the test helper itself)', () => {
  test('splits as bash does for the forms the workflows use', () => {
    expect(shellWords(`drift "$RUNNER_TEMP/p.json" --stack-name "$STACK" --reason "a: $(grep -m1 '^x' "$F" || echo 'y')" -o f 2> err`)).toEqual([
      'drift',
      '$RUNNER_TEMP/p.json',
      '--stack-name',
      '$STACK',
      '--reason',
      `a: $(grep -m1 '^x' "$F" || echo 'y')`,
      '-o',
      'f',
    ]);
    expect(invocations('h=()\nh=(--history "$T/h.json")\nnode bin/leakguard.js drift p "${h[@]}" --format json', /node bin\/leakguard\.js\s/)).toEqual([['drift', 'p', '--history', '$T/h.json', '--format', 'json']]);
  });
});
