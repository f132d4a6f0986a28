import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA = join(__dirname, '..', '..', '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

/** Every SARIF document the suite produces goes through here: valid SARIF 2.1.0 or the test fails. */
export function expectValidSarif(text: string): SarifLog {
  const doc = JSON.parse(text) as SarifLog;
  const ok = validate(doc);
  if (!ok) throw new Error(`invalid SARIF: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  // What GitHub code scanning needs beyond the schema: a rule per result, a line per location.
  for (const r of doc.runs[0].results) {
    expect(doc.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
  }
  return doc;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
    logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
  }>;
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
  properties: Record<string, unknown>;
}

export interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; help: { text: string; markdown: string }; properties: Record<string, unknown> }> } };
    results: SarifResult[];
    invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>;
  }>;
}
