// A resource inside a module that names `var.kms_key_arn` is linked to what the module's caller
// passes in, and a caller that names `module.efs.id` to what the module gives back: a
// customer-managed key given to a registry module (EFS, MSK, ElastiCache, Backup) read as the
// AWS-managed default, and a backup policy for a module's file system linked to nothing (found
// in public modules: a hardened call flagged on both paths). Generated module layouts
// (variables passed one or two calls deep, outputs, count and for_each instances, literals),
// planned by a real offline `terraform plan`: the plan and the HCL folder link each resource to
// exactly the instances the layout passes it.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPaths } from '../../src/load';
import { normalize } from '../../src/normalize';
import { tempDir, writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Pass = 'direct' | 'nested' | 'literal';
type Expand = 'single' | 'count' | 'for_each';
interface Layout {
  pass: Pass;
  expand: Expand;
  /** The root links a backup policy to the module's file system through its output. */
  output: boolean;
}
const layout = fc.record({ pass: fc.constantFrom<Pass>('direct', 'nested', 'literal'), expand: fc.constantFrom<Expand>('single', 'count', 'for_each'), output: fc.boolean() });

const EFS = 'variable "key" {}\n\nresource "aws_efs_file_system" "fs" {\n  encrypted  = true\n  kms_key_id = var.key\n}\n\noutput "id" {\n  value = aws_efs_file_system.fs.id\n}\n';

function folder(ls: Layout[]): Record<string, string> {
  const files: Record<string, string> = {
    'efs/main.tf': EFS,
    // One call deeper: the key passes through a variable of a module that calls efs.
    'wrap/main.tf': 'variable "key" {}\n\nmodule "inner" {\n  source = "../efs"\n  key    = var.key\n}\n\noutput "id" {\n  value = module.inner.id\n}\n',
  };
  const root = ['provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n'];
  ls.forEach((l, i) => {
    root.push(`resource "aws_kms_key" "k${i}" {\n  enable_key_rotation = true\n}\n`);
    const key = l.pass === 'literal' ? '"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"' : `aws_kms_key.k${i}.arn`;
    const expand = l.expand === 'count' ? '  count  = 2\n' : l.expand === 'for_each' ? '  for_each = toset(["a", "b"])\n' : '';
    root.push(`module "m${i}" {\n  source = "./${l.pass === 'nested' ? 'wrap' : 'efs'}"\n${expand}  key    = ${key}\n}\n`);
    if (l.output) {
      const id = l.expand === 'count' ? `module.m${i}[1].id` : l.expand === 'for_each' ? `module.m${i}["b"].id` : `module.m${i}.id`;
      root.push(`resource "aws_efs_backup_policy" "p${i}" {\n  file_system_id = ${id}\n  backup_policy {\n    status = "ENABLED"\n  }\n}\n`);
    }
  });
  files['main.tf'] = root.join('\n');
  return files;
}

/** The module instances of layout i (`module.m0`, `module.m0[1]`, `module.m0["a"]`), with the wrapper's inner call where the key passes two calls deep. */
function instancesOf(l: Layout, i: number): string[] {
  const calls = l.expand === 'count' ? [`module.m${i}[0]`, `module.m${i}[1]`] : l.expand === 'for_each' ? [`module.m${i}["a"]`, `module.m${i}["b"]`] : [`module.m${i}`];
  return l.pass === 'nested' ? calls.map((c) => `${c}.module.inner`) : calls;
}

/** Each file system's kms_key_id links and each backup policy's file_system_id links, by address. */
async function links(path: string): Promise<Record<string, string[]>> {
  const input = normalize(await loadPaths([path]));
  const out: Record<string, string[]> = {};
  const address = (key: string): string => input.resources[key]?.address ?? key;
  for (const r of Object.values(input.resources)) {
    if (r.type === 'aws_efs_file_system') out[r.address] = (r.references.kms_key_id ?? []).map(address).sort();
    if (r.type === 'aws_efs_backup_policy') out[r.address] = (r.references.file_system_id ?? []).map(address).sort();
  }
  return out;
}

(tf.ok ? describe : describe.skip)(`references across module variables and outputs, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('the plan and the HCL folder link each resource to what the layout passes it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(layout, { minLength: 5, maxLength: 5 }), async (ls) => {
        const files = folder(ls);
        const hcl = writeTree(files);
        const plan = planFolder(files, tf.ok ? tf.mirror : '');
        const expected: Record<string, string[]> = {};
        ls.forEach((l, i) => {
          const fss = instancesOf(l, i).map((m) => `${m}.aws_efs_file_system.fs`);
          for (const fs of fss) expected[fs] = l.pass === 'literal' ? [] : [`aws_kms_key.k${i}`];
          if (l.output) expected[`aws_efs_backup_policy.p${i}`] = [fss[fss.length - 1]];
        });
        expect(await links(hcl)).toEqual(expected);
        expect(await links(plan)).toEqual(expected);
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      {
        numRuns: 2,
        endOnFailure: true,
        examples: [[[{ pass: 'direct', expand: 'single', output: true }, { pass: 'nested', expand: 'count', output: true }, { pass: 'literal', expand: 'for_each', output: true }, { pass: 'direct', expand: 'for_each', output: true }, { pass: 'nested', expand: 'for_each', output: false }]]],
      },
    );
  }, 300_000);
});

(tf.ok ? describe : describe.skip)(`a module instance picked per instance, HCL vs terraform plan (${tf.ok ? 'planned' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  // `module.m[each.key].id`, `module.mc[count.index].id`: the key is known in each instance of
  // the resource that names it. Linking every module instance judged a hardened database by the
  // parameter group of another (a false aws-rds-force-ssl on a public root module's pattern).
  test('each instance is linked to the module instance its key picks', async () => {
    const files = folder([]);
    files['main.tf'] += [
      'module "m" {\n  source   = "./efs"\n  for_each = toset(["a", "b"])\n  key      = aws_kms_key.k.arn\n}\n',
      'module "mc" {\n  source = "./efs"\n  count  = 2\n  key    = aws_kms_key.k.arn\n}\n',
      'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
      'resource "aws_efs_backup_policy" "p" {\n  for_each       = toset(["a", "b"])\n  file_system_id = module.m[each.key].id\n  backup_policy {\n    status = "ENABLED"\n  }\n}\n',
      'resource "aws_efs_backup_policy" "pc" {\n  count          = 2\n  file_system_id = module.mc[count.index].id\n  backup_policy {\n    status = "ENABLED"\n  }\n}\n',
    ].join('\n');
    const fs = (m: string): string => `${m}.aws_efs_file_system.fs`;
    const picked = {
      'aws_efs_backup_policy.p["a"]': [fs('module.m["a"]')],
      'aws_efs_backup_policy.p["b"]': [fs('module.m["b"]')],
      'aws_efs_backup_policy.pc[0]': [fs('module.mc[0]')],
      'aws_efs_backup_policy.pc[1]': [fs('module.mc[1]')],
    };
    const policies = (l: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.entries(l).filter(([a]) => a.startsWith('aws_efs_backup_policy')));
    expect(policies(await links(writeTree(files)))).toEqual(picked);
    // The plan beside its folder reads the key there; alone it names the whole module (every instance).
    const plan = planFolder(files, tf.ok ? tf.mirror : '');
    expect(policies(await links(plan))).toEqual(picked);
    const alone = join(tempDir(), 'plan.json');
    copyFileSync(plan, alone);
    const every = [0, 1].map((i) => fs(`module.mc[${i}]`));
    expect(policies(await links(alone))).toEqual({
      'aws_efs_backup_policy.p["a"]': [fs('module.m["a"]'), fs('module.m["b"]')],
      'aws_efs_backup_policy.p["b"]': [fs('module.m["a"]'), fs('module.m["b"]')],
      'aws_efs_backup_policy.pc[0]': every,
      'aws_efs_backup_policy.pc[1]': every,
    });
  }, 300_000);
});
