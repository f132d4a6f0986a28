import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/evaluate/catalog';
import { sha256 } from '../../src/evaluate/manifest';
import { buildDir } from '../../src/evaluate/paths';
import type { Decision } from '../../src/types/decision';
import { PLANS, run, tempDir, writeTree } from '../helpers/cli';
import { isolated, ofRule, RULE } from '../report/support';

const PLAN = join(PLANS, 'aws-s3-create-update-delete-noop-drift-tf1.2.json');
const STACK = 'plans'; // the folder holding the plan
// The public-access-block rule soft (so waivable) and every other rule advisory.
const config = join(
  writeTree({
    'leakguard.json': isolated({
      policy: { enforcement: { rules: { [RULE]: 'soft' } } },
      waivers: [
        { rule: RULE, resource: 'aws_s3_bucket.noop_bucket', reason: 'read-only archive, no customer data', owner: 'data-team', expires: '2027-01-31', ticket: 'DATA-9' },
        { rule: RULE, resource: 'aws_s3_bucket.gone', reason: 'bucket was deleted last quarter', owner: 'data-team', expires: '2027-01-31' },
      ],
    }),
  }),
  'leakguard.json',
);

/** A throwaway git checkout as the working directory, so the recorded commit is known and fixed. */
function gitRepo(): { dir: string; commit: string } {
  const dir = tempDir('leakguard-git-');
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', '-c', 'commit.gpgsign=false', ...a], { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'start');
  return { dir, commit: git('rev-parse', 'HEAD') };
}

async function inRepo<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const prev = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(prev);
  }
}

const runs = (dir: string) => readdirSync(join(dir, 'runs')).sort().map((r) => join(dir, 'runs', r));
const json = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

