// The plain-HCL failing fixtures: test/policies/hcl/<rule-id>/main.tf (+ optional leakguard.json).
// Each main.tf names, in a header comment, the seed mistake and the resource address the rule
// must report (`# Expect: <address>`, or a region/estate subject such as `region:aws:us-east-1`).
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

/** Configuration a METADATA example's own comments assume (`# incident-response group`, `# listed in
 * central_trail_names`, `# 444455556666 is the prod account`). */
export const EXAMPLE_CONFIG: Record<string, object> = {
  'azure-forensic-evidence-access': { incident_response_principal_ids: ['00000000-0000-0000-0000-000000000001'] },
  'aws-central-trail-pii-data-events': { central_trail_names: ['central'] },
  'aws-iam-cross-environment-trust': { environment_accounts: { prod: ['444455556666'] } },
};

const ELIDED = /^\s*#\s*\.\.\./m;
const DECLARED = /^\s*(resource|data)\s+"([\w-]+)"\s+"([\w-]+)"/gm;
const REFERENCE = /(?<![\w."-])((?:data\.)?(?:aws|azurerm)_\w+\.[a-zA-Z_][\w-]*)/g;

/** What a rule's example names but does not declare (it is a fragment of a larger configuration). */
export function undeclared(example: string): string[] {
  const declared = new Set([...example.matchAll(DECLARED)].map((m) => `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`));
  for (const m of example.matchAll(/^\s*variable\s+"([\w-]+)"/gm)) declared.add(`var.${m[1]}`);
  for (const m of example.matchAll(/^\s*module\s+"([\w-]+)"/gm)) declared.add(`module.${m[1]}`);
  for (const block of example.match(/^locals\s*\{[\s\S]*?^\}/gm) ?? []) for (const m of block.matchAll(/^\s+([\w-]+)\s*=/gm)) declared.add(`local.${m[1]}`);
  const code = example.replace(/#.*$/gm, '').replace(/^\s*(resource|data)\s+"[^"]*"\s+"[^"]*"/gm, '');
  const named = [...code.matchAll(REFERENCE), ...code.matchAll(/(?<![\w.])((?:var|local|module)\.[\w-]+)/g)].map((m) => m[1]);
  return [...new Set(named)].filter((r) => !declared.has(r));
}

/** Why a rule's example is not a Terraform configuration of its own, if it is not. */
export function exampleGap(example: string): string | undefined {
  if (ELIDED.test(example)) return 'elides blocks with `# ...`';
  const missing = undeclared(example);
  return missing.length > 0 ? `refers to ${missing.join(', ')}, which it does not declare` : undefined;
}

/** Empty declarations of what an example names but does not declare: their values are unknown, as a plan's would be. */
export function exampleStubs(example: string): string {
  return undeclared(example)
    .map((ref) => {
      const [kind, ...rest] = ref.split('.');
      if (kind === 'var') return `variable "${rest[0]}" {}\n`;
      if (kind === 'data') return `data "${rest[0]}" "${rest[1]}" {}\n`;
      if (kind === 'local' || kind === 'module') return '';
      return `resource "${kind}" "${rest[0]}" {}\n`;
    })
    .join('');
}
