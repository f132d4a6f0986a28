// The HCL source editor (hcl-eval/edit.go) on generated files: whatever the layout and comments,
// an edit replaces only the edited block's range, keeps every comment, writes the value an
// independent parser (hcl2json) reads back, and applying it again changes nothing.
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { hclRuntime } from '../../src/load/hcl-evaluator';
import { applyReplacements, editFile, type Replacement } from '../../src/fix/apply';
import type { BlockEdit } from '../../src/fix/plan';
import { writeTree } from '../helpers/cli';

const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const scalar = fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 99999 }), fc.stringMatching(/^[a-zA-Z0-9 ./:-]{0,12}$/));
const hcl = (v: boolean | number | string): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const comment = fc.stringMatching(/^[a-zA-Z0-9 ,.]{0,20}$/).map((c) => `# ${c}`.trimEnd());

/** A resource block in arbitrary (not necessarily `terraform fmt`) layout, with comments. */
const block = fc.record({
  name: ident,
  lead: fc.option(comment, { nil: undefined }),
  attrs: fc.uniqueArray(fc.record({ key: ident, value: scalar, pad: fc.integer({ min: 1, max: 6 }), trailing: fc.option(comment, { nil: undefined }) }), {
    selector: (a) => a.key,
    maxLength: 5,
  }),
  inner: fc.option(comment, { nil: undefined }),
});

type Block = typeof block extends fc.Arbitrary<infer T> ? T : never;

function render(b: Block): string {
  const lines = b.attrs.map((a) => `  ${a.key}${' '.repeat(a.pad)}= ${hcl(a.value)}${a.trailing ? ` ${a.trailing}` : ''}`);
  if (b.inner) lines.splice(lines.length >> 1, 0, `  ${b.inner}`);
  return `${b.lead ? `${b.lead}\n` : ''}resource "test_thing" "${b.name}" {\n${lines.join('\n')}${lines.length ? '\n' : ''}}\n`;
}

const file = fc
  .uniqueArray(block, { selector: (b) => b.name, minLength: 1, maxLength: 5 })
  .chain((blocks) => fc.record({ blocks: fc.constant(blocks), target: fc.nat(blocks.length - 1), attr: ident, value: scalar, gap: fc.constantFrom('\n', '\n\n', '\n\n\n') }));

async function edit(text: string, edits: BlockEdit[]): Promise<{ replacements: Replacement[]; unapplied: string[] }> {
  return JSON.parse((await hclRuntime()).edit(JSON.stringify({ file: 'main.tf', text, edits })));
}