describe('check --evidence', () => {
  const repo = gitRepo();
  const evidence = join(tempDir(), 'evidence');
  const check = () => inRepo(repo.dir, () => run('check', PLAN, '--config', config, '--today', '2026-06-01', '--evidence', evidence, '--format', 'json'));
  let first: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    first = await check();
    await check();
  });

  test('the bundle records inputs, policy, rules, tallies and waivers', () => {
    expect(first.code).toBe(1); // create and update buckets still block
    const [bundleDir] = runs(evidence);
    const head = JSON.parse(readFileSync(join(evidence, 'evidence-log.jsonl'), 'utf8').split('\n')[0]).hash;
    expect(first.stderr).toBe(`leakguard: evidence written to ${bundleDir} (log ${join(evidence, 'evidence-log.jsonl')}, entry 1, chain head ${head}, unsigned)\n`);
    const b = json(join(bundleDir, 'evidence.json'));
    expect(b.schema).toBe('leakguard-evidence/1');
    expect(b.generated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(b.git).toEqual({ commit: repo.commit });
    expect(b.inputs).toEqual([{ path: PLAN, sha256: sha256(readFileSync(PLAN)), bytes: readFileSync(PLAN).length }]);
    expect(b.config).toEqual({ path: config, sha256: sha256(readFileSync(config)), bytes: readFileSync(config).length });
    const manifestPath = join(buildDir(), 'manifest.json');
    const manifest = json(manifestPath);
    expect(b.policy).toEqual({
      manifest_sha256: sha256(readFileSync(manifestPath)),
      opa_version: manifest.opa_version,
      wasm_sha256: manifest.wasm_sha256,
      entrypoint: manifest.entrypoint,
      rules_sha256: sha256(readFileSync(join(buildDir(), 'rules.json'))),
    });
    expect(b.options).toEqual({ today: '2026-06-01', changed_only: false });

    // Every compiled rule appears, with its outcome.
    const catalog = loadCatalog();
    expect(b.rules.map((r: { id: string }) => r.id)).toEqual(catalog.map((r) => r.id).sort());
    const s3 = b.rules.find((r: { id: string }) => r.id === RULE);
    expect(s3).toMatchObject({
      control: 'public-storage',
      outcome: 'fail',
      findings: 3,
      blocking: 2,
      waived: 1,
      failing_resources: [`${STACK}/aws_s3_bucket.create_bucket`, `${STACK}/aws_s3_bucket.update_bucket`],
      legal: ['Cal. Civ. Code §1798.81.5 (reasonable security procedures)', 'Cal. Civ. Code §1798.150 (private right of action after a breach)'],
    });
    const d: Decision = JSON.parse(first.stdout);
    for (const r of b.rules) {
      const fs = ofRule(d, r.id);
      expect(r.findings).toBe(fs.length);
      expect(r.outcome).toBe(fs.length === 0 ? 'pass' : fs.every((f) => f.waived) ? 'waived' : 'fail');
    }
    expect(b.rules.some((r: { outcome: string }) => r.outcome === 'pass')).toBe(true);

    // Pass/fail by control and by CCPA reference add up to the rules.
    const controls = new Set(catalog.map((r) => r.control));
    expect(Object.keys(b.by_control).sort()).toEqual([...controls].sort());
    expect(b.by_control['public-storage'].fail).toBeGreaterThanOrEqual(1);
    const total = Object.values(b.by_control as Record<string, { rules: number; pass: number; fail: number; waived: number }>).reduce((n, t) => {
      expect(t.pass + t.fail + t.waived).toBe(t.rules);
      return n + t.rules;
    }, 0);
    expect(total).toBe(catalog.length);
    expect(b.by_legal_reference['Cal. Civ. Code §1798.150 (private right of action after a breach)']).toMatchObject({ fail: expect.any(Number) });
    expect(b.by_legal_reference['Cal. Civ. Code §1798.150 (private right of action after a breach)'].fail).toBeGreaterThanOrEqual(1);

    expect(b.waivers.applied).toEqual([
      expect.objectContaining({ rule: RULE, reason: 'read-only archive, no customer data', owner: 'data-team', ticket: 'DATA-9', matched: [`${STACK}/aws_s3_bucket.noop_bucket`] }),
    ]);
    expect(b.waivers.unused).toEqual([expect.objectContaining({ resource: 'aws_s3_bucket.gone' })]);
    expect(b.exit_code).toBe(1);
    expect(b.summary).toMatchObject({ findings: d.findings.length, blocking: 2, waived: 1 });
    // The report adds the log entry's chain head, which the bundle it hashes cannot hold.
    const { evidence: entry, ...shown } = JSON.parse(first.stdout);
    expect(json(join(bundleDir, 'decision.json'))).toEqual(shown);
    expect(entry).toEqual({ log: join(evidence, 'evidence-log.jsonl'), entry: 1, head, key_id: null });
  });

  test('identical inputs → identical bundles apart from the timestamp', () => {
    const [a, b] = runs(evidence);
    expect(a).not.toBe(b);
    const strip = (f: string) => ({ ...json(f), generated_at: undefined });
    expect(strip(join(b, 'evidence.json'))).toEqual(strip(join(a, 'evidence.json')));
    expect(readFileSync(join(b, 'decision.json'), 'utf8')).toBe(readFileSync(join(a, 'decision.json'), 'utf8'));
    const ea = readFileSync(join(a, 'evidence.json'), 'utf8').split('\n');
    const eb = readFileSync(join(b, 'evidence.json'), 'utf8').split('\n');
    expect(eb.filter((l, i) => l !== ea[i])).toEqual([expect.stringMatching(/^ {2}"generated_at": /)]);
  });

  test('each run appends one hash-chained entry to the log', async () => {
    const lines = readFileSync(join(evidence, 'evidence-log.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const d: Decision = JSON.parse(first.stdout);
    expect(lines[0]).toMatchObject({ seq: 1, prev: '0'.repeat(64), git_commit: repo.commit, exit_code: 1, findings: d.findings.length, blocking: 2 });
    expect(lines[1].prev).toBe(lines[0].hash);
    expect(lines[1].bundle).toBe(`runs/${runs(evidence)[1].split('/').pop()}`);
    expect(lines[1].bundle_sha256).toBe(sha256(readFileSync(join(runs(evidence)[1], 'evidence.json'), 'utf8')));
    const v = await run('evidence', 'verify', join(evidence, 'evidence-log.jsonl'), '--bundles');
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${join(evidence, 'evidence-log.jsonl')}: intact, 2 entries, head ${lines[1].hash}\n`);
  });

  test('outside a git checkout the commit is null; --evidence-log puts the log elsewhere', async () => {
    const outside = tempDir();
    const ev = join(outside, 'ev');
    const log = join(outside, 'central', 'log.jsonl');
    const r = await inRepo(outside, () => run('check', PLAN, '--config', config, '--evidence', ev, '--evidence-log', log, '--format', `json=${join(outside, 'd.json')}`));
    expect(r.code).toBe(1);
    expect(json(join(runs(ev)[0], 'evidence.json')).git).toBeNull();
    const [entry] = readFileSync(log, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(entry.bundle).toBe(`../ev/${runs(ev)[0].split('/').slice(-2).join('/')}`);
    expect((await run('evidence', 'verify', log, '--bundles')).code).toBe(0);
  });
});

describe('evidence verify', () => {
  /** A log of five real entries, copied per test so each can tamper with its own. */
  const source = join(tempDir(), 'ev');
  beforeAll(async () => {
    for (let i = 0; i < 5; i++) expect((await run('check', PLAN, '--evidence', source, '--format', `json=${join(source, '..', 'd.json')}`)).code).toBe(1);
  });
  const copy = (edit: (lines: string[]) => string[]): string => {
    const lines = readFileSync(join(source, 'evidence-log.jsonl'), 'utf8').trimEnd().split('\n');
    const f = join(tempDir(), 'log.jsonl');
    writeFileSync(f, edit(lines).join('\n') + '\n');
    return f;
  };
  const verify = (f: string, ...args: string[]) => run('evidence', 'verify', f, ...args);

  test('intact: exit 0', async () => {
    const r = await verify(copy((l) => l));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: intact, 5 entries, head [0-9a-f]{64}\n$/);
  });

  test('an edited entry: exit 1 naming it', async () => {
    const f = copy((l) => l.map((x, i) => (i === 2 ? x.replace('"exit_code":1', '"exit_code":0') : x)));
    const r = await verify(f);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${f}: entry 3: content does not match its hash (entry edited)\n`);
  });

  test('an edited entry whose hash was recomputed: the next entry no longer chains', async () => {
    const { hashOf } = await import('../../src/evidence/log');
    const { canonicalJson } = await import('../../src/evidence/canonical');
    const f = copy((l) =>
      l.map((x, i) => {
        if (i !== 1) return x;
        const { hash: _hash, ...e } = JSON.parse(x);
        const forged = { ...e, exit_code: 0 };
        return canonicalJson({ ...forged, hash: hashOf(forged) });
      }),
    );
    const r = await verify(f);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('entry 3: does not chain to entry 2');
  });

  test('a removed entry: exit 1 naming where the gap is', async () => {
    const r = await verify(copy((l) => l.filter((_, i) => i !== 1)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('entry 2: sequence number 3 where 2 was expected');
  });

  test('reordered entries: exit 1', async () => {
    const r = await verify(copy((l) => [l[0], l[2], l[1], l[3], l[4]]));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('entry 2: ');
  });

  test('the first entry removed: exit 1 at entry 1', async () => {
    const r = await verify(copy((l) => l.slice(1)));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('entry 1: ');
  });

  test('entries cut off the end are caught with --head', async () => {
    const lines = readFileSync(join(source, 'evidence-log.jsonl'), 'utf8').trimEnd().split('\n');
    const head = JSON.parse(lines[4]).hash;
    expect((await verify(copy((l) => l), '--head', head)).code).toBe(0);
    const cut = await verify(copy((l) => l.slice(0, 4)), '--head', head);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('entry 4: ');
  });

  test('a changed bundle is caught with --bundles', async () => {
    const log = join(source, 'evidence-log.jsonl');
    const entry = JSON.parse(readFileSync(log, 'utf8').split('\n')[3]);
    const file = join(source, entry.bundle, 'evidence.json');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replace('"exit_code": 1', '"exit_code": 0'));
      expect((await verify(log)).code).toBe(0); // the chain alone cannot see it
      const r = await verify(log, '--bundles');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`entry 4: bundle ${entry.bundle}/evidence.json was changed`);
    } finally {
      writeFileSync(file, original);
    }
  });

  test.each([
    ['not JSON', (l: string[]) => [l[0], '{oops', ...l.slice(2)], 'entry 2 is malformed: not JSON'],
    ['a missing field', (l: string[]) => [l[0], JSON.stringify({ ...JSON.parse(l[1]), prev: undefined }), ...l.slice(2)], 'entry 2 is malformed: "prev" missing'],
    ['no entries', () => [''], 'the evidence log has no entries'],
  ])('malformed (%s): exit 2 with one line', async (_, edit, message) => {
    const r = await verify(copy(edit));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  test('a missing log or a bad --head: exit 2', async () => {
    expect((await verify(join(tempDir(), 'none.jsonl'))).stderr).toContain('evidence log not found');
    expect((await verify(join(source, 'evidence-log.jsonl'), '--head', 'abc')).code).toBe(2);
  });
});
