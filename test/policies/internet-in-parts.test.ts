// The internet written in parts had passed every rule that looked for "0.0.0.0/0" or "/0": a
// security group open to 0.0.0.0/1 and 128.0.0.0/1 (or 2000::/3, every global IPv6 address),
// and a bucket policy to everyone "restricted" to aws:SourceIp of the two halves (found by an
// audit of public Terraform). Generated: 0.0.0.0/0 cut into 2^k equal blocks (k ≤ 7: each block
// an IPv4 /k, wider than any private range), the IPv6 global range likewise, and private
// ranges of any size, as HCL folders `leakguard check` reads: each internet split is reported by
// the security-group rule and the bucket-policy rule, no private range is.
// Needs `npm run build:policies` first.
import fc from 'fast-check';
import { check } from '../../src/check';
import { writeTree } from '../helpers/cli';

/** The 2^k blocks of prefix k that make up 0.0.0.0/0, `count` of them from `from`. */
const ipv4Blocks = (k: number, from: number, count: number): string[] =>
  Array.from({ length: Math.min(count, 2 ** k - from) }, (_, i) => {
    const start = ((from + i) * 2 ** (32 - k)) >>> 0;
    return `${[24, 16, 8, 0].map((s) => (start >>> s) & 255).join('.')}/${k}`;
  });

/** IPv6 blocks that hold every global address (2000::/3): it, and the wider blocks around it. */
const IPV6_INTERNET = ['2000::/3', '::/0', '::/1', '::/2', '2000::/1'];

const private4 = fc.tuple(fc.constantFrom('10', '172.16', '192.168'), fc.integer({ min: 0, max: 255 })).map(([net, n]) =>
  net === '10' ? `10.${n}.0.0/16` : net === '172.16' ? `172.${16 + (n % 16)}.${n}.0/24` : `192.168.${n}.0/24`,
);
const PRIVATE_WIDE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', 'fd00::/8', '2001:db8::/32'];

interface Case {
  cidrs: string[];
  internet: boolean;
}

const internetCase: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 7 }), fc.nat(127), fc.integer({ min: 1, max: 4 })).map(([k, from, count]) => ({ cidrs: ipv4Blocks(k, from % 2 ** k, count), internet: true })),
  fc.constantFrom(...IPV6_INTERNET).map((c) => ({ cidrs: [c], internet: true })),
);
const privateCase: fc.Arbitrary<Case> = fc.oneof(
  fc.array(private4, { minLength: 1, maxLength: 3 }).map((cidrs) => ({ cidrs, internet: false })),
  fc.constantFrom(...PRIVATE_WIDE).map((c) => ({ cidrs: [c], internet: false })),
  // /8 and narrower public blocks: a range, not the internet.
  fc.tuple(fc.integer({ min: 8, max: 24 }), fc.nat()).map(([k, n]) => ({ cidrs: ipv4Blocks(k, n % 2 ** k, 1).filter((c) => !c.startsWith('0.')), internet: false })).filter((c) => c.cidrs.length > 0),
);

const v6 = (c: string): boolean => c.includes(':');

function folder(cases: Case[]): Record<string, string> {
  const blocks = cases.map(({ cidrs }, i) => {
    const list = (xs: string[]): string => `[${xs.map((c) => JSON.stringify(c)).join(', ')}]`;
    const four = cidrs.filter((c) => !v6(c));
    const six = cidrs.filter(v6);
    return `resource "aws_security_group" "g${i}" {
  name = "g${i}"
  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ${list(four)}
    ipv6_cidr_blocks = ${list(six)}
  }
}

resource "aws_s3_bucket" "b${i}" {
  bucket = "b${i}"
}

resource "aws_s3_bucket_policy" "b${i}" {
  bucket = aws_s3_bucket.b${i}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::b${i}/*"
      Condition = { IpAddress = { "aws:SourceIp" = ${list(cidrs)} } }
    }]
  })
}`;
  });
  return { 'main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n\n${blocks.join('\n\n')}\n` };
}

describe('property: the internet written in parts is the internet', () => {
  test('security-group ingress and a bucket policy’s aws:SourceIp: every split of 0.0.0.0/0 or 2000::/3 reported, no private or /8-and-narrower range', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(internetCase, privateCase), { minLength: 2, maxLength: 6 }), async (cases) => {
        const { decision } = await check([writeTree(folder(cases))], { today: '2026-11-28' });
        const has = (rule: string, address: string): boolean => decision.findings.some((f) => f.rule_id === rule && f.resource.address === address);
        cases.forEach((c, i) => {
          expect({ cidrs: c.cidrs, sg: has('aws-sg-internet-ingress', `aws_security_group.g${i}`) }).toEqual({ cidrs: c.cidrs, sg: c.internet });
          expect({ cidrs: c.cidrs, policy: has('aws-s3-policy-public-principal', `aws_s3_bucket_policy.b${i}`) }).toEqual({ cidrs: c.cidrs, policy: c.internet });
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
