// Every CDKTF snippet a fix prints type-checks against the real constructs (stacks/constructs):
// the construct exists, takes those props, and the option named is one it has. Names the snippet
// takes from the user's code (a VPC, subnets) are declared `any`; nothing else is.
import { join } from 'node:path';
import ts from 'typescript';
import { loadCatalog, type RuleInfo } from '../../src/evaluate/catalog';

const ROOT = join(__dirname, '..', '..');
const withSnippet = loadCatalog().filter((r) => r.fix?.cdktf);
// A wrong snippet the check must reject (an option HardenedBucket does not have).
const negative = { id: 'negative-control', cloud: 'aws', construct: 'HardenedBucket', fix: { summary: '', edits: [{}], cdktf: { option: '', snippet: "new HardenedBucket(this, 'x', { bucketName: 'y' });" } } } as unknown as RuleInfo;
const fileOf = (r: RuleInfo): string => join(ROOT, 'stacks', `__snippet_${r.id.replace(/-/g, '_')}.ts`);

function source(rule: RuleInfo, free: string[]): string {
  return [
    `import { TerraformStack } from 'cdktf';`,
    `import type { Construct } from 'constructs';`,
    `import { ${rule.construct} } from './constructs/${rule.cloud === 'aws' ? 'aws' : 'azure'}';`,
    ...free.map((n) => `declare const ${n}: any;`),
    `export class Snippet extends TerraformStack {`,
    `  constructor(scope: Construct, id: string) {`,
    `    super(scope, id);`,
    rule.fix!.cdktf!.snippet,
    `  }`,
    `}`,
  ].join('\n');
}

/** Type-checks in-memory files (path → text) in one program; messages by file. */
function check(files: Map<string, string>): Map<string, ts.Diagnostic[]> {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, lang) : read(name, lang, onError));
  const program = ts.createProgram([...files.keys()], options, host);
  return new Map([...files.keys()].map((f) => [f, [...program.getSyntacticDiagnostics(program.getSourceFile(f)), ...program.getSemanticDiagnostics(program.getSourceFile(f))]]));
}

let errors: Map<string, string[]>;

beforeAll(() => {
  // First pass: the names the snippet expects from the user's code; second: with those declared.
  const all = [...withSnippet, negative];
  const first = check(new Map(all.map((r) => [fileOf(r), source(r, [])])));
  const free = (r: RuleInfo): string[] => [
    ...new Set(first.get(fileOf(r))!.filter((d) => d.code === 2304).map((d) => /Cannot find name '([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))![1])),
  ];
  const second = check(new Map(all.map((r) => [fileOf(r), source(r, free(r))])));
  errors = new Map(all.map((r) => [r.id, second.get(fileOf(r))!.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]));
}, 120_000);

test('the check rejects a snippet with an option the construct lacks', () => {
  expect(errors.get('negative-control')).toEqual([expect.stringContaining("'bucketName' does not exist in type 'HardenedBucketProps'")]);
});

test('some rules carry a CDKTF snippet', () => {
  expect(withSnippet.length).toBeGreaterThanOrEqual(5);
  process.stdout.write(`leakguard fix: ${withSnippet.length} rules name a construct option with a TypeScript snippet\n`);
});

test.each(withSnippet.map((r) => [r.id] as const))('%s snippet type-checks', (id) => {
  expect(errors.get(id)).toEqual([]);
});
