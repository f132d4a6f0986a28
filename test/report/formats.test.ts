import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadCatalog } from '../../src/evaluate/catalog';
import { validator } from '../../src/normalize/validate';
import type { Decision } from '../../src/types/decision';
import { PLANS, run, tempDir, writeTree } from '../helpers/cli';
import { ofRule, RULE } from './support';
import { expectValidSarif } from './sarif-schema';

const PLAN = join(PLANS, 'aws-s3-public-access-block-module-for-each-tf0.15.json');
const ADDRESS = 'module.test2.aws_s3_bucket.test["a"]';
// A plan's stack is the folder holding it, not the file name.
const KEY = `plans/${ADDRESS}`;

describe('every format from one evaluation of a real plan', () => {
  const out = tempDir();
  let r: Awaited<ReturnType<typeof run>>;
  let d: Decision;
  const file = (n: string) => readFileSync(join(out, n), 'utf8');

  beforeAll(async () => {
    r = await run(
      'check', PLAN,
      '--format', 'sarif', '--output', join(out, 'r.sarif'),
      '--format', 'markdown', '--output', join(out, 'c.md'),
      '--format', `junit=${join(out, 'r.xml')}`,
      '--format', 'json', '-o', join(out, 'd.json'),
      '--format', `github=${join(out, 'gh.txt')}`,
      '--format', 'text',
    );
    d = JSON.parse(file('d.json'));
  });

  test('exit 1 (blocked); text goes to stdout, grouped by stack then control, nothing else does', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('stack plans');
    const controls = lines.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim());
    expect(controls).toEqual([...new Set(d.findings.map((f) => f.control))].sort());
    expect(r.stdout).toContain(`CRITICAL aws-s3-public-access-block  ${ADDRESS}\n`);
    expect(r.stdout).toContain(`${ADDRESS} has a public access block without all four flags true (block_public_policy false)`);
    expect(r.stdout).toContain(`at ${PLAN}:`);
    expect(r.stdout).toContain('fix: Add an aws_s3_bucket_public_access_block');
    const s = d.summary;
    expect(lines[lines.length - 2]).toBe('config: none (disabled), policy defaults');
    expect(lines[lines.length - 3]).toBe(
      `BLOCKED: ${s.findings} finding(s) over 6 resource(s): ${s.blocking} blocking, ${s.waived} waived, ${s.advisory} advisory` +
        ` (critical ${s.by_severity.critical}, high ${s.by_severity.high}, medium ${s.by_severity.medium}, low ${s.by_severity.low})`,
    );
    expect(r.stdout).not.toContain('\x1b['); // not a TTY: no colour
  });

  test('JSON is the decision and validates against its schema', () => {
    expect(validator('decision')(d)).toBe(true);
    const [pab] = ofRule(d);
    expect(ofRule(d)).toHaveLength(1);
    expect(pab).toMatchObject({ rule_id: RULE, blocking: true, enforcement: 'hard', resource: { key: KEY, action: 'create' } });
    expect(pab.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('SARIF 2.1.0: valid, one rule per policy with metadata help, results at the plan file', () => {
    const sarif = expectValidSarif(file('r.sarif'));
    const { driver } = sarif.runs[0].tool;
    expect(driver.name).toBe('Leakguard');
    expect(driver.rules.map((x) => x.id)).toEqual(loadCatalog().map((x) => x.id).sort());
    const rule = driver.rules.find((x) => x.id === RULE)!;
    expect(rule.shortDescription.text).toBe('S3 bucket without a complete public access block');
    expect(rule.help.text).toContain('Remediation: Add an aws_s3_bucket_public_access_block');
    expect(rule.help.text).toContain('Cal. Civ. Code §1798.81.5');
    expect(rule.help.markdown).toContain('`HardenedBucket`');
    expect(rule.properties).toMatchObject({ 'security-severity': '9.5', control: 'public-storage', severity: 'critical' });
    expect(sarif.runs[0].results).toHaveLength(d.findings.length);
    const res = sarif.runs[0].results.find((x) => x.ruleId === RULE)!;
    expect(res).toMatchObject({ level: 'error', message: { text: expect.stringContaining('block_public_policy') } });
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe(`file://${PLAN}`);
    expect(res.locations[0].logicalLocations[0]).toEqual({ name: ADDRESS, fullyQualifiedName: KEY, kind: 'resource' });
    expect(res.partialFingerprints['leakguardFingerprint/v1']).toBe(ofRule(d)[0].fingerprint);
  });

  test('JUnit: a real XML document, a suite per rule, a case per rule × resource, failures carry the message', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n) }).parse(file('r.xml'));
    const root = xml.testsuites;
    expect(root).toMatchObject({ name: 'leakguard', failures: String(d.summary.blocking), errors: '0' });
    const suites = root.testsuite as Array<{ name: string; testcase: Array<Record<string, unknown>> }>;
    expect(suites.map((s) => s.name)).toEqual(loadCatalog().map((x) => x.id).sort());
    const cases = suites.flatMap((s) => s.testcase.filter((c) => c.name !== 'no findings'));
    expect(cases).toHaveLength(d.findings.length);
    const suite = suites.find((s) => s.name === RULE)!;
    expect(suite.testcase).toHaveLength(1);
    const tc = suite.testcase[0] as { name: string; classname: string; file: string; failure: { message: string; type: string; '#text': string } };
    expect(tc.name).toBe(KEY);
    expect(tc.classname).toBe(RULE);
    expect(tc.file).toBe(PLAN);
    expect(tc.failure.message).toBe(`S3 bucket ${ADDRESS} has a public access block without all four flags true (block_public_policy false)`);
    expect(tc.failure.type).toBe('critical/hard');
    expect(tc.failure['#text']).toContain('fix: Add an aws_s3_bucket_public_access_block');
  });

  test('Markdown: marker, summary table by control, blocking findings with remediation', () => {
    const md = file('c.md');
    expect(md.startsWith('<!-- leakguard-report -->\n## ❌ Leakguard blocked this change')).toBe(true);
    expect(md).toContain('| Control | Critical | High | Medium | Low | Blocking | Waived | Not blocking |');
    const ps = d.findings.filter((f) => f.control === 'public-storage');
    const n = (sev: string) => ps.filter((f) => f.severity === sev).length;
    expect(md).toContain(`| \`public-storage\` | ${n('critical')} | ${n('high')} | ${n('medium')} | ${n('low')} | ${ps.filter((f) => f.blocking).length} | 0 | 0 |`);
    expect(md).toContain(`### ❌ Blocking findings (${d.summary.blocking})`);
    expect(md).toContain(`- **CRITICAL** \`${RULE}\` on \`${ADDRESS}\``);
    expect(md).toContain('**Fix:** Add an aws_s3_bucket_public_access_block');
    // Critical first.
    expect(md.indexOf('**CRITICAL**')).toBeLessThan(md.indexOf('**HIGH**'));
    expect(md).not.toContain('<details>'); // nothing waived or non-blocking
  });

  test('github: one error annotation per blocking finding, at the file, escaped', () => {
    const lines = file('gh.txt').trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(d.summary.blocking);
    const pab = lines.find((l) => l.includes(`title=${RULE}%3A`))!;
    expect(pab).toMatch(new RegExp(`^::error file=${PLAN.replace(/[.]/g, '\\.')},line=\\d+,title=${RULE}%3A S3 bucket without a complete public access block::S3 bucket`));
    expect(pab).toContain('%0AFix: Add an aws_s3_bucket_public_access_block');
    expect(lines[lines.length - 1]).toBe(`::notice title=Leakguard::BLOCKED: ${d.summary.findings} finding(s), ${d.summary.blocking} blocking, 0 waived, 0 advisory`);
  });
});

