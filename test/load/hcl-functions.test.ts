// The functions where the evaluator does not use go-cty's library as it is (yamlencode/
// yamldecode, fileset, filebase64 and the file digests, templatestring, lookup with two or
// three arguments, coalesce, matchkeys, base64sha256, base64gzip, textencodebase64,
// sensitive/nonsensitive, core:: names) against Terraform's own: generated values and file trees are
// evaluated by `terraform console` and by the evaluator, and the results must be equal.
// Needs terraform on PATH (no provider: the console folder declares only locals).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { evaluateFolder } from '../../src/load/hcl-evaluator';
import { writeTree } from '../helpers/cli';
import { terraformAvailability } from '../helpers/terraform';

/** A value as HCL: maps with identifier keys, lists, strings, numbers and booleans. */
type Value = string | number | boolean | Value[] | { [k: string]: Value };
const value = fc.letrec<{ leaf: Value; node: Value }>((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean()),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), tie('node'), { maxKeys: 3 })),
})).node;

const hcl = (v: Value): string => {
  if (typeof v === 'string') return JSON.stringify(v).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(hcl).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)} = ${hcl(x)}`).join(', ')}}`;
};

const files = fc.uniqueArray(fc.stringMatching(/^(?:[a-c]\/){0,2}[a-z]{1,4}\.(?:json|txt|tmpl)$/), { minLength: 1, maxLength: 6 });
const pattern = fc.constantFrom('*.json', '**/*.json', '**', 'a/*', '**/*.{txt,tmpl}', 'b/**/?.txt', '*/*');

