// Containment runbooks (METADATA custom.runbook): each renders for its rule's failing HCL fixture
// with every identifier the fixture's source states filled in (read independently from the HCL
// with hcl2json), evidence before containment, destructive steps marked; every AWS and Azure CLI
// command and its options exist in the real CLI's command table (scripts/setup-clis.sh installs
// the pinned awscli and azure-cli from PyPI; no network, credentials or login at test time).
import { parse } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROLS } from '../../scripts/gen-docs';
import { check } from '../../src/check';
import { loadCatalog } from '../../src/evaluate/catalog';
import { renderRunbook } from '../../src/report/runbook';
import { run } from '../helpers/cli';
import { hclFixtures } from '../policies/hcl/fixtures';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-28';
const catalog = loadCatalog();
const withRunbook = catalog.filter((r) => r.runbook);
const fixtures = new Map(hclFixtures().map((f) => [f.ruleId, f]));
/** Controls whose failure is a live exposure once applied: the one list, in the control catalogue. */
const LIVE = CONTROLS.filter((c) => c.live).map((c) => c.id);

afterAll(() => {
  const live = catalog.filter((r) => LIVE.includes(r.control));
  process.stdout.write(
    `leakguard runbook: ${withRunbook.length} rules have a containment runbook (${withRunbook.filter((r) => LIVE.includes(r.control)).length} of the ${live.length} rules of live-exposure controls; ` +
      `controls covered: ${[...new Set(withRunbook.map((r) => r.control))].sort().join(', ')})\n`,
  );
});

test('every rule of a live-exposure control carries a runbook', () => {
  expect(LIVE.length).toBeGreaterThan(5);
  expect(catalog.filter((r) => LIVE.includes(r.control) && !r.runbook).map((r) => r.id)).toEqual([]);
});

const IDENTIFIER = /\{\{\s*([^}]+?)\s*\}\}/g;

/** Literal attribute values of a block as written in the HCL source (references and interpolations left out). */
function literals(block: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(block)) if (typeof v === 'string' && !v.includes('${')) out.set(k, v);
  return out;
}

describe.each(withRunbook.map((r) => [r.id, r] as const))('%s runbook', (ruleId, rule) => {
  test('renders for the rule fixture with every identifier the source states', async () => {
    const f = fixtures.get(ruleId)!;
    const { input, decision } = await check([f.dir], { configPath: f.configPath, today: TODAY });
    const finding = decision.findings.find((x) => x.rule_id === ruleId && x.resource.address === f.expected)!;
    expect(finding).toBeDefined();
    const resource = input.resources[finding.resource.key];
    const { text, placeholders } = renderRunbook(rule, { finding, resource, input });
    expect(text).not.toMatch(/\{\{|\}\}/);
    // Evidence first, then containment, then verification.
    expect(text.indexOf('1. Preserve evidence first')).toBeLessThan(text.indexOf('2. Contain'));
    expect(text.indexOf('2. Contain')).toBeLessThan(text.indexOf('3. Verify containment'));
    const steps = [...rule.runbook!.preserve, ...rule.runbook!.contain, ...rule.runbook!.verify];
    expect(text.match(/DESTRUCTIVE: /g)?.length ?? 0).toBe(steps.filter((s) => s.destructive).length);
    // Identifiers the fixture's own HCL states literally must be filled in, never left as placeholders.
    const hcl = (await parse('main.tf', f.text)) as { resource: Record<string, Record<string, Array<Record<string, unknown>>>> };
    const [type, name] = f.expected.split('.');
    const own = literals(hcl.resource[type]?.[name]?.[0] ?? {});
    const named = [...JSON.stringify(rule.runbook).matchAll(IDENTIFIER)].flatMap((m) => m[1].split('|').map((a) => a.trim()));
    for (const alt of named.filter((a) => a.startsWith('values.'))) {
      const attr = alt.slice('values.'.length);
      if (own.has(attr)) expect({ attr, filled: text.includes(own.get(attr)!) }).toEqual({ attr, filled: true });
    }
    if (resource?.region) expect(placeholders).not.toContain('<FILL-IN:region>');
    // Without an exposure window the window is a marked placeholder, never an invented date.
    if (JSON.stringify(rule.runbook).includes('window_start')) expect(placeholders).toContain('<FILL-IN:exposure-start>');
  });
});

test('the exposure window comes from the drift history when given', async () => {
  const rule = catalog.find((r) => r.id === 'aws-s3-public-access-block')!;
  const { text, placeholders } = renderRunbook(rule, { window: { start: '2026-11-20T08:00:00Z', end: '2026-11-28T07:00:00Z' } });
  expect(text).toContain('--start-time 2026-11-20T08:00:00Z --end-time 2026-11-28T07:00:00Z');
  expect(placeholders).not.toContain('<FILL-IN:exposure-start>');
  expect(placeholders).toContain('<FILL-IN:bucket>');
});

