// Writes the JSON Schemas' validators as code beside the compiled validate.js
// (dist/src/normalize/validators.generated.js): a run then neither loads Ajv nor compiles a
// schema (~0.17 s of CPU per run). Run by `npm run build`; validate.ts uses the module only
// when it was generated from the schemas it holds, and compiles with Ajv otherwise.
import { writeFileSync } from 'node:fs';
import { PRECOMPILED, standaloneValidators } from '../src/normalize/validate';

writeFileSync(PRECOMPILED, standaloneValidators());
console.log(`validators: ${PRECOMPILED}`);