const key = fc.constantFrom('a', 'b', 'c', '');
const lookups = fc.record({
  map: fc.dictionary(key, fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  key,
  first: fc.array(fc.constantFrom('', 'x', 'y'), { maxLength: 3 }),
  keys: fc.array(key, { minLength: 4, maxLength: 4 }),
  search: fc.array(key, { maxLength: 3 }),
});

const tf = terraformAvailability();
const hasTerraform = tf.ok || !/not on PATH/.test(tf.reason);

(hasTerraform ? describe : describe.skip)(`functions vs terraform console${hasTerraform ? '' : ' (skipped: terraform is not on PATH)'}`, () => {
  test('each function of generated inputs gives what Terraform gives', async () => {
    await fc.assert(
      fc.asyncProperty(value, fc.string({ maxLength: 10 }), files, pattern, lookups, async (v, name, paths, glob, l) => {
        const expressions = {
          yaml: `yamlencode(local.v)`,
          roundtrip: `yamldecode(yamlencode(local.v))`,
          template: `templatestring(local.tpl, { name = local.name, v = local.v })`,
          fileset: `fileset("$\{path.module}/files", ${JSON.stringify(glob)})`,
          base64: `filebase64("files/${paths[0]}")`,
          lookup: `lookup(local.m, ${hcl(l.key)}, null)`,
          lookup_default: `lookup(local.m, ${hcl(l.key)}, "default")`,
          lookup_two: `contains(keys(local.m), ${hcl(l.key)}) ? lookup(local.m, ${hcl(l.key)}) : "absent"`,
          file_digests: `[filebase64sha256("files/${paths[0]}"), filebase64sha512("files/${paths[0]}"), filemd5("files/${paths[0]}"), filesha1("files/${paths[0]}"), filesha256("files/${paths[0]}"), filesha512("files/${paths[0]}")]`,
          gzip: `base64gzip(local.name)`,
          text16: `textdecodebase64(textencodebase64(local.name, "UTF-16LE"), "UTF-16LE") == local.name ? textencodebase64(local.name, "UTF-16LE") : "differs"`,
          core: `core::upper(local.name)`,
          coalesce: `coalesce(${[...l.first.map(hcl), '"last"'].join(', ')})`,
          matchkeys: `matchkeys(["a", "b", "c", "d"], ${hcl(l.keys)}, ${hcl(l.search)})`,
          digest: `base64sha256(local.name)`,
          marks: `nonsensitive(sensitive(local.v))`,
        };
        const all = `jsonencode({${Object.entries(expressions).map(([k, e]) => `${k} = ${e}`).join(', ')}})`;
        const locals = `locals {\n  m    = ${hcl(l.map)}\n  v    = ${hcl(v)}\n  name = ${hcl(name)}\n  tpl  = "Hello $\${name}: $\${jsonencode(v)}"\n}\n`;
        // Under files/: the console writes its own state beside main.tf.
        const tree = Object.fromEntries(paths.map((p) => [`files/${p}`, `content of ${p}\n`]));
        const consoleDir = writeTree({ 'main.tf': locals, ...tree });
        const expected = execFileSync('terraform', ['console'], {
          cwd: consoleDir,
          input: `${all}\n`,
          encoding: 'utf8',
          env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
        });
        const evalDir = writeTree({
          'main.tf': `${locals}resource "aws_ssm_parameter" "out" {\n  name  = "out"\n  value = ${all}\n}\n`,
          ...tree,
        });
        const out = await evaluateFolder(evalDir, { env: {} });
        const got = out.resources.find((r) => r.address === 'aws_ssm_parameter.out')!.values.value as string;
        expect(JSON.parse(got)).toEqual(JSON.parse(JSON.parse(expected.trim())));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

// filebase64 and the file digests read bytes, as Terraform's do: a binary key committed in the
// repository (`key_material_base64 = filebase64("key.bin")`) or a zip's hash had failed as "not
// valid UTF-8" and read as unknown (an audit). Generated bytes, valid UTF-8 or not.
(hasTerraform ? describe : describe.skip)(`file functions of any bytes vs terraform console${hasTerraform ? '' : ' (skipped: terraform is not on PATH)'}`, () => {
  test('filebase64 and every file digest of generated bytes give what Terraform gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (bytes) => {
        const all = 'jsonencode([filebase64("key.bin"), filebase64sha256("key.bin"), filebase64sha512("key.bin"), filemd5("key.bin"), filesha1("key.bin"), filesha256("key.bin"), filesha512("key.bin")])';
        const consoleDir = writeTree({ 'main.tf': 'locals {}\n' });
        writeFileSync(join(consoleDir, 'key.bin'), bytes);
        const expected = execFileSync('terraform', ['console'], { cwd: consoleDir, input: `${all}\n`, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' } });
        const evalDir = writeTree({ 'main.tf': `resource "aws_ssm_parameter" "out" {\n  name  = "out"\n  value = ${all}\n}\n` });
        writeFileSync(join(evalDir, 'key.bin'), bytes);
        const out = await evaluateFolder(evalDir, { env: {} });
        expect(out.warnings).toEqual([]);
        const got = out.resources.find((r) => r.address === 'aws_ssm_parameter.out')!.values.value as string;
        expect(JSON.parse(got)).toEqual(JSON.parse(JSON.parse(expected.trim())));
      }),
      { numRuns: 10, examples: [[Uint8Array.from([0xff, 0xfe, 0x00, 0x80, 0xc3])]] },
    );
  }, 120_000);
});

// Sensitive marks through functions, as Terraform carries them: a function that takes marked
// values (lookup, length, the to* conversions, merge, keys, …) keeps an element's mark on that
// element, and one that does not marks its whole result. A value with one sensitive element
// once came out of lookup() or tomap() sensitive as a whole, so every setting beside a secret
// (a CloudFront origin's protocols beside its secret header) read as hidden. Generated
// collections, some elements sensitive, each expression's `issensitive()` against terraform
// console's.
(hasTerraform ? describe : describe.skip)(`sensitive marks through functions vs terraform console${hasTerraform ? '' : ' (skipped: terraform is not on PATH)'}`, () => {
  test('each expression is sensitive exactly where Terraform says it is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), async (secret) => {
        const el = (j: number): string => (secret[j] ? `sensitive("v${j}")` : `"v${j}"`);
        const locals = [
          'locals {',
          `  l  = [${[0, 1, 2].map(el).join(', ')}]`,
          `  m  = { ${[0, 1, 2].map((j) => `k${j} = ${el(j)}`).join(', ')} }`,
          '  o  = { x = local.m, y = { k0 = "w" } }',
          '  lo = [for v in local.l : { v = v }]',
          '}',
          '',
        ].join('\n');
        const each: Record<string, (j: number) => string> = {
          attr: (j) => `local.m.k${j}`,
          lookup: (j) => `lookup(local.m, "k${j}", "")`,
          lookup_nested: (j) => `lookup(local.o, "x", {}).k${j}`,
          merge: (j) => `merge(local.m, { z = "z" }).k${j}`,
          values: (j) => `values(local.m)[${j}]`,
          element: (j) => `element(local.l, ${j})`,
          flatten: (j) => `flatten([local.l])[${j}]`,
          concat: (j) => `concat(local.l, ["z"])[${j}]`,
          reverse: (j) => `reverse(local.l)[${2 - j}]`,
          slice: (j) => `slice(local.l, ${j}, ${j + 1})[0]`,
          tolist: (j) => `tolist(local.l)[${j}]`,
          tomap: (j) => `tomap(local.m)["k${j}"]`,
          for_map: (j) => `{ for k, v in local.m : k => v }["k${j}"]`,
          for_list: (j) => `[for v in local.l : v][${j}]`,
          zipmap: (j) => `zipmap(["a", "b", "c"], local.l)[${JSON.stringify('abc'[j])}]`,
          try: (j) => `try(local.m.k${j}, "")`,
          conditional: (j) => `(length(local.l) > 0 ? local.m : local.m).k${j}`,
          splat: (j) => `(local.lo[*].v)[${j}]`,
          upper: (j) => `upper(local.m.k${j})`,
          template: (j) => `"<\${local.m.k${j}}>"`,
        };
        const whole: Record<string, string> = {
          length_m: 'length(local.m)',
          length_l: 'length(local.l)',
          length_lookup: 'length(lookup(local.o, "x", {}))',
          keys: 'keys(local.m)',
          keys_lookup: 'keys(lookup(local.o, "x", {}))',
          jsonencode: 'jsonencode(local.m)',
          toset: 'toset(local.l)',
          distinct: 'distinct(local.l)',
          compact: 'compact(local.l)',
          contains: 'contains(local.l, "v1")',
          index: 'index(local.l, "v1")',
          one: 'one([local.m])',
          merge: 'merge(local.m, { z = "z" })',
          tomap: 'tomap(local.m)',
        };
        const expressions = {
          ...Object.fromEntries(Object.entries(each).flatMap(([name, f]) => [0, 1, 2].map((j) => [`${name}_${j}`, `issensitive(${f(j)})`]))),
          ...Object.fromEntries(Object.entries(whole).map(([name, e]) => [`whole_${name}`, `issensitive(${e})`])),
        };
        const all = `jsonencode({${Object.entries(expressions).map(([k, e]) => `${k} = ${e}`).join(', ')}})`;
        const expected = execFileSync('terraform', ['console'], {
          cwd: writeTree({ 'main.tf': locals }),
          input: `${all}\n`,
          encoding: 'utf8',
          env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
        });
        const out = await evaluateFolder(writeTree({ 'main.tf': `${locals}resource "aws_ssm_parameter" "out" {\n  name  = "out"\n  value = ${all}\n}\n` }), { env: {} });
        const got = out.resources.find((r) => r.address === 'aws_ssm_parameter.out')!.values.value as string;
        expect(JSON.parse(got)).toEqual(JSON.parse(JSON.parse(expected.trim())));
      }),
      { numRuns: 8, examples: [[[false, true, false]], [[true, true, true]]] },
    );
  }, 120_000);
});

// Every built-in function of the terraform on PATH (its own list, `terraform metadata functions`,
// core:: names included) is known to the evaluator and takes the arguments Terraform's does:
// each is called with one value of each declared parameter type (and one more for a variadic
// parameter); whatever the call gives (a value, or an error on that sample), it must not be
// "unknown function" or a wrong number of arguments. Generated from terraform, so a function a
// newer Terraform adds fails here until the evaluator has it.
interface Signature {
  parameters?: Array<{ type: unknown }>;
  variadic_parameter?: { type: unknown };
}

/** Functions the evaluator leaves unknown on purpose, with why. */
const NOT_EVALUATED: Record<string, string> = {
  pathexpand: 'the home folder of the machine that plans is not known here',
};

const sample = (type: unknown): string => {
  const t = JSON.stringify(type);
  if (t === '"string"' || t === '"dynamic"') return '"a"';
  if (t === '"number"') return '1';
  if (t === '"bool"') return 'true';
  if (t.startsWith('["list"') || t.startsWith('["set"')) return '[]';
  if (t.startsWith('["map"') || t.startsWith('["object"')) return '{}';
  throw new Error(`no sample for parameter type ${t}`);
};

(hasTerraform ? describe : describe.skip)(`the evaluator's functions are terraform's${hasTerraform ? '' : ' (skipped: terraform is not on PATH)'}`, () => {
  test('every built-in function is known, with terraform\'s arity', async () => {
    const out = execFileSync('terraform', ['metadata', 'functions', '-json'], {
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
    });
    const signatures = JSON.parse(out).function_signatures as Record<string, Signature>;
    const names = Object.keys(signatures).sort();
    expect(names.length).toBeGreaterThan(100);
    const local = (name: string) => `f_${name.replace('::', '__')}`;
    const calls = names.map((name) => {
      const s = signatures[name];
      const args = [...(s.parameters ?? []).map((p) => sample(p.type)), ...(s.variadic_parameter ? [sample(s.variadic_parameter.type)] : [])];
      return `  ${local(name)} = ${name}(${args.join(', ')})`;
    });
    const dir = writeTree({ 'main.tf': `locals {\n${calls.join('\n')}\n}\n` });
    const { warnings } = await evaluateFolder(dir, { env: {} });
    const wrong = names.filter((name) =>
      warnings.some((w) => w.includes(`local.${local(name)} `) && /unknown function|function arguments|takes .* arguments|expects \d+ argument/i.test(w)),
    );
    const expected = names.filter((name) => NOT_EVALUATED[name.replace(/^core::/, '')] !== undefined);
    expect(wrong).toEqual(expected);
  }, 60_000);
});
