import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { byAddress, driftJson, introduced, run, SECRETS, tempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');
const E2E = join(ROOT, 'scripts', 'drift-e2e');
const MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';

/** Installs moto on CI (or when asked); says why the live test cannot run, or null when it can. */
function whyNot(): string | null {
  if (spawnSync('terraform', ['version'], { encoding: 'utf8' }).status !== 0) return 'terraform is not on PATH';
  if (!existsSync(join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws'))) return `no offline hashicorp/aws provider mirror at ${MIRROR}`;
  if (process.env.CI || process.env.LEAKGUARD_E2E) {
    const r = spawnSync('bash', [join(E2E, 'setup-moto.sh')], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) return `scripts/drift-e2e/setup-moto.sh failed: ${(r.stderr || r.stdout).trim().split('\n').pop()}`;
  }
  if (spawnSync('python3', ['-c', 'import moto.server, boto3'], { encoding: 'utf8' }).status !== 0) {
    return "python3 cannot import moto; set LEAKGUARD_E2E=1 (or CI) to pip install 'moto[server]'";
  }
  return null;
}

const why = whyNot();
if (why) console.log(`SKIPPED drift end-to-end against the moto AWS emulator: ${why}`);
const maybe = why ? test.skip : test;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (proc.exitCode !== null) throw new Error(`moto exited with ${proc.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto did not answer at ${url}`);
}

describe('terraform + moto: drift made out of band, seen by a real refresh-only plan', () => {
  let moto: ChildProcess | undefined;
  afterAll(() => {
    if (moto && moto.exitCode === null) moto.kill('SIGTERM');
  });

  maybe(
    'apply, no drift, change four things through the AWS APIs, refresh-only plan: drift and the violation it introduces',
    async () => {
      const port = await freePort();
      const endpoint = `http://127.0.0.1:${port}`;
      moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      await waitUntilUp(`${endpoint}/moto-api/`, moto);

      const work = tempDir('leakguard-drift-e2e-');
      const started = Date.now();
      const r = spawnSync('bash', [join(E2E, 'run.sh'), work, endpoint], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, TF_PLUGIN_MIRROR: MIRROR } });
      console.log(`drift e2e: terraform init/apply/plans against moto took ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect({ status: r.status, stderr: r.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });

      const clean = await driftJson(join(work, 'nodrift-plan.json'), '--fail-on-drift');
      expect([clean.code, clean.report.status]).toEqual([0, 'clean']);
      const state = await driftJson('--state', join(work, 'terraform.tfstate'), '--config-dir', join(E2E, 'stack'));
      expect([state.code, state.report.status]).toEqual([0, 'clean']);

      const drifted = await driftJson(join(work, 'drift-plan.json'));
      expect(drifted.code).toBe(1);
      expect(drifted.report.status).toBe('violating-drift');
      expect(drifted.report.resources.map((d) => [d.kind, d.address]).sort()).toEqual([
        ['changed', 'aws_cloudwatch_log_group.orders'],
        ['changed', 'aws_kms_key.logs'],
        ['changed', 'aws_ssm_parameter.db_password'],
        ['deleted', 'aws_s3_bucket_public_access_block.exports'],
      ]);
      expect(byAddress(drifted.report, 'aws_kms_key.logs')!.changes.find((c) => c.path === 'enable_key_rotation')).toMatchObject({ before: true, after: false });
      expect(byAddress(drifted.report, 'aws_ssm_parameter.db_password')!.changes.find((c) => c.path === 'value')).toMatchObject({ before: '(sensitive)', after: '(sensitive)', sensitive: true });
      const publicBucket = introduced(drifted.report).find((f) => f.rule_id === 'aws-s3-public-access-block');
      expect(publicBucket).toMatchObject({ severity: 'critical', blocking: true, resource: { address: 'aws_s3_bucket.exports' }, caused_by: [`${basename(work)}/aws_s3_bucket_public_access_block.exports`] }); // the plan's stack: the folder holding it

      const raw = readFileSync(join(work, 'drift-plan.json'), 'utf8');
      for (const s of SECRETS) expect(raw).toContain(s);
      for (const format of ['markdown', 'json', 'html']) {
        const out = await run('drift', join(work, 'drift-plan.json'), '-f', format);
        for (const s of SECRETS) expect({ format, leaks: out.stdout.includes(s) }).toEqual({ format, leaks: false });
      }
    },
    600_000,
  );
});
