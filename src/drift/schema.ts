import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schemas/drift-report.schema.json';

// Own instance: the report and history carry date-time formats, which need ajv-formats.
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
ajv.addSchema(schema);

const compiled = new Map<string, ValidateFunction>();

function validator(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: `${schema.$id}${ref}` });
    compiled.set(ref, v);
  }
  return v;
}

/** First schema error of `doc` against the report (`''`) or one of its definitions (`#/definitions/X`). */
export function driftSchemaError(doc: unknown, ref: '' | `#/definitions/${string}` = ''): string | null {
  const v = validator(ref);
  if (v(doc)) return null;
  const e = v.errors?.[0];
  return e ? `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` : 'is invalid';
}
