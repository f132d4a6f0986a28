import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
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

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
for (const s of Object.values(schemas)) ajv.addSchema(s);
const compiled = new Map<string, ValidateFunction>();

export function validator(name: SchemaName, ref: SchemaRef = ''): ValidateFunction {
  const id = `${schemas[name].$id}${ref}`;
  let v = compiled.get(id);
  if (!v) {
    v = ajv.getSchema(id) ?? ajv.compile({ $ref: id });
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
