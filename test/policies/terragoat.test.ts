// The leaks a TerraGoat run showed Leakguard missing (issue: "Every place customer data lives"),
// as plain Terraform in TerraGoat's own style: each must now be reported, through the whole
// pipeline, by the rule that owns it. Needs `npm run build:policies` first.
import { join } from 'node:path';
import { check } from '../../src/check';
import { terraformAvailability, validateConfigurations } from '../helpers/terraform';

const AWS = join(__dirname, 'terragoat', 'aws');

const EXPECTED: Array<[rule: string, address: string]> = [
  // es.tf: Principal "*" with es:* (through an aws_iam_policy_document), no encryption, HTTP.
  ['aws-opensearch-public-policy', 'aws_elasticsearch_domain_policy.monitoring-framework-policy'],
  ['aws-opensearch-encryption-at-rest', 'aws_elasticsearch_domain.monitoring-framework'],
  ['aws-opensearch-tls', 'aws_elasticsearch_domain.monitoring-framework'],
  // ec2.tf: the unencrypted volume and its snapshot.
  ['aws-ebs-volume-encryption', 'aws_ebs_volume.web_host_storage'],
  ['aws-ebs-snapshot-encryption', 'aws_ebs_snapshot.example_snapshot'],
  // neptune.tf: storage_encrypted = false.
  ['aws-neptune-encryption', 'aws_neptune_cluster.default'],
  // Cookies forwarded to an http-only origin that also accepts TLS 1.0.
  ['aws-cloudfront-origin-tls', 'aws_cloudfront_distribution.app'],
];

describe('TerraGoat-style AWS leaks', () => {
  test('each leak is reported by its rule, on its resource', async () => {
    const { decision } = await check([AWS], { today: '2026-11-28' });
    const found = new Set(decision.findings.map((f) => `${f.rule_id} ${f.resource.address}`));
    expect(EXPECTED.filter(([rule, address]) => !found.has(`${rule} ${address}`))).toEqual([]);
    // Every leak blocks the merge.
    const leaks = decision.findings.filter((f) => EXPECTED.some(([rule, address]) => f.rule_id === rule && f.resource.address === address));
    expect(leaks.every((f) => f.blocking)).toBe(true);
    expect(decision.findings.find((f) => f.rule_id === 'aws-cloudfront-origin-tls')?.message).toBe(
      'CloudFront distribution aws_cloudfront_distribution.app forwards to origins without TLS 1.2: origin app gets plain HTTP (origin_protocol_policy http-only); origin app gets origin_ssl_protocols TLSv1, TLSv1.1',
    );
  });

  const tf = terraformAvailability();
  (tf.ok ? test : test.skip)(`the fixture is valid Terraform${tf.ok ? '' : ` (skipped: ${tf.reason})`}`, () => {
    if (!tf.ok) return;
    expect(validateConfigurations(tf.mirror, { terragoat_aws: join(AWS, 'main.tf') })).toMatch(/Success! The configuration is valid/);
  });
});
