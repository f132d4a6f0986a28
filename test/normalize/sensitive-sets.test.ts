// A sensitive value inside a set (a set of blocks, or a set attribute) makes Terraform mark the
// whole outermost set sensitive: cty cannot mark a set's elements, so it marks the set. A
// CloudFront origin with a secret custom header is hidden as a whole in the plan; the HCL
// folder once showed every setting but the header (and a function, lookup(), once hid more
// than Terraform does). Either way the two paths read different values, and the plan path
// refused the input as holding "a value Terraform would reject". Generated blocks, a value in
// them sensitive or not, planned by a real offline `terraform plan`: the HCL path must hide
// exactly what the plan hides, and the check must report the hidden origin, not refuse it.
import fc from 'fast-check';
import { check } from '../../src/check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Kind = 'sg-ingress' | 'cf-header' | 'cf-origin-id' | 'lifecycle' | 'sg-rule';
interface Block {
  kind: Kind;
  secret: boolean;
}
const block = fc.record({ kind: fc.constantFrom<Kind>('sg-ingress', 'cf-header', 'cf-origin-id', 'lifecycle', 'sg-rule'), secret: fc.boolean() });

function resource(b: Block, i: number): string {
  const v = (plain: string): string => (b.secret ? `var.secret` : `"${plain}"`);
  switch (b.kind) {
    case 'sg-ingress':
      return `resource "aws_security_group" "r${i}" {\n  name = "web-${i}"\n  ingress {\n    description = ${v('web')}\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n`;
    case 'sg-rule':
      return `resource "aws_vpc_security_group_ingress_rule" "r${i}" {\n  security_group_id = "sg-0123456789abcdef0"\n  description       = ${v('web')}\n  from_port         = 443\n  to_port           = 443\n  ip_protocol       = "tcp"\n  cidr_ipv4         = "10.0.0.0/8"\n}\n`;
    case 'lifecycle':
      return `resource "aws_s3_bucket_lifecycle_configuration" "r${i}" {\n  bucket = "shop-${i}"\n  rule {\n    id     = ${v('expire')}\n    status = "Enabled"\n    filter {}\n    expiration {\n      days = 30\n    }\n  }\n}\n`;
    case 'cf-header':
    case 'cf-origin-id': {
      const header = b.kind === 'cf-header' ? `\n    custom_header {\n      name  = "X-Origin-Verify"\n      value = ${v('plain-header')}\n    }` : '';
      const id = b.kind === 'cf-origin-id' ? v('api') : '"api"';
      return [
        `resource "aws_cloudfront_distribution" "r${i}" {`,
        '  enabled = true',
        '  origin {',
        '    domain_name = "api.example.com"',
        `    origin_id   = ${id}${header}`,
        '    custom_origin_config {',
        '      http_port              = 80',
        '      https_port             = 443',
        '      origin_protocol_policy = "http-only"',
        '      origin_ssl_protocols   = ["TLSv1.2"]',
        '    }',
        '  }',
        '  default_cache_behavior {',
        '    allowed_methods        = ["GET", "HEAD"]',
        '    cached_methods         = ["GET", "HEAD"]',
        `    target_origin_id       = ${id}`,
        '    viewer_protocol_policy = "redirect-to-https"',
        '    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"',
        '  }',
        '  restrictions {',
        '    geo_restriction {',
        '      restriction_type = "none"',
        '    }',
        '  }',
        '  viewer_certificate {',
        '    cloudfront_default_certificate = true',
        '  }',
        '}',
        '',
      ].join('\n');
    }
  }
}

function folder(bs: Block[]): string {
  return [
    'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n',
    'variable "secret" {\n  type      = string\n  sensitive = true\n  default   = "s3cr3t-header-value"\n}\n',
    ...bs.map(resource),
  ].join('\n');
}

/** Dotted paths (no indexes) of the values redacted below `v`. */
function redacted(v: unknown, at: string, out: Set<string>): Set<string> {
  if (v === '(sensitive)') out.add(at);
  else if (Array.isArray(v)) for (const x of v) redacted(x, at, out);
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) redacted(x, at ? `${at}.${k}` : k, out);
  return out;
}

/** What each resource hides: its sensitive and unreadable paths, and where its values read as redacted. */
async function hidden(path: string): Promise<Record<string, unknown>> {
  const input = normalize(await loadPaths([path]));
  const out: Record<string, unknown> = {};
  for (const r of Object.values(input.resources)) {
    out[r.address] = { sensitive: [...r.sensitive].sort(), unreadable: [...(r.unreadable ?? [])].sort(), redacted: [...redacted(r.values, '', new Set())].sort() };
  }
  return out;
}

(tf.ok ? describe : describe.skip)(`sensitive values inside sets, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('the HCL folder hides exactly what the plan hides; a hidden origin is reported, not refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 8, maxLength: 8 }), async (bs) => {
        const text = folder(bs);
        const hcl = writeTree({ 'main.tf': text });
        const plan = planFolder({ 'main.tf': text }, tf.ok ? tf.mirror : '');
        const fromPlan = await hidden(plan);
        expect(await hidden(hcl)).toEqual(fromPlan);
        // Hidden in the plan as Terraform hides it: the outermost set around the secret.
        bs.forEach((b, i) => {
          const r = Object.entries(fromPlan).find(([a]) => a.endsWith(`.r${i}`))![1] as { sensitive: string[] };
          const whole = { 'sg-ingress': ['ingress'], 'cf-header': ['origin'], 'cf-origin-id': ['default_cache_behavior.target_origin_id', 'origin'], lifecycle: ['rule.id'], 'sg-rule': ['description'] }[b.kind];
          expect(r.sensitive).toEqual(b.secret ? whole : []);
        });
        // A distribution whose origin is hidden gets a finding saying it cannot be read; the check is not refused.
        for (const path of [plan, hcl]) {
          const { decision } = await check([path], { today: '2026-11-28' });
          bs.forEach((b, i) => {
            if (!b.kind.startsWith('cf-')) return;
            const f = decision.findings.find((x) => x.rule_id === 'aws-cloudfront-origin-tls' && x.resource.address === `aws_cloudfront_distribution.r${i}`);
            expect(f?.message).toMatch(b.secret ? /cannot be read before apply/ : /origin api gets plain HTTP/);
          });
        }
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
