import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { checkCommand } from '../../src/cli/commands/check';
import { driftCommand } from '../../src/cli/commands/drift';
import { ISSUE_MARKER } from '../../src/drift/format/markdown';
import { formatters } from '../../src/report';
import { MARKER } from '../../src/report/markdown';
import { tempDir } from '../helpers/cli';
import { invocations, parseCli } from '../helpers/workflow';

const ROOT = join(__dirname, '..', '..');
interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const runStep = action.runs.steps.find((s) => s.id === 'run')!;

// Inputs that are `leakguard check` / `leakguard drift` arguments, and the ones that only steer the action.
const CHECK: Record<string, string> = { paths: '<paths...>', config: '--config', 'stack-name': '--stack-name', baseline: '--baseline', formats: '--format', 'changed-only': '--changed-only', evidence: '--evidence' };
const DRIFT: Record<string, string> = { paths: '[plan]', config: '--config', 'stack-name': '--stack-name', history: '--history', 'fail-on-drift': '--fail-on-drift' };
const MERGE: Record<string, string> = { paths: '[reports...]', expect: '--expect', history: '--history', 'fail-on-drift': '--fail-on-drift' };
const ACTION_ONLY = ['command', 'args', 'comment', 'issue', 'upload-sarif', 'reports-dir', 'leakguard', 'fail', 'github-token'];
const ctx = { io: { stdout: () => {}, stderr: () => {}, isTTY: false }, exit: () => {} };

