// The re-check's bookkeeping: a finding is gone, remains or is new by rule and resource; a
// region- or stack-level finding that moves to a resource the fix adds is the same finding.
import { compareFindings } from '../../src/fix';
import type { Finding } from '../../src/types/decision';

const f = (rule_id: string, address: string, region = 'us-west-2', stack = 's'): Finding =>
  ({ rule_id, resource: { key: `${stack}/${address}`, address, stack, region } }) as Finding;

test('gone, remaining and new by rule and resource', () => {
  const before = [f('a', 'x.one'), f('b', 'x.one'), f('c', 'x.two')];
  const after = [f('b', 'x.one'), f('d', 'x.three')];
  const r = compareFindings(before, before, after);
  expect(r.gone.map((x) => x.rule_id)).toEqual(['a', 'c']);
  expect(r.remaining.map((x) => x.rule_id)).toEqual(['b']);
  expect(r.introduced.map((x) => x.rule_id)).toEqual(['d']);
});

test('a region finding that moves to an added resource remains; in another region it is new', () => {
  const before = [f('guardduty', 'aws_db_instance.orders'), f('rds-public', 'aws_db_instance.orders')];
  const after = [f('guardduty', 'aws_kms_key.orders'), f('guardduty', 'aws_kms_key.eu', 'eu-west-1')];
  const r = compareFindings(before, before, after);
  expect(r.gone.map((x) => x.rule_id)).toEqual(['rds-public']);
  expect(r.remaining.map((x) => x.rule_id)).toEqual(['guardduty']);
  expect(r.introduced.map((x) => `${x.rule_id} ${x.resource.region}`)).toEqual(['guardduty eu-west-1']);
});

test('only the selected findings count as gone or remaining; new ones count whatever the selection', () => {
  const before = [f('a', 'x.one'), f('b', 'x.one')];
  const r = compareFindings(before, [before[0]], [f('b', 'x.one'), f('e', 'x.one')]);
  expect(r.gone.map((x) => x.rule_id)).toEqual(['a']);
  expect(r.remaining).toEqual([]);
  expect(r.introduced.map((x) => x.rule_id)).toEqual(['e']);
});
