// One identity per finding, whatever form the input takes: the stack is named after the
// stack's own folder (or --stack-name), never an input file; findings about a region or an
// estate have a subject of their own; baselines, waivers, SARIF and drift share one
// fingerprint. Needs `npm run build:policies` first.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { findingFingerprint } from '../../src/fingerprint';
import type { Decision } from '../../src/types/decision';
import { PLANS, run, tempDir, writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';
import { blockLine } from '../policies/hcl/fixtures';

const TODAY = '2026-11-28';
// Region findings (GuardDuty, Config in us-east-1) inside modules, and for_each instances.
const SOURCE_PLANS = ['aws-eventbridge-lambda-module-tf1.14.json', 'aws-s3-public-access-block-module-for-each-tf0.15.json'];

/** File names as people save plans: letters, digits, dots, dashes, underscores. */
const fileName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/).map((s) => `${s}.json`);

async function gated(...args: string[]): Promise<Decision> {
  const r = await run('check', ...args, '--today', TODAY, '--format', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Decision;
}

describe('a baseline recognises the same plan whatever the file is called', () => {
  test.each(SOURCE_PLANS)('%s: saved under any name in the same folder, no finding is new or fixed', async (plan) => {
    const infra = join(tempDir(), 'infra');
    mkdirSync(infra);
    copyFileSync(join(PLANS, plan), join(infra, 'plan.json'));
    const baseline = join(infra, '..', 'baseline.json');
    expect((await run('baseline', 'create', join(infra, 'plan.json'), '--output', baseline, '--today', TODAY)).code).toBe(0);
    const recorded = JSON.parse(readFileSync(baseline, 'utf8')).findings.length;
    expect(recorded).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fileName, async (name) => {
        copyFileSync(join(PLANS, plan), join(infra, name));
        const d = await gated(join(infra, name), '--baseline', baseline);
        expect(d.gate?.baseline).toMatchObject({ file: baseline, new: 0, existing: d.findings.length, fixed: 0 });
        expect(d.findings.length).toBe(recorded);
      }),
      { numRuns: 12 },
    );
  });

  test('moved to another folder under another name, --stack-name keeps the identity', async () => {
    const plan = SOURCE_PLANS[0];
    const baseline = join(tempDir(), 'baseline.json');
    const home = join(tempDir(), 'infra');
    mkdirSync(home);
    copyFileSync(join(PLANS, plan), join(home, 'plan.json'));
    await run('baseline', 'create', join(home, 'plan.json'), '--output', baseline, '--today', TODAY);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), fileName, async (folder, name) => {
        const file = join(tempDir(), folder, name);
        mkdirSync(dirname(file), { recursive: true });
        copyFileSync(join(PLANS, plan), file);
        const named = await gated(file, '--stack-name', 'infra', '--baseline', baseline);
        expect(named.gate?.baseline?.new).toBe(0);
        expect(named.gate?.baseline?.fixed).toBe(0);
        // Without it the folder names the stack: only the estate-wide (region) findings match.
        if (folder !== 'infra') {
          const unnamed = await gated(file, '--baseline', baseline);
          const scope = (f: Decision['findings'][number]) => f.resource.type === 'region' || f.resource.type === 'estate';
          expect(unnamed.findings.filter((f) => f.baseline === 'existing').every(scope)).toBe(true);
          expect(unnamed.findings.filter((f) => !scope(f)).every((f) => f.resource.stack === folder && f.baseline === 'new')).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });

  test('--stack-name names one stack: a cdktf.out of several, or a bad name, is exit 2 with one line', async () => {
    const two = writeTree({
      'a/plan.json': readFileSync(join(PLANS, SOURCE_PLANS[0]), 'utf8'),
      'b/plan.json': readFileSync(join(PLANS, SOURCE_PLANS[1]), 'utf8'),
    });
    const several = await run('check', join(two, 'a', 'plan.json'), join(two, 'b', 'plan.json'), '--stack-name', 'x');
    expect(several.code).toBe(2);
    expect(several.stderr).toBe('leakguard: --stack-name names one stack, but the input holds 2 (a, b); check them one at a time\n');
    const bad = await run('check', join(two, 'a', 'plan.json'), '--stack-name', 'a/b');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('leakguard: --stack-name "a/b": a stack name is not empty and holds no "/"\n');
  });
});

// Two buckets in us-east-1; the second version of the code deletes the one that sorts first.
const PROVIDERS = `provider "aws" {
  region = "us-west-2"
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
}
`;
const bucket = (name: string) => `
resource "aws_s3_bucket" "${name}" {
  provider = aws.east
  bucket   = "shop-${name}"
}
`;

