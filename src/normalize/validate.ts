import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import inputSchema from '../../schemas/policy-input.schema.json';
import decisionSchema from '../../schemas/decision.schema.json';
import configSchema from '../../schemas/config.schema.json';
import driftSchema from '../../schemas/drift-report.schema.json';
import estateSchema from '../../schemas/drift-estate.schema.json';
import fixSchema from '../../schemas/fix.schema.json';
import runbookSchema from '../../schemas/runbook.schema.json';

// One validator for every schema of the project (input, decision and baseline, config, drift report and history, estate drift report, rule fixes and runbooks).
const schemas = { 'policy-input': inputSchema, decision: decisionSchema, config: configSchema, 'drift-report': driftSchema, 'drift-estate': estateSchema, fix: fixSchema, runbook: runbookSchema } as const;
export type SchemaName = keyof typeof schemas;
/** A whole schema (`''`) or one of its definitions (`#/definitions/X`). */
export type SchemaRef = '' | `#/definitions/${string}`;

/** Identifies the schemas a precompiled validators module was generated from. */
export const SCHEMAS_SHA256 = createHash('sha256').update(JSON.stringify(schemas)).digest('hex');

/** Where `npm run build` writes the validators of the whole schemas as code (scripts/gen-validators.ts). */
export const PRECOMPILED = join(__dirname, 'validators.generated.js');

const AJV_OPTIONS = { allErrors: false, strict: false } as const;

/** An Ajv instance holding every schema; `source` keeps the generated code (for standaloneValidators). */
function newAjv(source = false): Ajv {
  // Loaded only when needed: requiring Ajv and compiling the schemas cost ~0.17 s of CPU per run.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const AjvClass = (require('ajv') as typeof import('ajv')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const opts = source ? { ...AJV_OPTIONS, code: { source: true, formats: formatsCode() } } : AJV_OPTIONS;
  const a = new AjvClass(opts);
  addFormats(a);
  for (const sc of Object.values(schemas)) a.addSchema(sc);
  return a;
}

/** The formats addFormats registers, as code the standalone module requires. */
function formatsCode(): import('ajv').Code {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { _ } = require('ajv/dist/compile/codegen') as typeof import('ajv/dist/compile/codegen');
  return _`require("ajv-formats/dist/formats").fullFormats`;
}

/**
 * Definitions the code validates on their own, precompiled beside the whole schemas (others
 * are compiled with Ajv when first asked for). test/normalize/validators.test.ts checks that
 * every definition the sources name is here.
 */
export const PRECOMPILED_DEFINITIONS: ReadonlyArray<readonly [SchemaName, SchemaRef]> = [
  // Each resource of the input on its own (resourceErrors) and each finding of a decision (findingErrors).
  ['policy-input', '#/definitions/Resource'],
  ['decision', '#/definitions/Finding'],
  ['policy-input', '#/definitions/Waiver'],
  ['decision', '#/definitions/Baseline'],
  ['drift-report', '#/definitions/DriftHistory'],
  ['drift-estate', '#/definitions/StackList'],
  ['drift-estate', '#/definitions/NotCheckedReport'],
];

/**
 * The validators of every whole schema as one CommonJS module (Ajv's standalone code, the same
 * options and formats as at run time), stamped with SCHEMAS_SHA256: compiled at build time, so
 * a run neither loads Ajv nor compiles a schema. Written by scripts/gen-validators.ts.
 */
export function standaloneValidators(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const a = newAjv(true);
  // Each whole schema under its name, and the definitions validated on their own as `name#/definitions/X`.
  const exported: Record<string, string> = Object.fromEntries(Object.entries(schemas).map(([name, sc]) => [name, sc.$id]));
  for (const [name, ref] of PRECOMPILED_DEFINITIONS) exported[`${name}${ref}`] = `${schemas[name].$id}${ref}`;
  const code = standaloneCode(a, exported);
  return `${code}\nexports.schemas_sha256 = ${JSON.stringify(SCHEMAS_SHA256)};\n`;
}

/** The build's precompiled validators, if they were generated from these very schemas. */
function loadPrecompiled(): Partial<Record<string, ValidateFunction>> {
  if (!existsSync(PRECOMPILED)) return {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require(PRECOMPILED) as { schemas_sha256?: string };
  return m.schemas_sha256 === SCHEMAS_SHA256 ? (m as Partial<Record<string, ValidateFunction>>) : {};
}

let precompiled: Partial<Record<string, ValidateFunction>> | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

export function validator(name: SchemaName, ref: SchemaRef = ''): ValidateFunction {
  const id = `${schemas[name].$id}${ref}`;
  let v = compiled.get(id);
  if (!v) {
    precompiled ??= loadPrecompiled();
    v = precompiled[`${name}${ref}`];
    if (!v) {
      ajv ??= newAjv();
      v = ajv.getSchema(id) ?? ajv.compile({ $ref: id });
    }
    compiled.set(id, v);
  }
  return v;
}

/** The first schema error of `doc` as one line (`/path message`), or null when valid. */
export function schemaErrors(name: SchemaName, doc: unknown, ref: SchemaRef = ''): string | null {
  const v = validator(name, ref);
  if (v(doc)) return null;
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid';
}

/** Our own output must match its schema; a mismatch is a bug in Leakguard, not the user's input. */
export function assertValid(name: SchemaName, doc: unknown, ref: SchemaRef = ''): void {
  const err = schemaErrors(name, doc, ref);
  if (err) throw new Error(`internal error: produced ${name} does not match its schema: ${err}`);
}
