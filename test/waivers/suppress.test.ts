import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { Construct } from 'constructs';
import { Leakguard, SuppressError } from '../../src/cdktf';
import { run, writeTree } from '../helpers/cli';
import { stack, synthApp } from '../helpers/synth';
import { expectValidSarif } from '../report/sarif-schema';
import { isolated, ofRule } from '../report/support';

const RULE = 'aws-s3-public-access-block';
const OPTS = { reason: 'public website assets, no customer data', owner: 'web-team', expires: '2027-03-31', ticket: 'WEB-7' };
const SOFT = { policy: { enforcement: { rules: { [RULE]: 'soft' } } } };

function synthJson(out: string, name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8'));
}

/** An L3-style construct: a bucket and its (incomplete) public access block. */
class Site extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const bucket = new S3Bucket(this, 'assets', { bucket: 'shop-site-assets' });
    new S3BucketPublicAccessBlock(this, 'pab', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true });
  }
}

describe('Leakguard.suppress', () => {
  test('records the waiver in the synthesized cdk.tf.json under "//".leakguard.waivers', () => {
    let bucket!: S3Bucket;
    const out = synthApp((app) =>
      stack(app, 'web', (s) => {
        new AwsProvider(s, 'aws', { region: 'us-west-2' });
        bucket = new S3Bucket(s, 'assets', { bucket: 'shop-site-assets' });
        Leakguard.suppress(bucket, RULE, OPTS);
        Leakguard.suppress(bucket, 'aws-s3-encryption', { ...OPTS, ticket: undefined });
        // Suppressing the same rule again replaces the earlier waiver.
        Leakguard.suppress(bucket, RULE, { ...OPTS, owner: 'web-platform' });
      }),
    );
    const body = synthJson(out, 'web').resource.aws_s3_bucket.assets;
    expect(body['//'].metadata.path).toBe('web/assets'); // CDKTF's own metadata survives
    expect(body['//'].leakguard.waivers).toEqual([
      { rule: 'aws-s3-encryption', reason: OPTS.reason, owner: 'web-team', expires: '2027-03-31' },
      { rule: RULE, reason: OPTS.reason, owner: 'web-platform', expires: '2027-03-31', ticket: 'WEB-7' },
    ]);
    expect(body.bucket).toBe('shop-site-assets');
  });

  test('on a non-resource construct: every Terraform resource below it', () => {
    const out = synthApp((app) =>
      stack(app, 'web', (s) => {
        new AwsProvider(s, 'aws', { region: 'us-west-2' });
        const site = new Site(s, 'site');
        expect(Leakguard.suppress(site, RULE, OPTS)).toHaveLength(2);
      }),
    );
    const tf = synthJson(out, 'web');
    const [bucket] = Object.values(tf.resource.aws_s3_bucket) as any[];
    const [pab] = Object.values(tf.resource.aws_s3_bucket_public_access_block) as any[];
    expect(bucket['//'].leakguard.waivers[0].rule).toBe(RULE);
    expect(pab['//'].leakguard.waivers[0].rule).toBe(RULE);
  });

  test.each([
    ['a rule id that is not one', 'AWS S3!', OPTS, /rule id/],
    ['a reason that says nothing', RULE, { ...OPTS, reason: 'because' }, /reason must say why/],
    ['no owner', RULE, { ...OPTS, owner: ' ' }, /owner must not be blank/],
    ['a date that is not a date', RULE, { ...OPTS, expires: '2027-02-30' }, /expires must be a real date YYYY-MM-DD, got "2027-02-30"/],
    ['a date in another format', RULE, { ...OPTS, expires: '31/03/2027' }, /expires must be a real date/],
    ['an empty ticket', RULE, { ...OPTS, ticket: '' }, /ticket/],
  ])('validates at call time: %s', (_, rule, opts, message) => {
    synthApp((app) =>
      stack(app, 'v', (s) => {
        new AwsProvider(s, 'aws', { region: 'us-west-2' });
        const b = new S3Bucket(s, 'b', { bucket: 'x' });
        expect(() => Leakguard.suppress(b, rule as string, opts as typeof OPTS)).toThrow(SuppressError);
        expect(() => Leakguard.suppress(b, rule as string, opts as typeof OPTS)).toThrow(message);
      }),
    );
  });

  test('a construct without any resource below it throws', () => {
    synthApp((app) =>
      stack(app, 'v', (s) => {
        expect(() => Leakguard.suppress(new Construct(s, 'empty'), RULE, OPTS)).toThrow(/no Terraform resource at or below/);
      }),
    );
  });

  describe('end to end: synth → check', () => {
    const out = synthApp((app) =>
      stack(app, 'web', (s) => {
        new AwsProvider(s, 'aws', { region: 'us-west-2' });
        const waived = new S3Bucket(s, 'assets', { bucket: 'shop-site-assets' });
        Leakguard.suppress(waived, RULE, OPTS);
        new S3Bucket(s, 'exports', { bucket: 'shop-exports' });
      }),
    );
    // Soft, so it can be waived; every other rule advisory, so exit codes are this rule's alone.
    const config = join(writeTree({ 'soft.json': isolated(SOFT) }), 'soft.json');

    test('the suppressed bucket is waived, the other still blocks', async () => {
      const r = await run('check', out, '--config', config, '--today', '2026-06-01', '--format', 'json');
      expect(r.code).toBe(1);
      const d = JSON.parse(r.stdout);
      const byKey = Object.fromEntries(ofRule(d).map((f: any) => [f.resource.key, f]));
      expect(byKey['web/aws_s3_bucket.assets']).toMatchObject({
        waived: true,
        blocking: false,
        waiver: { rule: RULE, reason: OPTS.reason, owner: 'web-team', expires: '2027-03-31', ticket: 'WEB-7', source: 'web/assets', resource: 'web/aws_s3_bucket.assets' },
      });
      expect(byKey['web/aws_s3_bucket.exports']).toMatchObject({ waived: false, blocking: true });
      expect(d.waivers).toEqual([expect.objectContaining({ status: 'applied', matched: ['web/aws_s3_bucket.assets'] })]);
    });

    test('without the bucket that still blocks: exit 0; SARIF marks the waived result as suppressed', async () => {
      const only = synthApp((app) =>
        stack(app, 'web', (s) => {
          new AwsProvider(s, 'aws', { region: 'us-west-2' });
          Leakguard.suppress(new S3Bucket(s, 'assets', { bucket: 'shop-site-assets' }), RULE, OPTS);
        }),
      );
      const r = await run('check', only, '--config', config, '--today', '2026-06-01', '--format', 'sarif');
      expect(r.code).toBe(0);
      const res = expectValidSarif(r.stdout).runs[0].results.find((x) => x.ruleId === RULE)!;
      expect(res.level).toBe('note');
      expect(res.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: `${OPTS.reason} (owner web-team, expires 2027-03-31, ticket WEB-7)` }]);
      expect(res.locations[0].logicalLocations[0].fullyQualifiedName).toBe('web/assets');
    });

    test('past its expiry the construct waiver stops waiving; on a hard rule it is refused', async () => {
      const expired = await run('check', out, '--config', config, '--today', '2027-04-01', '--format', 'json');
      const d = JSON.parse(expired.stdout);
      expect(ofRule(d).every((f) => f.blocking && !f.waived)).toBe(true);
      expect(d.waivers[0].status).toBe('expired');
      const hard = JSON.parse((await run('check', out, '--today', '2026-06-01', '--format', 'json')).stdout);
      expect(hard.waivers[0].status).toBe('refused');
      const text = (await run('check', out, '--today', '2026-06-01')).stdout;
      expect(text).toContain('refused  aws-s3-public-access-block on web/aws_s3_bucket.assets: refused: the rule is hard-enforced and cannot be waived');
      expect(text).toContain('from web/assets');
    });
  });
});