describe('findings about a region or an estate have a subject of their own', () => {
  const before = PROVIDERS + bucket('archive') + bucket('orders');
  const after = PROVIDERS + bucket('orders');
  const REGION_RULES = ['aws-guardduty-every-region', 'aws-config-recorder-every-region'];

  test('deleting the resource that sorts first changes neither the subject nor the fingerprint', async () => {
    const root = writeTree({ 'v1/infra/main.tf': before, 'v2/infra/main.tf': after });
    const [v1, v2] = await Promise.all(['v1', 'v2'].map(async (v) => (await check([join(root, v, 'infra')], { today: TODAY })).decision));
    const scoped = (d: Decision) => d.findings.filter((f) => REGION_RULES.includes(f.rule_id) || f.rule_id === 'aws-cloudtrail-multi-region');
    const keys = (d: Decision) => scoped(d).map((f) => `${f.rule_id} ${f.resource.key} ${findingFingerprint(f)}`).sort();
    expect(keys(v2)).toEqual(keys(v1));
    expect(scoped(v1).map((f) => f.resource.key).sort()).toEqual(['estate:aws', 'region:aws:us-east-1', 'region:aws:us-east-1']);

    const baseline = join(root, 'baseline.json');
    await run('baseline', 'create', join(root, 'v1', 'infra'), '--output', baseline, '--today', TODAY);
    const d = await gated(join(root, 'v2', 'infra'), '--baseline', baseline);
    expect(d.findings.filter((f) => f.baseline === 'new')).toEqual([]);
    // Only the deleted bucket's own findings are fixed.
    expect([...new Set((d.fixed ?? []).map((e) => e.resource))]).toEqual(['infra/aws_s3_bucket.archive']);
  });

  test('SARIF locates a region finding at the provider block of that region, an estate finding at the default provider', async () => {
    const root = writeTree({ 'infra/main.tf': after });
    const r = await run('check', join(root, 'infra'), '--format', 'sarif', '--today', TODAY);
    const results = JSON.parse(r.stdout).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: Array<{ name: string; kind: string }> }>; partialFingerprints: Record<string, string> }>;
    const at = (rule: string) => results.find((x) => x.ruleId === rule)!.locations[0];
    const east = at('aws-guardduty-every-region');
    expect(basename(east.physicalLocation.artifactLocation.uri)).toBe('main.tf');
    expect(east.physicalLocation.region.startLine).toBe(5); // provider "aws" { alias = "east" … }
    expect(east.logicalLocations[0]).toEqual({ name: 'region:aws:us-east-1', fullyQualifiedName: 'region:aws:us-east-1', kind: 'namespace' });
    expect(at('aws-cloudtrail-multi-region').physicalLocation.region.startLine).toBe(1);
    // The SARIF fingerprint is the decision's.
    const decision = await gated(join(root, 'infra'));
    for (const x of results) expect(decision.findings.map((f) => f.fingerprint)).toContain(x.partialFingerprints['leakguardFingerprint/v1']);
  });

  test('a waiver names the region subject', async () => {
    const root = writeTree({
      'infra/main.tf': after,
      'leakguard.json': {
        policy: { enforcement: { rules: { 'aws-guardduty-every-region': 'soft' } } },
        waivers: [{ rule: 'aws-guardduty-every-region', resource: 'region:aws:us-east-1', reason: 'GuardDuty is run by the security account here', owner: 'secops', expires: '2027-01-31' }],
      },
    });
    const d = await gated(join(root, 'infra'), '--config', join(root, 'leakguard.json'));
    const gd = d.findings.find((f) => f.rule_id === 'aws-guardduty-every-region')!;
    expect(gd).toMatchObject({ waived: true, blocking: false, resource: { key: 'region:aws:us-east-1', type: 'region', region: 'us-east-1', stack: 'infra' } });
    expect(d.waivers).toEqual([expect.objectContaining({ status: 'applied', matched: ['region:aws:us-east-1'] })]);
  });
});

describe('plan findings point at the .tf line when the source folder is at hand', () => {
  const tf = terraformAvailability();
  const maybe = tf.ok ? test : test.skip;
  if (!tf.ok) console.warn(`SKIPPED plan source locations: ${tf.reason}`);

  const ROOT_TF = `provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

module "store" {
  source = "./modules/store"
  names  = ["orders", "exports"]
}
`;
  const MODULE_TF = `variable "names" {
  type = list(string)
}

resource "aws_s3_bucket" "this" {
  count  = length(var.names)
  bucket = "shop-\${var.names[count.index]}"
}
`;

  maybe('beside the plan, or given with --source-dir to a plan saved elsewhere: module resources at the module file, region findings at the provider', async () => {
    // Empty files too, as modules keep a placeholder outputs.tf: valid Terraform (a plan beside one was refused).
    const plan = planFolder({ 'main.tf': ROOT_TF, 'outputs.tf': '', 'modules/store/main.tf': MODULE_TF, 'modules/store/outputs.tf': '' }, (tf as { mirror: string }).mirror);
    const source = dirname(plan);
    const elsewhere = join(tempDir(), 'ci', 'plan-pr-42.json');
    mkdirSync(dirname(elsewhere), { recursive: true });
    copyFileSync(plan, elsewhere);
    for (const args of [[plan], [elsewhere, '--source-dir', source]]) {
      const d = await gated(...args);
      const pab = d.findings.filter((f) => f.rule_id === 'aws-s3-public-access-block');
      expect(pab.map((f) => f.resource.address).sort()).toEqual(['module.store.aws_s3_bucket.this[0]', 'module.store.aws_s3_bucket.this[1]']);
      for (const f of pab) {
        expect(f.resource.stack).toBe(basename(source));
        expect(f.resource.origin).toEqual({ file: join(source, 'modules', 'store', 'main.tf'), line: blockLine(MODULE_TF, 'aws_s3_bucket.this') });
      }
      const gd = d.findings.find((f) => f.rule_id === 'aws-guardduty-every-region')!;
      expect(gd.resource.origin).toEqual({ file: join(source, 'main.tf'), line: 1 });
    }
    // Without the source the plan file is all there is.
    const bare = await gated(elsewhere);
    expect(bare.findings.find((f) => f.rule_id === 'aws-s3-public-access-block')!.resource.origin).toEqual({ file: elsewhere });
    const missing = await run('check', elsewhere, '--source-dir', join(source, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`leakguard: --source-dir ${join(source, 'nope')}: no such folder\n`);
  }, 300000);
});
