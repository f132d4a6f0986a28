import { escapeData, escapeProperty, githubFormatter } from '../../src/report/github';
import type { Decision, Finding } from '../../src/types/decision';
import type { PolicyInput } from '../../src/types/policy-input';

const base: Finding = {
  rule_id: 'aws-s3-public-access-block',
  title: 'S3 bucket: public, maybe',
  control: 'public-storage',
  severity: 'critical',
  cloud: 'aws',
  enforcement: 'hard',
  blocking: true,
  waived: false,
  message: '100% public\r\nreally',
  resource: { key: 's/aws_s3_bucket.b', address: 'aws_s3_bucket.b', stack: 's', type: 'aws_s3_bucket', origin: { file: 'infra/a,b:c.tf', line: 3 } },
  remediation: 'fix it',
  legal: [],
  audit_component: 'x',
};

function render(findings: Finding[], waivers: Decision['waivers'] = []): string[] {
  const decision = { schema_version: '1', findings, waivers, summary: { resources: 1, findings: findings.length, blocking: 1, waived: 0, advisory: 0, by_severity: {}, by_control: {}, uncovered: { resources: 0, managed: 1, by_type: {}, not_checked_allowed: false } } } as Decision;
  return githubFormatter.render({ decision, input: {} as PolicyInput, rules: [], color: false, cwd: '/work' }).trimEnd().split('\n');
}

describe('github workflow-command annotations', () => {
  test('escaping: data escapes %, CR, LF; properties also : and ,', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });

  test('blocking → ::error with file, line and title; every line is one command', () => {
    const [line] = render([base]);
    expect(line).toBe(
      '::error file=infra/a%2Cb%3Ac.tf,line=3,title=aws-s3-public-access-block%3A S3 bucket%3A public%2C maybe::100%25 public%0D%0Areally [s/aws_s3_bucket.b]%0AFix: fix it',
    );
  });

  test('advisory and waived → ::warning; waivers needing attention are warned too', () => {
    const lines = render(
      [
        { ...base, blocking: false, enforcement: 'advisory' },
        { ...base, blocking: false, waived: true, enforcement: 'soft', waiver: { rule: 'r', reason: 'accepted: until Q3', owner: 'ops', expires: '2027-01-01' } },
      ],
      [{ waiver: { rule: 'r2', resource: 'x', reason: 'old', owner: 'ops', expires: '2020-01-01' }, status: 'expired', matched: [] }],
    );
    expect(lines[0]).toMatch(/^::warning file=.*title=aws-s3-public-access-block \[advisory\]%3A /);
    expect(lines[1]).toMatch(/^::warning file=.*title=aws-s3-public-access-block \[waived\]%3A .*%0AWaived: accepted: until Q3 \(owner ops, expires 2027-01-01\)/);
    expect(lines[2]).toBe('::warning title=waiver expired::r2 on x (owner ops, expires 2020-01-01): old');
    expect(lines[3]).toMatch(/^::notice title=Leakguard::/);
  });
});
