// Generates src/types/*.ts from the JSON Schemas (the single source of truth).
// `--check` fails when the committed types are stale instead of writing them.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const targets: Array<[schema: string, out: string]> = [
  ['schemas/policy-input.schema.json', 'src/types/policy-input.ts'],
  ['schemas/decision.schema.json', 'src/types/decision.ts'],
  ['schemas/config.schema.json', 'src/types/config.ts'],
  ['schemas/drift-report.schema.json', 'src/types/drift-report.ts'],
  ['schemas/drift-estate.schema.json', 'src/types/drift-estate.ts'],
  ['schemas/fix.schema.json', 'src/types/fix.ts'],
  ['schemas/runbook.schema.json', 'src/types/runbook.ts'],
];

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [schemaPath, outPath] of targets) {
    const schema = JSON.parse(readFileSync(join(root, schemaPath), 'utf8'));
    const ts = await compile(schema, schema.title, {
      cwd: join(root, 'schemas'), // cross-schema $refs (decision → policy-input) resolve locally
      bannerComment: `/* Generated from ${schemaPath} by scripts/gen-types.ts. Do not edit. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      style: { singleQuote: true },
    });
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