test('an edit touches only its block, keeps comments, reads back, and is idempotent', async () => {
  await fc.assert(
    fc.asyncProperty(file, async ({ blocks, target, attr, value, gap }) => {
      const text = blocks.map(render).join(gap);
      const name = blocks[target].name;
      const edits: BlockEdit[] = [{ block: 'resource', labels: ['test_thing', name], set: [{ name: attr, expr: hcl(value) }] }];
      const out = await edit(text, edits);
      const after = applyReplacements(text, out.replacements);
      for (const r of out.replacements) {
        // The replaced range is the block itself, from `resource` to its closing brace.
        expect(text.slice(r.start.byte, r.end.byte)).toMatch(new RegExp(`^resource "test_thing" "${name}" \\{[\\s\\S]*\\}$`));
      }
      if (out.replacements.length === 1) {
        const [r] = out.replacements;
        expect(after.startsWith(text.slice(0, r.start.byte))).toBe(true);
        expect(after.endsWith(text.slice(r.end.byte))).toBe(true);
      }
      for (const c of text.match(/#[^\n]*/g) ?? []) expect(after).toContain(c.trimEnd());
      const parsed = (await parse('main.tf', after)) as { resource: { test_thing: Record<string, Array<Record<string, unknown>>> } };
      expect(parsed.resource.test_thing[name][0][attr]).toEqual(value);
      for (const b of blocks.filter((x) => x.name !== name)) {
        expect(parsed.resource.test_thing[b.name][0]).toEqual(Object.fromEntries(b.attrs.map((a) => [a.key, a.value])));
      }
      expect((await edit(after, edits)).replacements).toEqual([]);
    }),
    { numRuns: 60 },
  );
});

test('nested blocks are chosen by a literal value; lists lose only the listed values', async () => {
  const text = [
    'resource "aws_security_group" "app" {',
    '  name = "app"',
    '  egress {',
    '    from_port   = 0',
    '    to_port     = 0',
    '    protocol    = "-1"',
    '    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # both',
    '  }',
    '  egress {',
    '    from_port   = 443',
    '    to_port     = 443',
    '    protocol    = "tcp"',
    '    cidr_blocks = [var.office]',
    '  }',
    '}',
    '',
  ].join('\n');
  const dir = writeTree({ 'main.tf': text });
  const change = await editFile(`${dir}/main.tf`, [
    {
      block: 'resource',
      labels: ['aws_security_group', 'app'],
      nested: 'egress',
      where: { name: 'cidr_blocks', values: ['0.0.0.0/0'] },
      remove: { name: 'cidr_blocks', values: ['0.0.0.0/0'] },
      set: [{ name: 'prefix_list_ids', expr: '["pl-REPLACE-ME"]', comment: 'placeholder' }],
    },
  ]);
  // Aligned as terraform fmt aligns values and trailing comments.
  expect(change.after).toContain('    cidr_blocks     = ["10.0.0.0/8"]    # both\n');
  expect(change.after).toContain('    prefix_list_ids = ["pl-REPLACE-ME"] # placeholder\n');
  // The block whose value is not a literal is left alone.
  expect(change.after).toContain('    cidr_blocks = [var.office]\n');
});

test('a dotted nested path reaches blocks inside blocks, each of them, and adds the levels a resource lacks', async () => {
  const sse = (inner: string): string =>
    `resource "aws_s3_bucket_server_side_encryption_configuration" "d" {\n  bucket = "d"\n${inner}}\n`;
  const path: BlockEdit = {
    block: 'resource',
    labels: ['aws_s3_bucket_server_side_encryption_configuration', 'd'],
    nested: 'rule.apply_server_side_encryption_by_default',
    set: [{ name: 'sse_algorithm', expr: '"aws:kms"' }],
  };
  // Every rule's inner block is edited; the outer blocks' own attributes stay.
  const two = sse('  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n    bucket_key_enabled = false\n  }\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n');
  const edited = applyReplacements(two, (await edit(two, [path])).replacements);
  expect(edited.match(/sse_algorithm = "aws:kms"/g)).toHaveLength(2);
  expect(edited).toContain('    bucket_key_enabled = false\n');
  // Missing levels are added, once; a `where` on the last level narrows and never adds.
  const none = sse('');
  const added = applyReplacements(none, (await edit(none, [path])).replacements);
  expect(added).toBe(sse('  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n'));
  expect((await edit(added, [path])).replacements).toEqual([]);
  expect((await edit(two, [{ ...path, where: { name: 'sse_algorithm', values: ['aws:kms:dsse'] } }])).replacements).toEqual([]);
  expect((await edit(none, [{ ...path, where: { name: 'sse_algorithm', values: ['AES256'] } }])).replacements).toEqual([]);
});

test('a nested block the resource lacks is added with the settings (only when no `where` narrows it)', async () => {
  const text = 'resource "aws_dynamodb_table" "t" {\n  name = "t" # orders\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n';
  const add: BlockEdit = { block: 'resource', labels: ['aws_dynamodb_table', 't'], nested: 'point_in_time_recovery', set: [{ name: 'enabled', expr: 'true' }] };
  const after = applyReplacements(text, (await edit(text, [add])).replacements);
  expect(after).toBe('resource "aws_dynamodb_table" "t" {\n  name = "t" # orders\n\n  attribute {\n    name = "id"\n    type = "S"\n  }\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n');
  expect((await edit(after, [add])).replacements).toEqual([]);
  const narrowed = await edit(text, [{ ...add, where: { name: 'enabled', values: ['false'] } }]);
  expect(narrowed.replacements).toEqual([]);
  expect(narrowed.unapplied).toEqual(['resource aws_dynamodb_table.t: nothing to change (no point_in_time_recovery block matches)']);
});

test('an edit naming a block the file lacks is reported, not silently dropped', async () => {
  const out = await edit('resource "a_b" "c" {\n}\n', [{ block: 'resource', labels: ['a_b', 'd'], set: [{ name: 'x', expr: 'true' }] }]);
  expect(out.replacements).toEqual([]);
  expect(out.unapplied).toEqual(['resource a_b.d: no such block in main.tf']);
});

test('a value that is not an HCL expression is an error', async () => {
  const dir = writeTree({ 'main.tf': 'resource "a_b" "c" {\n}\n' });
  await expect(editFile(`${dir}/main.tf`, [{ block: 'resource', labels: ['a_b', 'c'], set: [{ name: 'x', expr: '= nope' }] }])).rejects.toThrow(/not an HCL expression/);
});
