import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const WORKFLOW = join(ROOT, '.github', 'workflows', 'leakguard-drift.yml');

interface Step {
  id?: string;
  name?: string;
  env?: Record<string, string>;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const shell = steps.map((s) => s.run ?? '').join('\n');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };

describe('.github/workflows/leakguard-drift.yml', () => {
  test('runs on a cron schedule and by hand', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const fields = workflow.on.schedule![0].cron.split(/\s+/);
    expect(fields).toHaveLength(5);
    expect(fields.every((f) => /^[\d*/,-]+$/.test(f))).toBe(true);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  test('every npm script it calls is in package.json', () => {
    const called = [...shell.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect({ name, defined: name in pkg.scripts }).toEqual({ name, defined: true });
  });

  test('every script it calls exists in the repository; it never runs the CLI itself', () => {
    const files = [...shell.matchAll(/(?:bash|node|sh) ((?:scripts|bin|dist)\/[\w./-]+)/g)].map((m) => m[1]);
    expect(files).toEqual(['scripts/setup-opa.sh']);
    for (const f of files) expect({ f, exists: existsSync(join(ROOT, f)) }).toEqual({ f, exists: true });
    expect(shell).not.toMatch(/bin\/leakguard\.js|npx leakguard|dist\/src\/cli/);
  });

  test('plans refresh-only into a folder named after the root module, and hands the plan to the action', () => {
    expect(shell).toMatch(/terraform plan -refresh-only .*-out "\$RUNNER_TEMP\/drift\/\$stack\/plan\.tfplan"/);
    expect(shell).toMatch(/terraform show -json "\$RUNNER_TEMP\/drift\/\$stack\/plan\.tfplan" > "\$RUNNER_TEMP\/drift\/\$stack\/plan\.json"/);
    expect(shell).toContain('stack=$(basename "$PWD")');
    const plan = steps.find((s) => s.id === 'plan')!;
    expect(plan.run).toContain('echo "plan=$RUNNER_TEMP/drift/$stack/plan.json" >> "$GITHUB_OUTPUT"');
  });

  test('runs leakguard drift through the repository\'s own action, with inputs the action declares', () => {
    const drift = steps.filter((s) => s.uses === './');
    expect(drift).toHaveLength(1);
    expect(drift[0].id).toBe('drift');
    expect(drift[0].with).toEqual({
      command: 'drift',
      paths: '${{ steps.plan.outputs.plan }}',
      history: '.leakguard/drift-history.json',
      'fail-on-drift': "${{ inputs.fail-on-drift && 'true' || 'false' }}",
      'reports-dir': '${{ runner.temp }}/reports',
      leakguard: 'node bin/leakguard.js',
      fail: 'false',
    });
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    for (const k of Object.keys(drift[0].with!)) expect(Object.keys(action.inputs)).toContain(k);
    expect(existsSync(join(ROOT, 'bin', 'leakguard.js'))).toBe(true);
    expect(pkg.bin.leakguard).toBe('bin/leakguard.js');
    // The issue is the action's (issue defaults to true); the history is cached around it.
    expect(steps.some((s) => s.uses?.startsWith('actions/github-script@'))).toBe(false);
    const history = (s: Step) => s.with?.path === '.leakguard';
    const restore = steps.findIndex((s) => s.uses?.startsWith('actions/cache/restore@') && history(s));
    const save = steps.findIndex((s) => s.uses?.startsWith('actions/cache/save@') && history(s));
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore).toBeLessThan(steps.indexOf(drift[0]));
    expect(save).toBeGreaterThan(steps.indexOf(drift[0]));
    expect(steps[save].if).toBe("steps.drift.outputs.exit-code != '2'");
    expect(steps[steps.length - 1].env).toEqual({ CODE: '${{ steps.drift.outputs.exit-code }}' });
  });
});
