// A data-store check no rule makes yet (policies/lib/data_stores.rego `known_gaps`) is not a
// pass: every check names the resources of such a type as not checked for it, whatever else
// the input holds, and says nothing of a type the input lacks.
import { check } from '../../src/check';
import { knownGapLines } from '../../src/evaluate/manifest';
import { loadCompiledPolicy } from '../../src/evaluate/policy';
import { readDataStores } from '../../scripts/gen-docs';
import { writeTree } from '../helpers/cli';

const stores = readDataStores();
const gapTypes = Object.keys(stores.known_gaps).sort();

const providers = 'provider "aws" {\n  region = "us-west-2"\n}\n\nprovider "azurerm" {\n  features {}\n}\n';

test('the build carries the known gaps of the data-store list', async () => {
  const policy = await loadCompiledPolicy();
  expect(policy.manifest.known_gaps).toEqual(stores.known_gaps);
  await policy.release();
  expect(gapTypes.length).toBeGreaterThan(0);
});

test.each(gapTypes)('%s: each resource of the type is named as not checked, one line per check', async (type) => {
  const names = ['a', 'b'];
  const dir = writeTree({ 'main.tf': `${providers}\n${names.map((n) => `resource "${type}" "${n}" {\n  name = "${n}"\n}\n`).join('\n')}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n` });
  const { decision } = await check([dir], { today: '2026-11-28' });
  const lines = (decision.not_checked ?? []).filter((l) => l.includes(`of ${type} is checked by no rule yet`));
  expect(lines.map((l) => l.split(': ')[0])).toEqual(Object.keys(stores.known_gaps[type]).map(() => names.map((n) => `${type}.${n}`).join(', ')));
  for (const [check, why] of Object.entries(stores.known_gaps[type])) expect(lines).toContainEqual(expect.stringContaining(`${check} of ${type} is checked by no rule yet (${why})`));
});

test('an input without those types gets no such line', async () => {
  const dir = writeTree({ 'main.tf': `${providers}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n` });
  const { decision } = await check([dir], { today: '2026-11-28' });
  expect((decision.not_checked ?? []).filter((l) => l.includes('is checked by no rule yet'))).toEqual([]);
});

test('knownGapLines names at most three resources per type, then how many more', () => {
  const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
  expect(knownGapLines({ t: { backups: 'why' } }, { t: keys, u: ['x'] }, (k) => `t.${k}`)).toEqual(['t.k1, t.k2, t.k3 and 2 more: backups of t is checked by no rule yet (why)']);
  expect(knownGapLines({ t: { backups: 'why' } }, { u: ['x'] }, (k) => k)).toEqual([]);
  expect(knownGapLines(undefined, { t: keys }, (k) => k)).toEqual([]);
});
