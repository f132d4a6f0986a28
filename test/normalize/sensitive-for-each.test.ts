// A for_each over a collection one of whose values is sensitive: Terraform refuses only a
// for_each that is sensitive itself (then its keys would show the secret); a map or list of
// objects that holds a sensitive value plans, each.value carrying the mark where it is. The
// HCL path once treated any sensitive value inside as the whole for_each being sensitive and
// skipped the resource ("not checked"): one hidden password switched off every check of its
// neighbours (found in a public SSM module). Generated collections, written the ways modules
// build them (locals, for expressions, merge(), typed module inputs), planned by a real offline
// `terraform plan`: the HCL path must plan the same instances with the same sensitive values.
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Shape = 'local-for' | 'local-map' | 'merge' | 'module-list' | 'module-map';
interface Collection {
  shape: Shape;
  /** Which of the three elements takes its value from the sensitive variable (-1: none). */
  secret: number;
}

const collection = fc.record({ shape: fc.constantFrom<Shape>('local-for', 'local-map', 'merge', 'module-list', 'module-map'), secret: fc.integer({ min: -1, max: 2 }) });

const queue = (name: string, forEach: string, prefix: string): string =>
  `resource "aws_sqs_queue" "${name}" {\n  for_each = ${forEach}\n  name     = "${prefix}-\${each.key}"\n  tags     = { v = each.value.v, n = each.key }\n}\n`;

function folder(cs: Collection[]): Record<string, string> {
  const files: Record<string, string> = {
    'mod_list/main.tf': `variable "items" {\n  type = list(map(string))\n}\n\nlocals {\n  byname = { for e in var.items : e.name => e }\n}\n\n${queue('q', 'local.byname', 'ml')}`,
    'mod_map/main.tf': `variable "items" {\n  type = map(object({ v = string }))\n}\n\n${queue('q', 'var.items', 'mm')}`,
  };
  const parts = [
    'provider "aws" {\n  region                      = "us-west-2"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n',
    'variable "token" {\n  type      = string\n  sensitive = true\n  default   = "s3cr3t-Tok3n-value"\n}\n',
  ];
  cs.forEach((c, i) => {
    const v = (j: number): string => (j === c.secret ? 'var.token' : `"plain-${i}-${j}"`);
    const list = `[${[0, 1, 2].map((j) => `{ name = "n${j}", v = ${v(j)} }`).join(', ')}]`;
    const map = `{ ${[0, 1, 2].map((j) => `n${j} = { v = ${v(j)} }`).join(', ')} }`;
    switch (c.shape) {
      case 'local-for':
        parts.push(`locals {\n  c${i} = { for e in ${list} : e.name => e }\n}\n`, queue(`q${i}`, `local.c${i}`, `c${i}`));
        break;
      case 'local-map':
        parts.push(`locals {\n  c${i} = ${map}\n}\n`, queue(`q${i}`, `local.c${i}`, `c${i}`));
        break;
      case 'merge':
        parts.push(`locals {\n  c${i} = { for e in ${list} : e.name => merge({ w = "x" }, e) }\n}\n`, queue(`q${i}`, `local.c${i}`, `c${i}`));
        break;
      case 'module-list':
        parts.push(`module "m${i}" {\n  source = "./mod_list"\n  items  = ${list}\n}\n`);
        break;
      case 'module-map':
        parts.push(`module "m${i}" {\n  source = "./mod_map"\n  items  = ${map}\n}\n`);
        break;
    }
  });
  files['main.tf'] = parts.join('\n');
  return files;
}

/** Each queue instance with its sensitive tag paths; and what the input says it could not check. */
async function instances(path: string): Promise<{ queues: Record<string, string[]>; notChecked: string[] }> {
  const notChecked: string[] = [];
  const input = normalize(await loadPaths([path]), { notChecked });
  const queues: Record<string, string[]> = {};
  for (const r of Object.values(input.resources)) {
    if (r.type === 'aws_sqs_queue') queues[r.address] = r.sensitive.filter((p) => p === 'tags' || p.startsWith('tags.')).sort();
  }
  return { queues, notChecked };
}

(tf.ok ? describe : describe.skip)(`for_each over collections holding a sensitive value, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('the HCL folder plans the same instances as terraform, each sensitive where the plan marks it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(collection, { minLength: 8, maxLength: 8 }), async (cs) => {
        const files = folder(cs);
        const hcl = writeTree(files);
        const plan = await instances(planFolder(files, tf.ok ? tf.mirror : ''));
        const fromHcl = await instances(hcl);
        // Every collection planned: three instances each, and one of them sensitive where a value is.
        expect(Object.keys(plan.queues)).toHaveLength(3 * cs.length);
        expect(Object.values(plan.queues).filter((s) => s.length > 0)).toHaveLength(cs.filter((c) => c.secret >= 0).length);
        expect(fromHcl).toEqual(plan);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});
