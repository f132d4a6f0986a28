// Generates src/types/*.ts from the JSON Schemas (the single source of truth).
// `--check` fails when the committed types are stale instead of writing them.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// `shared`: types taken from another schema by $ref are imported from its generated file
// (and exported again) rather than declared again, which json-schema-to-typescript does whole.
// Only for drift-estate: on the others that option also renamed some of a schema's own
// definitions (policy-input's Origin became Origin1), which their importers do not know.
const targets: Array<[schema: string, out: string, shared?: 'shared']> = [
  ['schemas/policy-input.schema.json', 'src/types/policy-input.ts'],
  ['schemas/decision.schema.json', 'src/types/decision.ts'],
  ['schemas/config.schema.json', 'src/types/config.ts'],
  ['schemas/drift-report.schema.json', 'src/types/drift-report.ts'],
  ['schemas/drift-estate.schema.json', 'src/types/drift-estate.ts', 'shared'],
  ['schemas/fix.schema.json', 'src/types/fix.ts'],
  ['schemas/runbook.schema.json', 'src/types/runbook.ts'],
];

/**
 * Import (and export again, so importers of this file keep finding them) the types the
 * schema takes from another schema by `$ref` that the generated code names.
 */
function importsOf(schemaText: string, body: string): string {
  const byModule = new Map<string, Set<string>>();
  for (const [, file, name] of schemaText.matchAll(/"\$ref":"([a-z-]+)\.schema\.json#\/definitions\/(\w+)"/g)) {
    if (!new RegExp(`\\b${name}\\b`).test(body)) continue; // inlined (an enum): nothing to import
    const names = byModule.get(file) ?? new Set<string>();
    byModule.set(file, names.add(name));
  }
  return [...byModule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, names]) => {
      const list = [...names].sort().join(', ');
      return `import type { ${list} } from './${file}';\nexport type { ${list} };\n\n`;
    })
    .join('');
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [schemaPath, outPath, shared] of targets) {
    const schema = JSON.parse(readFileSync(join(root, schemaPath), 'utf8'));
    const banner = `/* Generated from ${schemaPath} by scripts/gen-types.ts. Do not edit. */`;
    const body = await compile(schema, schema.title, {
      cwd: join(root, 'schemas'), // cross-schema $refs (decision → policy-input) resolve locally
      bannerComment: shared ? '' : banner,
      declareExternallyReferenced: shared === undefined,
      additionalProperties: false,
      unreachableDefinitions: true,
      style: { singleQuote: true },
    });
    const ts = shared ? `${banner}\n\n${importsOf(JSON.stringify(schema), body)}${body}` : body;
    const file = join(root, outPath);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== ts) stale.push(outPath);
    } else {
      writeFileSync(file, ts);
    }
  }
  if (stale.length > 0) {
    console.error(`stale generated types: ${stale.join(', ')} (run npm run gen:types)`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