type Outputs = Record<string, string>;
/** The action's one leakguard step, run by bash as the runner runs it, with the CLI of this checkout. */
function runAction(dir: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string; outputs: Outputs } {
  const output = join(dir, `github-output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [`LG_${k.toUpperCase().replace(/-/g, '_')}`, v.default ?? '']));
  const r = spawnSync('bash', ['-e', '-c', runStep.run!], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...defaults, GITHUB_OUTPUT: output, LG_RUN: `${process.execPath} bin/leakguard.js`, LG_REPORTS: join(dir, 'reports'), ...env },
  });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2))) as Outputs;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('action.yml (composite GitHub Action)', () => {
  test('every input is a leakguard check or drift option the CLI has, or one the action itself uses', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set([...Object.keys(CHECK), ...Object.keys(DRIFT), ...Object.keys(MERGE), ...ACTION_ONLY])].sort());
    // Every LG_* variable the step reads is an input.
    for (const k of Object.keys(action.inputs).filter((k) => !['comment', 'issue', 'upload-sarif', 'fail', 'github-token'].includes(k))) {
      const name = k === 'reports-dir' ? 'LG_REPORTS' : k === 'leakguard' ? 'LG_RUN' : `LG_${k.toUpperCase().replace(/-/g, '_')}`;
      expect({ k, env: runStep.env![name] }).toEqual({ k, env: `\${{ inputs.${k} }}` });
    }
    const merge = driftCommand(ctx).commands.find((c) => c.name() === 'merge')!;
    for (const [command, inputs] of [[checkCommand(ctx), CHECK], [driftCommand(ctx), DRIFT], [merge, MERGE]] as const) {
      const options = command.options.map((o) => o.long);
      const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
      for (const [input, flag] of Object.entries(inputs)) {
        const known = flag.startsWith('<') || flag.startsWith('[') ? args.includes(flag) : options.includes(flag);
        expect({ command: command.name(), input, known }).toEqual({ command: command.name(), input, known: true });
        if (!flag.startsWith('<') && !flag.startsWith('[')) expect({ input, passed: runStep.run!.includes(flag) }).toEqual({ input, passed: true });
      }
    }
    expect(action.inputs.paths.description).toContain('leakguard check <paths...>');
    expect(action.inputs.paths.description).toContain('leakguard drift [plan]');
    expect(action.inputs.paths.description).toContain('leakguard drift merge [reports...]');
  });

  test('the reports it writes use formats the CLI knows; the comment and the issue find their markers', () => {
    const known = formatters.map((f) => f.name);
    for (const m of runStep.run!.matchAll(/ check [\s\S]*?--format (\w+)/g)) expect(known).toContain(m[1]);
    const scripts = action.runs.steps.filter((s) => s.uses?.startsWith('actions/github-script@'));
    const comment = scripts.find((s) => s.with!.script.includes(`const marker = '${MARKER}';`))!;
    expect(comment.if).toContain("inputs.command == 'check'");
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    const issue = scripts.find((s) => s.with!.script.includes(`const marker = '${ISSUE_MARKER}';`))!;
    expect(issue.if).toContain("inputs.command == 'drift'");
    expect(issue.if).toContain("inputs.command == 'drift merge'");
    expect(issue.with!.script).toContain("status === 'not-checked'");
    expect(issue.with!.script).toContain('github.rest.issues.update');
    expect(issue.with!.script).toMatch(/mine\[0\]\.number/);
    // github-script wraps a script in an async function body: both must be valid JavaScript.
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => unknown;
    for (const s of scripts) expect(() => new AsyncFunction('github', 'context', 'core', 'require', s.with!.script)).not.toThrow();
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!.if).toContain("inputs.upload-sarif == 'true'");
    for (const [name, out] of Object.entries(action.outputs)) expect({ name, value: out.value }).toEqual({ name, value: `\${{ steps.run.outputs.${name} }}` });
  });

  test('check, run as the runner would: writes the reports and outputs the exit code', () => {
    const dir = tempDir('leakguard-action-');
    const r = runAction(dir, { LG_PATHS: 'test/package/fixtures/leaky-hcl', LG_FORMATS: `gitlab=${join(dir, 'reports', 'gl.json')}`, LG_BASELINE: join(dir, 'absent.json') });
    expect(r.status).toBe(0); // the step itself never fails; the verdict step does
    expect(r.outputs).toEqual({ 'exit-code': '1', sarif: join(dir, 'reports', 'leakguard.sarif'), markdown: join(dir, 'reports', 'comment.md'), text: join(dir, 'reports', 'leakguard.txt') });
    for (const f of ['leakguard.sarif', 'comment.md', 'leakguard.txt', 'gl.json']) expect({ f, written: existsSync(join(dir, 'reports', f)) }).toEqual({ f, written: true });
    expect(r.stdout).toContain('::error file=');
    expect(r.stdout).toContain('BLOCKED:');
  });

  test('drift, run as the runner would: history kept, Markdown/JSON/HTML reports, the status and exit code', () => {
    const dir = tempDir('leakguard-action-drift-');
    const plan = join(dir, 'orders', 'plan.json');
    mkdirSync(dirname(plan), { recursive: true });
    copyFileSync(join(ROOT, 'test', 'drift', 'fixtures', 'emulator', 'drift-plan.json'), plan);
    const history = join(dir, '.leakguard', 'drift-history.json');
    const r = runAction(dir, { LG_COMMAND: 'drift', LG_PATHS: plan, LG_HISTORY: history });
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'drift.json'), 'utf8')) as { status: string; exit_code: number };
    expect(r.outputs).toEqual({ 'exit-code': String(report.exit_code), markdown: join(dir, 'reports', 'drift.md'), json: join(dir, 'reports', 'drift.json'), status: report.status });
    expect(report.status).not.toBe('clean');
    expect(readFileSync(join(dir, 'reports', 'drift.md'), 'utf8')).toContain(ISSUE_MARKER);
    expect(readFileSync(join(dir, 'reports', 'drift.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    // Only the Markdown run writes the history: the JSON and HTML copies saw it as it was.
    const first = JSON.parse(readFileSync(history, 'utf8')) as { version: number; items: Record<string, { first_seen: string }> };
    expect(first.version).toBe(2);
    expect(Object.keys(first.items).length).toBeGreaterThan(0);
    const again = runAction(dir, { LG_COMMAND: 'drift', LG_PATHS: plan, LG_HISTORY: history, LG_FAIL_ON_DRIFT: 'true' });
    expect(again.outputs['exit-code']).toBe('1'); // any drift fails with fail-on-drift
    const second = JSON.parse(readFileSync(history, 'utf8')) as typeof first;
    for (const [k, item] of Object.entries(first.items)) expect(second.items[k]?.first_seen).toBe(item.first_seen);
  });

  test('drift over several plans: one report and one history per stack, the worst status and exit code', () => {
    const dir = tempDir('leakguard-action-drift-');
    const plans = ['orders', 'payments'].map((stack, i) => {
      const plan = join(dir, stack, 'plan.json');
      mkdirSync(dirname(plan), { recursive: true });
      copyFileSync(join(ROOT, 'test', 'drift', 'fixtures', 'emulator', i === 0 ? 'nodrift-plan.json' : 'drift-plan.json'), plan);
      return plan;
    });
    const r = runAction(dir, { LG_COMMAND: 'drift', LG_PATHS: plans.join(' '), LG_HISTORY: join(dir, 'h', 'drift-history.json') });
    const statuses = ['orders', 'payments'].map((s) => (JSON.parse(readFileSync(join(dir, 'reports', `drift-${s}.json`), 'utf8')) as { status: string }).status);
    expect(statuses[0]).toBe('clean');
    expect(r.outputs.status).toBe(statuses[1]);
    expect(r.outputs['exit-code']).toBe(statuses[1] === 'violating-drift' ? '1' : '0');
    for (const s of ['orders', 'payments']) expect({ s, history: existsSync(join(dir, 'h', `drift-history-${s}.json`)) }).toEqual({ s, history: true });
    // The issue body holds both stacks' reports.
    expect(readFileSync(r.outputs.markdown, 'utf8').split(ISSUE_MARKER)).toHaveLength(3);
  });

  test('drift merge, run as the runner would: one estate report in every format, one history, a missing stack fails the run', () => {
    const dir = tempDir('leakguard-action-merge-');
    const reports = join(dir, 'drift-reports');
    mkdirSync(reports);
    for (const [stack, plan] of [['orders', 'nodrift-plan.json'], ['payments', 'nodrift-plan.json']]) {
      const made = spawnSync(process.execPath, ['bin/leakguard.js', 'drift', join(ROOT, 'test', 'drift', 'fixtures', 'emulator', plan), '--no-config', '--stack-name', stack, '--format', 'json', '--output', join(reports, `${stack}.json`)], { cwd: ROOT, encoding: 'utf8' });
      expect(made.status).toBe(0);
    }
    const history = join(dir, '.leakguard', 'drift-history.json');
    const expected = join(dir, 'stacks.json');
    writeFileSync(expected, JSON.stringify([{ stack: 'orders' }, { stack: 'payments' }]));
    const clean = runAction(dir, { LG_COMMAND: 'drift merge', LG_PATHS: reports, LG_EXPECT: expected, LG_HISTORY: history });
    expect(clean.status).toBe(0);
    expect(clean.outputs).toEqual({ 'exit-code': '0', markdown: join(dir, 'reports', 'drift.md'), json: join(dir, 'reports', 'drift.json'), status: 'clean' });
    expect(readFileSync(clean.outputs.markdown, 'utf8').startsWith(ISSUE_MARKER)).toBe(true);
    expect(readFileSync(join(dir, 'reports', 'drift.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(existsSync(history)).toBe(true);
    // A third stack is expected and its job left nothing: not checked, the run fails.
    writeFileSync(expected, JSON.stringify([{ stack: 'orders' }, { stack: 'payments' }, { stack: 'billing' }]));
    const partial = runAction(dir, { LG_COMMAND: 'drift merge', LG_PATHS: reports, LG_EXPECT: expected, LG_HISTORY: history });
    expect([partial.outputs['exit-code'], partial.outputs.status]).toEqual(['1', 'not-checked']);
    expect(partial.stdout).toContain('| `billing` | **not checked** |');
    // A corrupt report: exit 2, no status, the history left as it was.
    const before = readFileSync(history);
    writeFileSync(join(reports, 'broken.json'), '{');
    const bad = runAction(dir, { LG_COMMAND: 'drift merge', LG_PATHS: reports, LG_EXPECT: expected, LG_HISTORY: history, LG_REPORTS: join(dir, 'bad-reports') });
    expect([bad.outputs['exit-code'], bad.outputs.status]).toEqual(['2', '']);
    expect(readFileSync(history).equals(before)).toBe(true);
  });

  test('any other command runs with paths, config and args: baseline create, explain; a bad one is exit 2', () => {
    const dir = tempDir('leakguard-action-other-');
    const baseline = join(dir, 'baseline.json');
    const created = runAction(dir, { LG_COMMAND: 'baseline create', LG_PATHS: 'test/package/fixtures/leaky-hcl', LG_ARGS: `-o ${baseline}` });
    expect(created.outputs).toEqual({ 'exit-code': '0' });
    expect((JSON.parse(readFileSync(baseline, 'utf8')) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    const explained = runAction(dir, { LG_COMMAND: 'explain', LG_ARGS: 'aws-s3-public-acl' });
    expect(explained.outputs).toEqual({ 'exit-code': '0' });
    expect(explained.stdout).toContain('public-storage');
    expect(runAction(dir, { LG_COMMAND: 'drift', LG_PATHS: join(dir, 'absent.json') }).outputs['exit-code']).toBe('2');
  });
});

describe('docs/ci.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]) as Record<string, unknown>);

  test('drift for an estate in GitLab: a matrix job per stack, then one merge of their reports, every leakguard call one the CLI parses', async () => {
    expect(blocks).toHaveLength(5);
    const gitlab = blocks[4] as Record<string, { script: string[]; needs?: string[]; parallel?: { matrix: Array<Record<string, string>> }; artifacts: { when: string; paths: string[] } }>;
    expect(gitlab.drift.parallel!.matrix.every((m) => Object.keys(m).sort().join() === 'DIR,STACK')).toBe(true);
    expect(gitlab.drift.artifacts).toEqual({ when: 'always', paths: ['drift-report/'] });
    expect(gitlab['drift-merge'].needs).toEqual(['drift']);
    const calls = Object.values(gitlab).flatMap((job) => job.script.flatMap((line) => invocations(line, /npx leakguard\s/)));
    const ran: string[] = [];
    for (const argv of calls) ran.push(await parseCli(argv));
    expect(ran).toEqual(['drift', 'drift not-checked', 'drift not-checked', 'drift stacks', 'drift merge']);
    expect(calls[calls.length - 1]).toEqual(expect.arrayContaining(['drift-report', '--expect', 'stacks.json', '--history']));
    for (const job of Object.values(gitlab)) {
      for (const line of job.script) {
        const syntax = spawnSync('bash', ['-n', '-c', line], { encoding: 'utf8' });
        expect({ line, status: syntax.status }).toEqual({ line, status: 0 });
      }
    }
  });

  test('shows a GitHub check and drift, a GitLab and an Azure Pipelines job, each valid YAML', () => {
    const shown = blocks.slice(0, 4);
    expect(JSON.stringify(shown[0])).toContain('<owner>/leakguard@v0');
    const drift = (shown[1].jobs as Record<string, { steps: Step[] }>).drift.steps.find((s) => s.uses === './node_modules/leakguard')!;
    expect(drift.with).toMatchObject({ command: 'drift', history: '.leakguard/drift-history.json' });
    for (const k of Object.keys(drift.with!)) expect(Object.keys(action.inputs)).toContain(k);
    shown.splice(1, 1);
    expect((shown[1].leakguard as { artifacts: { reports: Record<string, string> } }).artifacts.reports).toEqual({ codequality: 'gl-code-quality.json', junit: 'leakguard-junit.xml' });
    expect(JSON.stringify(shown[2])).toContain('PublishTestResults@2');
  });

  test('its leakguard commands use formats the CLI knows, and the action example inputs the action has', () => {
    const known = formatters.map((f) => f.name);
    const commands = JSON.stringify(blocks).match(/npx leakguard check [^"]*/g)!;
    expect(commands).toHaveLength(2);
    for (const c of commands) for (const m of c.matchAll(/--format (\w+)/g)) expect(known).toContain(m[1]);
    const steps = (blocks[0].jobs as Record<string, { steps: Step[] }>).leakguard.steps;
    const uses = steps.find((s) => s.uses?.includes('leakguard@'))!;
    for (const k of Object.keys(uses.with!)) expect(Object.keys(action.inputs)).toContain(k);
  });
});
