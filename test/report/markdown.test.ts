import { COMMENT_LIMIT, MARKER, markdownFormatter } from '../../src/report/markdown';
import type { Decision, Finding } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

const input = { schema_version: '1', sources: [], stacks: {}, resources: {}, by_type: {}, regions: {} } as unknown as PolicyInput;

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    rule_id: `aws-rule-${i % 7}`,
    title: 'A rule',
    control: ['public-storage', 'encryption-at-rest', 'logging'][i % 3],
    severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
    cloud: 'aws',
    enforcement: 'soft',
    blocking: true,
    waived: false,
    message: `Bucket ${i} | has <script>alert(1)</script> a *problem* with \`ticks\``,
    resource: { key: `stack/aws_s3_bucket.b${i}`, address: `aws_s3_bucket.b${i}`, stack: 'stack', type: 'aws_s3_bucket', origin: { file: 'main.tf', line: i + 1 } },
    remediation: 'Add a public access block\nwith every flag true.',
    legal: ['Cal. Civ. Code §1798.150'],
    audit_component: 'Access controls',
    ...over,
  };
}

function decision(findings: Finding[], extra: Partial<Decision> = {}): Decision {
  const count = (p: (f: Finding) => boolean) => findings.filter(p).length;
  return {
    schema_version: '1',
    findings,
    waivers: [],
    overrides: [],
    summary: {
      resources: findings.length,
      findings: findings.length,
      blocking: count((f) => f.blocking),
      waived: count((f) => f.waived),
      advisory: count((f) => f.enforcement === 'advisory'),
      silenced_by_overrides: 0,
      by_severity: {},
      by_control: {},
      uncovered: { resources: 0, managed: findings.length, by_type: {}, not_checked_allowed: false },
    },
    ...extra,
  };
}

const render = (d: Decision) => markdownFormatter.render({ decision: d, input, rules: [], color: false, cwd: '/' });

describe('Markdown PR comment', () => {
  test('thousands of findings: under the comment limit, blocking first, truncated with a note, details closed', () => {
    const waived = (i: number) => finding(i, { blocking: false, waived: true, waiver: { rule: 'r', reason: 'accepted risk for the migration', owner: 'data-team', expires: '2027-01-01' } });
    const fs = [...Array.from({ length: 3000 }, (_, i) => finding(i)), ...Array.from({ length: 2000 }, (_, i) => waived(3000 + i))];
    const md = render(decision(fs));
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.length).toBeGreaterThan(COMMENT_LIMIT - 2000); // it fills the space it has
    expect(md.startsWith(MARKER)).toBe(true);
    expect(md).toContain('**3000 blocking** of 5000 finding(s)');
    expect(md).toMatch(/> Truncated: \d+ of 5000 item\(s\) not shown to stay under GitHub's 65536-character comment limit/);
    expect(md.indexOf('### ❌ Blocking findings (3000)')).toBeLessThan(md.indexOf('Truncated'));
    // Every <details> opened is closed.
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
    // The summary table counts every finding even when the list is cut.
    expect(md).toContain('| **Total** | 1250 | 1250 | 1250 | 1250 | 3000 | 2000 | 0 |');
  });

  test('messages cannot break the comment: HTML and Markdown are escaped', () => {
    const md = render(decision([finding(1)]));
    expect(md).toContain('Bucket 1 \\| has &lt;script&gt;alert(1)&lt;/script&gt; a \\*problem\\* with \\`ticks\\`');
    expect(md).not.toContain('<script>');
  });

  test('blocking first with remediation; waived collapsed with the reason; fixed and non-blocking listed', () => {
    const d = decision(
      [
        finding(1, { blocking: false, waived: true, waiver: { rule: 'aws-rule-1', reason: 'legacy bucket, migration SHOP-12', owner: 'platform', expires: '2027-01-31', ticket: 'SHOP-12' } }),
        finding(2, { blocking: false, enforcement: 'advisory' }),
        finding(3, { blocking: false, baseline: 'existing', gate: ['in baseline b.json: not blocking'] }),
        finding(4, { baseline: 'new' }),
      ],
      {
        fixed: [{ fingerprint: 'a'.repeat(64), rule_id: 'aws-rule-9', resource: 'stack/aws_s3_bucket.gone' }],
        gate: { baseline: { file: 'b.json', new: 1, existing: 1, existing_hard: 0, fixed: 1 } },
      },
    );
    const md = render(d);
    const blocking = md.indexOf('### ❌ Blocking findings (1)');
    expect(blocking).toBeGreaterThan(0);
    expect(md).toContain('- **CRITICAL** `aws-rule-4` (new) on `aws_s3_bucket.b4` in stack `stack`');
    expect(md).toContain('  at `main.tf:5`');
    expect(md).toContain('  **Fix:** Add a public access block with every flag true.');
    expect(md).toMatch(/<details><summary>Not blocking \(2\)<\/summary>\n\n- \*\*MEDIUM\*\* `aws-rule-2` on `stack\/aws_s3_bucket.b2`: .* _\(advisory enforcement\)_\n- \*\*LOW\*\* `aws-rule-3` .* _\(in baseline b.json: not blocking\)_/);
    expect(md).toContain('<details><summary>Waived findings (1)</summary>\n\n- **HIGH** `aws-rule-1` on `stack/aws_s3_bucket.b1`: waived by platform until 2027-01-31 (SHOP-12): legacy bucket, migration SHOP-12\n\n</details>');
    expect(md).toContain('<details><summary>🎉 Fixed since the baseline (1)</summary>\n\n- `aws-rule-9` on `stack/aws_s3_bucket.gone`');
    expect(md).toContain('baseline: 1 new, 1 existing, 1 fixed');
    expect(md.indexOf('Waived findings')).toBeGreaterThan(blocking);
    expect(md).not.toContain('Truncated');
  });
});
