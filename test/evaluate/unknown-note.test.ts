import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Judging, ruleFacts, type PolicyData } from '../../src/evaluate/policy';
import type { Levelled } from '../../src/evaluate/judge';
import type { PolicyManifest } from '../../src/evaluate/manifest';
import { buildDir } from '../../src/evaluate/paths';
import { isBlock } from '../../src/normalize/coerce';
import type { PolicyInput, Resource } from '../../src/types/policy-input';

// A finding on a resource whose block the rule reads is unknown as a whole before apply (a
// dynamic block over a list only apply knows) says so in its message: the finding stays (fail
// closed), its wording no longer asserts what could not be seen. Generated over the whole rule
// catalogue (each rule's types and the paths its source reads, as the build derived them), and
// judged as a check judges: the note names exactly the unknown blocks the rule reads that the
// configuration sets, never a block the provider computes, never an attribute alone.
// test/normalize/dynamic-block-unknowns.test.ts shows it on real plans.

const catalogue = ruleFacts();
const manifest = JSON.parse(readFileSync(join(buildDir(), 'manifest.json'), 'utf8')) as PolicyManifest;
const typesOf = new Map(manifest.rules.map((r) => [r.path.join('/'), r.types]));
// Rules with a type, and the blocks of that type their source reads (or reads inside of).
const cases = [...catalogue.values()].flatMap((rule) => {
  const types = typesOf.get(rule.file.split('/').slice(2, 5).join('/')) ?? [];
  return types.map((type) => {
    const prefixes = new Set((rule.reads ?? []).flatMap((p) => p.split('.').map((_, i, segs) => segs.slice(0, i + 1).join('.'))));
    return { rule, type, blocks: [...prefixes].filter((p) => isBlock(type, p)).sort(), attributes: [...prefixes].filter((p) => !isBlock(type, p)).sort() };
  });
});
const withBlocks = cases.filter((c) => c.blocks.length > 0);
const NOTE = /^(.*) \(not shown before apply: (.+) (?:is|are) known only after apply\)$/;

function judgedMessage(rule: (typeof cases)[number]['rule'], r: Resource, message: string): string {
  const finding = { rule_id: rule.id, control: rule.control, severity: rule.severity, message, enforcement: 'hard', resource: { key: r.key } } as Levelled['findings'][number];
  const input = { resources: { [r.key]: r } } as unknown as PolicyInput;
  const judging = new Judging(input, { config: {}, waivers: [], context: { today: '2026-06-01' } } as PolicyData, () => catalogue);
  judging.add([finding]);
  return finding.message;
}

test('the build derives the paths each rule reads, and many rules read inside blocks of their types', () => {
  expect([...catalogue.values()].every((r) => Array.isArray(r.reads))).toBe(true);
  expect(withBlocks.length).toBeGreaterThan(50);
  const dynamodb = cases.find((c) => c.rule.id === 'aws-dynamodb-cmk' && c.type === 'aws_dynamodb_table');
  expect(dynamodb?.blocks).toContain('server_side_encryption');
});

test('a finding names exactly the configured blocks the rule reads that are unknown before apply', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...withBlocks).chain((c) =>
        fc.record({
          c: fc.constant(c),
          // Each unknown path: a block the rule reads, an attribute it reads, or one every plan leaves unknown.
          unknown: fc.uniqueArray(fc.constantFrom(...c.blocks, ...c.attributes, 'arn', 'id'), { maxLength: 5 }),
          // Which of them the configuration sets from something (a resource, or a value the input cannot follow).
          set: fc.uniqueArray(fc.constantFrom(...c.blocks, ...c.attributes, 'arn'), { maxLength: 5 }),
          how: fc.constantFrom('references', 'unlinked', 'inside'),
          message: fc.constantFrom('Table t is not encrypted with a customer-managed KMS key', 'Bucket b has logging unknown at plan time'),
        }),
      ),
      ({ c, unknown, set, how, message }) => {
        const references: Record<string, string[]> = {};
        const unlinked: string[] = [];
        // Where the expression sits: at the path, or (inside) in an attribute of the block.
        const at = (p: string): string => (how === 'inside' && c.blocks.includes(p) ? `${p}.x` : p);
        for (const p of set) {
          if (how === 'unlinked') unlinked.push(p);
          else references[at(p)] = ['st/aws_kms_key.k'];
        }
        const r = { key: 'st/x', address: 'x', stack: 'st', type: c.type, unknown, references, unlinked, action: 'create', origin: { file: 'plan.json' }, region: 'us-east-1' } as unknown as Resource;
        const out = judgedMessage(c.rule, r, message);
        // Set: the block, something inside it, or what holds it (an attribute beside the block, in
        // the block that holds it, does not set it: seed 1621766164 drew one).
        const expected = unknown.filter((u) => c.blocks.includes(u) && set.map(at).some((q) => q === u || q.startsWith(`${u}.`) || u.startsWith(`${q}.`))).sort();
        if (expected.length === 0 || /unknown/.test(message)) return expect(out).toBe(message);
        const m = NOTE.exec(out);
        expect(m?.[1]).toBe(message);
        expect(m?.[2].split(', ')).toEqual(expected);
      },
    ),
    { numRuns: 500 },
  );
});

test('a finding on a resource with nothing unknown, or on no resource of the input, keeps its message', () => {
  const c = withBlocks[0];
  const r = { key: 'st/x', address: 'x', stack: 'st', type: c.type, unknown: [], references: { [c.blocks[0]]: ['st/k'] }, action: 'create', origin: { file: 'plan.json' }, region: 'us-east-1' } as unknown as Resource;
  expect(judgedMessage(c.rule, r, 'm')).toBe('m');
});
