import { loadCatalog } from '../../src/evaluate/catalog';
import { run } from '../helpers/cli';

describe('leakguard rules / explain', () => {
  const catalog = loadCatalog();

  test('rules --format json lists every compiled rule with id, control, cloud, severity', async () => {
    const r = await run('rules', '--format', 'json');
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as Array<{ id: string; control: string; cloud: string; severity: string }>;
    expect(listed.map((x) => x.id).sort()).toEqual(catalog.map((x) => x.id).sort());
    const pab = listed.find((x) => x.id === 'aws-s3-public-access-block');
    expect(pab).toMatchObject({ control: 'public-storage', cloud: 'aws', severity: 'critical' });
  });

  test('the table can be filtered by control and cloud', async () => {
    const r = await run('rules', '--control', 'public-storage', '--cloud', 'aws');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.length).toBe(catalog.filter((x) => x.control === 'public-storage' && x.cloud === 'aws').length);
    for (const row of rows) expect(row).toMatch(/ public-storage +aws /);
  });

  test('explain shows description, CCPA references, audit component and remediation', async () => {
    const rule = catalog.find((x) => x.id === 'aws-s3-public-access-block')!;
    const r = await run('explain', rule.id);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(rule.title);
    for (const ref of rule.legal) expect(r.stdout).toContain(ref);
    expect(r.stdout).toContain(rule.audit_component);
    expect(r.stdout).toContain('Remediation');
    expect(r.stdout).toContain(rule.remediation.trim().split('\n')[0]);
  });

  test('explain shows the rule\'s example fix (Terraform HCL from its METADATA)', async () => {
    expect(catalog.filter((x) => !x.example?.trim()).map((x) => x.id)).toEqual([]);
    const rule = catalog.find((x) => x.id === 'aws-s3-public-access-block')!;
    const r = await run('explain', rule.id);
    expect(r.code).toBe(0);
    const [, section] = r.stdout.split('\nExample fix\n');
    expect(section).toBeDefined();
    const indented = rule.example!.trim().split('\n').map((l) => (l ? `  ${l}` : '')).join('\n');
    expect(section.split('\nSource: ')[0].trim()).toBe(indented.trim());
    expect(section).toContain('resource "aws_s3_bucket_public_access_block"');
  });

  test('explain of an unknown rule is a usage error with a suggestion', async () => {
    const r = await run('explain', 'aws-s3-public');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "aws-s3-public"');
    expect(r.stderr).toContain('aws-s3-public-access-block');
  });
});