describe('locations', () => {
  test('HCL: SARIF and text point at the .tf file and line, relative to the working directory', async () => {
    const dir = writeTree({
      'main.tf': 'provider "aws" {\n  region = "us-east-1"\n}\n\n# exports\nresource "aws_s3_bucket" "exports" {\n  bucket = "shop-exports"\n}\n',
    });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const r = await run('check', '.', '--format', 'sarif');
      expect(r.code).toBe(1);
      const results = expectValidSarif(r.stdout).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: unknown }> }>;
      const at = (rule: string) => results.find((x) => x.ruleId === rule)!.locations[0].physicalLocation;
      expect(at(RULE)).toEqual({ artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 6 } });
      // The estate finding (no CloudTrail) points at the provider block.
      expect(at('aws-cloudtrail-multi-region')).toEqual({ artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
      const t = await run('check', '.');
      expect(t.stdout).toContain('at main.tf:6');
    } finally {
      process.chdir(prev);
    }
  });

  test('CDKTF: the stack file and construct path, or the user frame of the stack trace when present', async () => {
    const stackTrace = [
      'new TerraformResource (/repo/node_modules/cdktf/lib/terraform-resource.js:10:5)',
      'new S3Bucket (/repo/node_modules/@cdktf/provider-aws/lib/s3-bucket/index.js:20:9)',
      'new ShopStack (/repo/stacks/shop.ts:42:7)',
      'Object.<anonymous> (/repo/stacks/main.ts:5:1)',
    ];
    const tf = (trace?: string[]) => ({
      provider: { aws: [{ region: 'us-east-1' }] },
      resource: {
        aws_s3_bucket: {
          exports: { '//': { metadata: { path: 'shop/exports', uniqueId: 'exports', ...(trace ? { stackTrace: trace } : {}) } }, bucket: 'x' },
        },
      },
    });
    const dir = writeTree({ 'plain/cdk.tf.json': JSON.stringify(tf(), null, 2), 'traced/cdk.tf.json': JSON.stringify(tf(stackTrace), null, 2) });
    type Result = { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: Array<{ kind: string; fullyQualifiedName: string }> }> };
    const onResource = (results: Result[]) => results.find((r) => r.locations[0].logicalLocations[0].kind === 'resource')!;
    const plainRun = expectValidSarif((await run('check', join(dir, 'plain', 'cdk.tf.json'), '-f', 'sarif')).stdout).runs[0];
    const plain = onResource(plainRun.results);
    // Estate and region findings point at the stack's provider section.
    const trail = plainRun.results.find((r: Result) => r.ruleId === 'aws-cloudtrail-multi-region')!;
    expect(trail.locations[0].physicalLocation.region.startLine).toBe(JSON.stringify(tf(), null, 2).split('\n').indexOf('  "provider": {') + 1);
    expect(plain.locations[0].physicalLocation.artifactLocation.uri).toBe(`file://${join(dir, 'plain', 'cdk.tf.json')}`);
    // The line of `"exports": {` inside resource.aws_s3_bucket in the pretty-printed JSON.
    const lines = JSON.stringify(tf(), null, 2).split('\n');
    expect(plain.locations[0].physicalLocation.region.startLine).toBe(lines.findIndex((l) => l === '      "exports": {') + 1);
    expect(plain.locations[0].logicalLocations[0].fullyQualifiedName).toBe('shop/exports');

    const traced = onResource(expectValidSarif((await run('check', join(dir, 'traced', 'cdk.tf.json'), '-f', 'sarif')).stdout).runs[0].results);
    expect(traced.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'file:///repo/stacks/shop.ts' }, region: { startLine: 42 } });
    expect(traced.locations[0].logicalLocations[0].fullyQualifiedName).toBe('shop/exports');
    const text = (await run('check', join(dir, 'traced', 'cdk.tf.json'))).stdout;
    expect(text).toContain('at /repo/stacks/shop.ts:42 (construct shop/exports)');
  });

  test('a clean input nothing covers: exit 2 unless the config accepts it, then every format says NOT CHECKED and exits 0', async () => {
    // Only the random provider: no rule can fire, however the policy set grows. No rule reads
    // its types either, so it is "not checked", never "passed" (test/report/uncovered.test.ts).
    // Such an input is refused (exit 2) unless the config accepts it (policy.allow_not_checked).
    const clean = join(PLANS, 'random-moved-block-tf1.5.json');
    expect((await run('check', clean)).code).toBe(2);
    const config = join(writeTree({ 'accept.json': { policy: { allow_not_checked: true } } }), 'accept.json');
    const accepted = (...args: string[]) => run(...args, '--config', config);
    const text = await accepted('check', clean);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('accepted by policy.allow_not_checked in the config');
    expect(text.stdout).toContain('No findings.');
    expect(text.stdout).toMatch(/NOT CHECKED: 0 finding\(s\)/);
    expect(text.stdout).not.toMatch(/PASSED/);
    const sarif = expectValidSarif((await accepted('check', clean, '-f', 'sarif')).stdout);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules.length).toBe(loadCatalog().length);
    const md = (await accepted('check', clean, '-f', 'markdown')).stdout;
    expect(md).toContain('## ⚠️ Leakguard checked nothing');
    expect(md).toContain('No findings.');
    const junit = (await accepted('check', clean, '-f', 'junit')).stdout;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit);
    expect(parsed.testsuites.failures).toBe('0');
    expect(junit).toContain(`<testsuite name="${RULE}" tests="1" failures="0"`);
  });
});

test('the SARIF check itself rejects what is not SARIF 2.1.0', () => {
  expect(() => expectValidSarif('{"version":"2.0.0","runs":[]}')).toThrow(/invalid SARIF/);
  expect(() => expectValidSarif('{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[]}]}')).toThrow(/name/);
});
