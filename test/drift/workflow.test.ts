import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ISSUE_MARKER } from '../../src/drift/format/markdown';
import { driftCommand } from '../../src/cli/commands/drift';

const ROOT = join(__dirname, '..', '..');
const WORKFLOW = join(ROOT, '.github', 'workflows', 'leakguard-drift.yml');

interface Step {
  name?: string;
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

  test('every script and binary it calls exists in the repository', () => {
    const files = [...shell.matchAll(/(?:bash|node|sh) ((?:scripts|bin|dist)\/[\w./-]+)/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['scripts/setup-opa.sh', 'bin/leakguard.js']));
    for (const f of files) {
      // dist/ is built by `npm run build` earlier in the job; its source must exist.
      const source = f.startsWith('dist/') ? f.replace(/^dist\//, '').replace(/\.js$/, '.ts') : f;
      expect({ f, exists: existsSync(join(ROOT, source)) }).toEqual({ f, exists: true });
    }
    expect(pkg.bin.leakguard).toBe('bin/leakguard.js');
  });

  test('runs a refresh-only plan and hands its JSON to leakguard drift with options the command has', () => {
    expect(shell).toMatch(/terraform plan -refresh-only .*-out "\$RUNNER_TEMP\/drift\.tfplan"/);
    expect(shell).toMatch(/terraform show -json "\$RUNNER_TEMP\/drift\.tfplan" > "\$RUNNER_TEMP\/drift-plan\.json"/);
    const invocations = shell.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.includes('bin/leakguard.js drift'));
    expect(invocations.length).toBeGreaterThan(0);
    const command = driftCommand({ io: { stdout: () => undefined, stderr: () => undefined, isTTY: false }, exit: () => undefined });
    const known = new Set(command.options.map((o) => o.long));
    for (const option of invocations.flatMap((l) => [...l.matchAll(/ (--[a-z][\w-]*)/g)].map((m) => m[1]))) {
      expect({ option, known: known.has(option) }).toEqual({ option, known: true });
    }
    expect(shell).toContain('--history "$HISTORY"');
    expect(shell).toContain('--format markdown');
  });

  test('opens or updates ONE issue, found by label and the report marker, with actions/github-script', () => {
    const issue = steps.find((s) => s.uses?.startsWith('actions/github-script@'));
    expect(issue).toBeDefined();
    const script = String(issue!.with!.script);
    expect(script).toContain(`const marker = '${ISSUE_MARKER}'`);
    expect(script).toContain('labels: label');
    expect(script).toContain('github.rest.issues.update');
    expect(script).toContain('github.rest.issues.create');
    expect(script).toMatch(/mine\[0\]\.number/);
    // The script must be valid JavaScript (as github-script wraps it: an async function body).
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => unknown;
    expect(() => new AsyncFunction('github', 'context', 'core', 'require', script)).not.toThrow();
  });
});
