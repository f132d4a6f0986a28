// Exposure-ranked reports: findings on personal data (the classification tag) first, the most
// consumer records first among them, then severity; records at risk and the §1798.150 statutory
// damages range (an estimate, not legal advice) where the estate states a record count.
import fc from 'fast-check';
import { byExposure, exposureNote, type Exposure } from '../../src/report/exposure';
import type { Finding, Severity } from '../../src/types/decision';
import { run, writeTree } from '../helpers/cli';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

test('the order: personal data first, more records first, then severity (generated findings)', () => {
  const item = fc.record({ key: fc.uuid(), severity: fc.constantFrom(...SEVERITIES), pii: fc.boolean(), records: fc.option(fc.nat(10_000_000), { nil: undefined }) });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 30 }), (items) => {
      const ex = new Map<string, Exposure>(items.map((i) => [i.key, { pii: i.pii, ...(i.records !== undefined ? { records: i.records } : {}) }]));
      const findings = items.map((i) => ({ severity: i.severity, resource: { key: i.key } }) as Finding);
      const sorted = [...findings].sort(byExposure(ex));
      for (let n = 1; n < sorted.length; n++) {
        const [a, b] = [ex.get(sorted[n - 1].resource.key)!, ex.get(sorted[n].resource.key)!];
        expect(Number(a.pii) >= Number(b.pii)).toBe(true);
        if (a.pii !== b.pii) continue;
        expect((a.records ?? -1) >= (b.records ?? -1)).toBe(true);
        if ((a.records ?? -1) === (b.records ?? -1)) expect(SEVERITIES.indexOf(sorted[n - 1].severity) <= SEVERITIES.indexOf(sorted[n].severity)).toBe(true);
      }
    }),
  );
});

test('the damages range is $100–$750 per record, labelled an estimate and not legal advice', () => {
  fc.assert(
    fc.property(fc.nat(1_000_000), (records) => {
      const note = exposureNote({ pii: true, records });
      expect(note).toContain(`${records.toLocaleString('en-US')} consumer records at risk`);
      expect(note).toContain(`$${(records * 100).toLocaleString('en-US')}–$${(records * 750).toLocaleString('en-US')}`);
      expect(note).toContain('Cal. Civ. Code §1798.150');
      expect(note).toContain('an estimate, not legal advice');
    }),
  );
  expect(exposureNote({ pii: false })).toBe('');
  expect(exposureNote({ pii: false, records: 5 })).not.toContain('damages');
});

/** A public Postgres instance with the given tags. */
const db = (name: string, tags: Record<string, string>): string =>
  `resource "aws_db_instance" "${name}" {
  identifier          = "${name}"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = true
  tags                = ${JSON.stringify(tags)}
}
`;

const SHOP = `provider "aws" {
  region = "us-west-2"
}

${db('analytics', {})}
${db('marketing', { 'data-classification': 'pii' })}
${db('customers', { 'data-classification': 'pii', 'record-count': '2000' })}
resource "aws_kms_key" "logs" {
  description         = "log encryption"
  enable_key_rotation = false
}

resource "aws_cloudwatch_log_group" "accounts" {
  name              = "/shop/accounts"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 90
  tags = {
    "data-classification" = "pii"
  }
}
`;

test('markdown and text rank blocking findings by exposure, with record counts from the tag or the config map', async () => {
  const dir = writeTree({ 'main.tf': SHOP, 'leakguard.json': { exposure: { records: { 'aws_db_instance.marketing': 50000 } } } });
  const md = await run('check', dir, '--format', 'markdown', '--config', `${dir}/leakguard.json`);
  const order = [...md.stdout.matchAll(/^- \*\*\w+\*\* `aws-rds-public` on `([^`]+)`/gm)].map((m) => m[1]);
  expect(order).toEqual(['aws_db_instance.marketing', 'aws_db_instance.customers', 'aws_db_instance.analytics']);
  expect(md.stdout).toContain('50,000 consumer records at risk; statutory damages estimate $5,000,000–$37,500,000');
  expect(md.stdout).toContain('2,000 consumer records at risk; statutory damages estimate $200,000–$1,500,000');
  // The key is personal data through the log group it encrypts.
  expect(md.stdout).toMatch(/`aws-kms-key-rotation` on `aws_kms_key.logs`[^\n]*\n[^\n]*\n[^\n]*\n  \*\*exposure: personal data \(via aws_cloudwatch_log_group.accounts\); record count not stated\*\*/);

  const text = await run('check', dir, '--format', 'text', '--config', `${dir}/leakguard.json`);
  const rds = text.stdout.slice(text.stdout.indexOf('  backup-protection'));
  const textOrder = [...rds.matchAll(/aws-rds-public\s+(aws_db_instance\.\w+)/g)].map((m) => m[1]);
  expect(textOrder).toEqual(['aws_db_instance.marketing', 'aws_db_instance.customers', 'aws_db_instance.analytics']);
});

test('an exposure section that is not numbers is refused with one line', async () => {
  const dir = writeTree({ 'main.tf': SHOP, 'leakguard.json': { exposure: { records: { 'aws_db_instance.marketing': 'lots' } } } });
  const r = await run('check', dir, '--config', `${dir}/leakguard.json`);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^leakguard: .*leakguard.json: invalid config: \/exposure\/records\/aws_db_instance.marketing must be integer\n$/);
});
