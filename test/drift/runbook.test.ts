// Violating drift carries its rule's containment runbook, filled in with the live resource's
// identifiers and the exposure window from the drift history (first seen → this run).
import { parse } from '@cdktf/hcl2json';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hclFixtures } from '../policies/hcl/fixtures';
import { driftJson, run, tempDir, writeTree } from './helpers';

const rds = hclFixtures().find((f) => f.ruleId === 'aws-rds-public')!;

/** The fixture as code with the database private, and a state in which someone made it public. */
async function worlds(): Promise<{ code: string; state: string }> {
  const privateTf = rds.text.replace('publicly_accessible         = true', 'publicly_accessible         = false');
  const code = writeTree({ 'main.tf': privateTf });
  const hcl = (await parse('main.tf', privateTf)) as { resource: { aws_db_instance: { orders: Array<Record<string, unknown>> } } };
  const values = { ...hcl.resource.aws_db_instance.orders[0], publicly_accessible: true, id: 'db-ORDERS', arn: 'arn:aws:rds:us-west-2:111111111111:db:orders' };
  const resource = { address: 'aws_db_instance.orders', mode: 'managed', type: 'aws_db_instance', name: 'orders', provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 2, values, sensitive_values: {} };
  const state = join(tempDir('leakguard-drift-rb-'), 'state.json');
  writeFileSync(state, JSON.stringify({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: { resources: [resource] } } }));
  return { code, state };
}

test('a database made public live gets the runbook with its identifiers and the exposure window', async () => {
  const { code, state } = await worlds();
  const history = join(tempDir('leakguard-drift-hist-'), 'history.json');
  await driftJson('--state', state, '--config-dir', code, '--history', history, '--now', '2026-11-27T06:00:00Z');
  const { report } = await driftJson('--state', state, '--config-dir', code, '--history', history, '--now', '2026-11-28T08:00:00Z');
  const f = report.findings.find((x) => x.rule_id === 'aws-rds-public' && x.status === 'introduced')!;
  expect(f.blocking).toBe(true);
  expect(f.runbook).toContain('aws rds modify-db-instance --db-instance-identifier orders --no-publicly-accessible --apply-immediately --region us-west-2');
  expect(f.runbook).toContain('--start-time 2026-11-27T06:00:00.000Z --end-time 2026-11-28T08:00:00.000Z');
  expect(f.runbook!.indexOf('Preserve evidence first')).toBeLessThan(f.runbook!.indexOf('2. Contain'));
  // Findings without a runbook, or not caused by drift, carry none.
  expect(report.findings.filter((x) => x.runbook).map((x) => x.rule_id)).toEqual(['aws-rds-public']);
  expect(JSON.parse(readFileSync(history, 'utf8')).items).toBeDefined();

  const md = await run('drift', '--state', state, '--config-dir', code, '--now', '2026-11-28T08:00:00Z', '--format', 'markdown');
  expect(md.stdout).toContain('### Containment runbooks');
  expect(md.stdout).toMatch(/<details><summary>`aws-rds-public` on `aws_db_instance.orders`<\/summary>\n\n```text\nContainment runbook: aws-rds-public/);
});
