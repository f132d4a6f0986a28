import Ajv, { type ValidateFunction } from 'ajv';
import inputSchema from '../../schemas/policy-input.schema.json';
import decisionSchema from '../../schemas/decision.schema.json';
import configSchema from '../../schemas/config.schema.json';

const schemas = { 'policy-input': inputSchema, decision: decisionSchema, config: configSchema } as const;
export type SchemaName = keyof typeof schemas;

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new Map<SchemaName, ValidateFunction>();

export function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = ajv.compile(schemas[name]);
    compiled.set(name, v);
  }
  return v;
}

export function schemaErrors(name: SchemaName, doc: unknown): string | null {
  const v = validator(name);
  if (v(doc)) return null;
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid';
}

/** Our own output must match its schema; a mismatch is a bug in Leakguard, not the user's input. */
export function assertValid(name: SchemaName, doc: unknown): void {
  const err = schemaErrors(name, doc);
  if (err) throw new Error(`internal error: produced ${name} does not match its schema: ${err}`);
}
