// The plain-HCL failing fixtures: test/policies/hcl/<rule-id>/main.tf (+ optional leakguard.json).
// Each main.tf names, in a header comment, the seed mistake and the resource address the rule
// must report (`# Expect: <address>`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const HCL_FIXTURES = __dirname;

export interface HclFixture {
  /** The rule the fixture breaks (its folder name). */
  ruleId: string;
  dir: string;
  mainTf: string;
  text: string;
  /** leakguard.json beside main.tf, when the rule needs configuration data. */
  configPath?: string;
  /** The address the rule must report. */
  expected: string;
}

const EXPECT = /^# Expect: (\S+)\s*$/m;

export function hclFixtures(): HclFixture[] {
  return readdirSync(HCL_FIXTURES)
    .filter((name) => statSync(join(HCL_FIXTURES, name)).isDirectory())
    .sort()
    .map((ruleId) => {
      const dir = join(HCL_FIXTURES, ruleId);
      const mainTf = join(dir, 'main.tf');
      const text = readFileSync(mainTf, 'utf8');
      const expected = EXPECT.exec(text)?.[1];
      if (!expected) throw new Error(`${mainTf}: no "# Expect: <address>" header`);
      const config = join(dir, 'leakguard.json');
      return { ruleId, dir, mainTf, text, expected, ...(existsSync(config) ? { configPath: config } : {}) };
    });
}

/** 1-based line of the `resource "type" "name"` / `data "type" "name"` block of an address, found in the text itself. */
export function blockLine(text: string, address: string): number {
  const data = address.startsWith('data.');
  const [type, name] = (data ? address.slice(5) : address).split('.');
  const header = new RegExp(`^\\s*${data ? 'data' : 'resource'}\\s+"${type}"\\s+"${name}"\\s*\\{`);
  const index = text.split('\n').findIndex((l) => header.test(l));
  if (index < 0) throw new Error(`no block for ${address}`);
  return index + 1;
}