/** Each CLI's checker: the pinned CLI from PyPI (scripts/setup-clis.sh), its command table read offline. */
const CLIS = [
  {
    cli: 'aws',
    python: join(ROOT, '.tools', 'awscli', 'bin', 'python'),
    checker: join(__dirname, '..', 'helpers', 'aws-cli-check.py'),
    bad: ['aws s3api put-bucket-acl --bucket X --acl private --nope', 'aws s3api no-such-op', 'aws nosvc x'],
    problems: [
      'aws s3api put-bucket-acl --bucket X --acl private --nope: s3api put-bucket-acl has no option --nope',
      'aws s3api no-such-op: s3api has no operation no-such-op',
      'aws nosvc x: no service nosvc',
    ],
  },
  {
    cli: 'az',
    python: join(ROOT, '.tools', 'azure-cli', 'bin', 'python'),
    checker: join(__dirname, '..', 'helpers', 'az-cli-check.py'),
    // --name is the server's option in `sql server update`, not in `postgres flexible-server firewall-rule list`.
    bad: ['az storage account update --name X --allow-blob-public-access false --nope', 'az storage account no-such-command --name X', 'az postgres flexible-server firewall-rule list --name X --resource-group X'],
    problems: [
      'az storage account update --name X --allow-blob-public-access false --nope: az storage account update has no option --nope',
      'az storage account no-such-command --name X: no command az storage account no-such-command',
      'az postgres flexible-server firewall-rule list --name X --resource-group X: az postgres flexible-server firewall-rule list has no option --name',
    ],
  },
];

describe.each(CLIS)('every $cli command of every runbook', ({ cli, python, checker, bad, problems }) => {
  test('names a real command and real options (the CLI\'s command table)', () => {
    if (!existsSync(python)) throw new Error(`${python} is missing: run \`bash scripts/setup-clis.sh\` (scripts/test.sh does)`);
    const commands = withRunbook
      .flatMap((r) => [...r.runbook!.preserve, ...r.runbook!.contain, ...r.runbook!.verify])
      .map((s) => s.run ?? '')
      .filter((c) => c.startsWith(`${cli} `))
      .map((c) => c.replace(IDENTIFIER, 'X'));
    expect(commands.length).toBeGreaterThan(40);
    const r = spawnSync(python, [checker], { input: JSON.stringify(commands), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
    // The checker itself rejects what is wrong.
    expect(JSON.parse(spawnSync(python, [checker], { input: JSON.stringify(bad), encoding: 'utf8' }).stdout)).toEqual(problems);
  }, 180_000);
});

describe('leakguard runbook', () => {
  test('a rule id alone prints the runbook with placeholders', async () => {
    const r = await run('runbook', 'aws-rds-public');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('aws rds modify-db-instance --db-instance-identifier <FILL-IN:identifier> --no-publicly-accessible --apply-immediately --region <FILL-IN:region>');
  });

  test('a fingerprint with --input fills in that finding', async () => {
    const f = fixtures.get('aws-rds-public')!;
    const json = await run('check', f.dir, '--format', 'json');
    const finding = (JSON.parse(json.stdout) as { findings: Array<{ rule_id: string; fingerprint: string }> }).findings.find((x) => x.rule_id === 'aws-rds-public')!;
    const r = await run('runbook', finding.fingerprint, '--input', f.dir, '--no-config');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--db-instance-identifier orders --no-publicly-accessible');
    expect(r.stdout).toContain('--region us-west-2');
  });

  test.each([
    [['runbook', 'aws-nope'], /^leakguard: unknown rule "aws-nope"/],
    [['runbook', 'aws-log-group-retention'], /^leakguard: aws-log-group-retention has no containment runbook; rules with one: /],
    [['runbook', 'a'.repeat(64)], /^leakguard: a finding fingerprint needs --input/],
  ])('%j is one line and exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

test('a finding about a region fills the region from the finding when its subject is no resource', () => {
  const rule = catalog.find((r) => r.id === 'aws-guardduty-every-region')!;
  const finding = { rule_id: rule.id, message: 'no detector', resource: { key: 'region:aws:eu-west-1', address: 'region eu-west-1', stack: 'shop', type: 'region', region: 'eu-west-1' } } as never;
  const { text, placeholders } = renderRunbook(rule, { finding });
  expect(text).toContain('aws guardduty create-detector --enable --features Name=S3_DATA_EVENTS,Status=ENABLED --region eu-west-1');
  expect(placeholders).not.toContain('<FILL-IN:region>');
  expect(text).toContain('Finding: region eu-west-1 in stack shop (eu-west-1): no detector');
});
