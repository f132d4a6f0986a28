// A plan writes a provider's region as an expression: a constant, a variable, or a reference
// to a local, which a plan does not hold (every terraform-aws-modules example writes
// `region = local.region`). Read as unknown, every resource fell into one "(region unknown)"
// scope, where a GuardDuty detector of another provider counted for all of them: a region
// without one passed in the plan and was flagged in HCL (found in a public example). Now a
// variable is followed through module calls to the root's value, a region the plan cannot hold
// is read from the folder the plan was made from, and without that folder the provider is
// named as not checked. Generated provider layouts, planned by a real offline `terraform plan`.
import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { tempDir, writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Form = 'literal' | 'variable' | 'object-variable' | 'local' | 'local-of-variable' | 'module-variable' | 'module-local' | 'module-inherit';
/** Forms whose value a plan holds (a constant, or a variable followed to the root). */
const HELD: ReadonlySet<Form> = new Set(['literal', 'variable', 'object-variable', 'module-variable', 'module-inherit']);
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];

interface Provider {
  form: Form;
  region: string;
}
const provider = fc.record({ form: fc.constantFrom<Form>('literal', 'variable', 'object-variable', 'local', 'local-of-variable', 'module-variable', 'module-local', 'module-inherit'), region: fc.constantFrom(...REGIONS) });

const SKIP = '  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n';

/** The root folder: one provider block per entry (aliased p<i>, or inside module m<i> for the module forms), and a bucket under each. */
function folder(ps: Provider[]): Record<string, string> {
  const files: Record<string, string> = {};
  const root: string[] = [];
  ps.forEach((p, i) => {
    const bucket = (provider: string) => `resource "aws_s3_bucket" "b${i}" {\n  provider = ${provider}\n  bucket   = "shop-regions-${i}"\n}\n`;
    switch (p.form) {
      case 'literal':
        root.push(`provider "aws" {\n  alias  = "p${i}"\n  region = "${p.region}"\n${SKIP}}\n`, bucket(`aws.p${i}`));
        break;
      case 'variable':
        root.push(`variable "region${i}" {\n  default = "${p.region}"\n}\n`, `provider "aws" {\n  alias  = "p${i}"\n  region = var.region${i}\n${SKIP}}\n`, bucket(`aws.p${i}`));
        break;
      // An attribute of an object variable (`var.auth.region`): the plan holds the object.
      case 'object-variable':
        root.push(`variable "cfg${i}" {\n  default = { region = "${p.region}" }\n}\n`, `provider "aws" {\n  alias  = "p${i}"\n  region = var.cfg${i}.region\n${SKIP}}\n`, bucket(`aws.p${i}`));
        break;
      case 'local':
        root.push(`locals {\n  region${i} = "${p.region}"\n}\n`, `provider "aws" {\n  alias  = "p${i}"\n  region = local.region${i}\n${SKIP}}\n`, bucket(`aws.p${i}`));
        break;
      case 'local-of-variable':
        root.push(`variable "r${i}" {\n  default = "${p.region}"\n}\n`, `locals {\n  region${i} = var.r${i}\n}\n`, `provider "aws" {\n  alias  = "p${i}"\n  region = local.region${i}\n${SKIP}}\n`, bucket(`aws.p${i}`));
        break;
      case 'module-inherit':
        // A module that only declares the provider (required_providers) uses the one its call passes.
        files[`m${i}/main.tf`] = `terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "shop-regions-${i}"\n}\n`;
        root.push(`provider "aws" {\n  alias  = "p${i}"\n  region = "${p.region}"\n${SKIP}}\n`, `module "m${i}" {\n  source = "./m${i}"\n  providers = {\n    aws = aws.p${i}\n  }\n}\n`);
        break;
      case 'module-variable':
      case 'module-local': {
        // A module with its own provider block (the legacy form), its region passed in.
        files[`m${i}/main.tf`] = `variable "region" {}\n\nprovider "aws" {\n  region = var.region\n${SKIP}}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "shop-regions-${i}"\n}\n`;
        const arg = p.form === 'module-variable' ? `var.mr${i}` : `local.mr${i}`;
        root.push(p.form === 'module-variable' ? `variable "mr${i}" {\n  default = "${p.region}"\n}\n` : `locals {\n  mr${i} = "${p.region}"\n}\n`);
        root.push(`module "m${i}" {\n  source = "./m${i}"\n  region = ${arg}\n}\n`);
        break;
      }
    }
  });
  files['main.tf'] = [`provider "aws" {\n  region = "us-east-1"\n${SKIP}}\n`, ...root].join('\n');
  return files;
}

/** Each bucket's region; and the providers reported as not checked. */
async function regions(path: string): Promise<{ regions: Record<string, string | null>; notChecked: string[] }> {
  const notChecked: string[] = [];
  const input = normalize(await loadPaths([path]), { notChecked });
  const out: Record<string, string | null> = {};
  for (const r of Object.values(input.resources)) if (r.type === 'aws_s3_bucket') out[r.address] = r.region;
  return { regions: out, notChecked: notChecked.map((m) => m.split(' ').slice(0, 3).join(' ').replace(/:$/, '')).sort() };
}

(tf.ok ? describe : describe.skip)(`provider regions, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('a plan beside its folder places every resource in the HCL region; a plan alone names each provider whose region it does not hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(provider, { minLength: 6, maxLength: 6 }), async (ps) => {
        const files = folder(ps);
        const hcl = writeTree(files);
        const plan = planFolder(files, tf.ok ? tf.mirror : '');
        const address = (p: Provider, i: number): string => (p.form.startsWith('module') ? `module.m${i}.aws_s3_bucket.b` : `aws_s3_bucket.b${i}`);
        const expected = Object.fromEntries(ps.map((p, i) => [address(p, i), p.region]));
        // The HCL folder, and the plan beside the folder it was made from (as CI writes it).
        expect(await regions(hcl)).toEqual({ regions: expected, notChecked: [] });
        expect(await regions(plan)).toEqual({ regions: expected, notChecked: [] });
        // The plan alone: what it holds is read, the rest is unknown and named.
        const alone = join(tempDir('leakguard-plan-alone-'), 'plan.json');
        copyFileSync(plan, alone);
        const key = (p: Provider, i: number): string => (p.form.startsWith('module') ? `module.m${i}:aws` : `aws.p${i}`);
        expect(await regions(alone)).toEqual({
          regions: Object.fromEntries(ps.map((p, i) => [address(p, i), HELD.has(p.form) ? p.region : null])),
          notChecked: ps.flatMap((p, i) => (HELD.has(p.form) ? [] : [`provider ${key(p, i)} region`])).sort(),
        });
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      {
        numRuns: 2,
        endOnFailure: true,
        examples: [[[{ form: 'literal', region: 'eu-west-1' }, { form: 'module-inherit', region: 'us-west-2' }, { form: 'local', region: 'eu-central-1' }, { form: 'module-local', region: 'us-west-2' }, { form: 'module-variable', region: 'eu-west-1' }, { form: 'local-of-variable', region: 'us-east-1' }]]],
      },
    );
  }, 300_000);
});
