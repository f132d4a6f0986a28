// What Terraform knows of a value unknown before apply: that a function's result is not null
// (its refinements). A module's "given key or ours" (`coalesce(var.key, aws_kms_key.k.arn)`)
// then a dynamic block's `for_each = local.key == null ? [] : [local.key]` is known to make one
// block in a plan, and the evaluator had made the block unknown (a table's CMK read as missing
// in HCL alone; found by an audit). Every function the evaluator provides, applied to an unknown
// string (or list), is compared with null, in one real offline `terraform plan`: the evaluator
// must know the comparison exactly where Terraform does.
import { evaluateFolder } from '../../src/load/hcl-evaluator';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';
import { readFileSync } from 'node:fs';

const U = 'aws_sns_topic.t.arn';
const L = `[${U}]`;
// One call per function with an unknown argument (the functions of files, time and impure ones aside).
const CALLS: Record<string, string> = {
  abs: `abs(length(${U}))`,
  alltrue: `alltrue([${U} == "x"])`,
  anytrue: `anytrue([${U} == "x"])`,
  base64decode: `base64decode(${U})`,
  base64encode: `base64encode(${U})`,
  base64gzip: `base64gzip(${U})`,
  base64sha256: `base64sha256(${U})`,
  base64sha512: `base64sha512(${U})`,
  ceil: `ceil(length(${U}))`,
  chomp: `chomp(${U})`,
  chunklist: `chunklist(${L}, 1)`,
  cidrhost: `cidrhost(${U}, 1)`,
  cidrnetmask: `cidrnetmask(${U})`,
  cidrsubnet: `cidrsubnet(${U}, 8, 1)`,
  cidrsubnets: `cidrsubnets(${U}, 8)`,
  coalesce: `coalesce(null, ${U})`,
  coalesce_first: `coalesce(${U}, "x")`,
  coalescelist: `coalescelist([], ${L})`,
  compact: `compact(${L})`,
  concat: `concat(${L}, ["x"])`,
  contains: `contains(${L}, "x")`,
  csvdecode: `csvdecode(${U})`,
  distinct: `distinct(${L})`,
  element: `element(${L}, 0)`,
  endswith: `endswith(${U}, "x")`,
  flatten: `flatten([${L}])`,
  floor: `floor(length(${U}))`,
  format: `format("%s", ${U})`,
  formatlist: `formatlist("%s", ${L})`,
  indent: `indent(2, ${U})`,
  index: `index(${L}, "x")`,
  join: `join(",", ${L})`,
  jsondecode: `jsondecode(${U})`,
  jsonencode: `jsonencode(${U})`,
  keys: `keys({ (${U}) = 1 })`,
  length: `length(${U})`,
  lookup: `lookup({ a = ${U} }, "a")`,
  lookup_default: `lookup({ a = ${U} }, "a", "x")`,
  lower: `lower(${U})`,
  max: `max(length(${U}), 1)`,
  md5: `md5(${U})`,
  merge: `merge({ a = ${U} })`,
  min: `min(length(${U}), 1)`,
  nonsensitive: `nonsensitive(sensitive(${U}))`,
  one: `one(${L})`,
  parseint: `parseint(${U}, 10)`,
  pow: `pow(length(${U}), 2)`,
  range: `range(length(${U}))`,
  regex: `regex("a", ${U})`,
  regexall: `regexall("a", ${U})`,
  replace: `replace(${U}, "a", "b")`,
  reverse: `reverse(${L})`,
  sensitive: `sensitive(${U})`,
  setintersection: `setintersection(toset(${L}), toset(["x"]))`,
  setproduct: `setproduct(${L}, ["x"])`,
  setsubtract: `setsubtract(toset(${L}), toset(["x"]))`,
  setunion: `setunion(toset(${L}), toset(["x"]))`,
  sha1: `sha1(${U})`,
  sha256: `sha256(${U})`,
  sha512: `sha512(${U})`,
  signum: `signum(length(${U}))`,
  slice: `slice(${L}, 0, 1)`,
  sort: `sort(${L})`,
  split: `split(",", ${U})`,
  startswith: `startswith(${U}, "x")`,
  strcontains: `strcontains(${U}, "x")`,
  strrev: `strrev(${U})`,
  substr: `substr(${U}, 0, 1)`,
  sum: `sum([length(${U})])`,
  textencodebase64: `textencodebase64(${U}, "UTF-8")`,
  title: `title(${U})`,
  tobool: `tobool(${U})`,
  tolist: `tolist(${L})`,
  tomap: `tomap({ a = ${U} })`,
  tonumber: `tonumber(${U})`,
  toset: `toset(${L})`,
  tostring: `tostring(${U})`,
  transpose: `transpose({ a = ${L} })`,
  trim: `trim(${U}, "x")`,
  trimprefix: `trimprefix(${U}, "x")`,
  trimspace: `trimspace(${U})`,
  trimsuffix: `trimsuffix(${U}, "x")`,
  try: `try(${U}, "x")`,
  upper: `upper(${U})`,
  urlencode: `urlencode(${U})`,
  uuidv5: `uuidv5("dns", ${U})`,
  values: `values({ a = ${U} })`,
  yamldecode: `yamldecode(${U})`,
  yamlencode: `yamlencode(${U})`,
  zipmap: `zipmap(["a"], ${L})`,
  basename: `basename(${U})`,
  dirname: `dirname(${U})`,
  conditional: `${U} == "x" ? "a" : "b"`,
  template: `"arn-\${${U}}"`,
};

const tf = terraformAvailability();

(tf.ok ? describe : describe.skip)(`results of functions of unknown values, vs terraform plan (${tf.ok ? 'every function' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('the evaluator knows a result is not null exactly where Terraform does', async () => {
    const names = Object.keys(CALLS);
    const main =
      'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}\n\nresource "aws_sns_topic" "t" {\n  name = "t"\n}\n\n' +
      names.map((n) => `resource "aws_ssm_parameter" "${n}" {\n  name  = "/f/${n}"\n  type  = "String"\n  value = ${CALLS[n]} == null ? "null" : "set"\n}\n`).join('\n');
    const files = { 'main.tf': main };
    const plan = JSON.parse(readFileSync(planFolder(files, tf.ok ? tf.mirror : ''), 'utf8')) as { resource_changes: Array<{ address: string; change: { after: { value?: unknown }; after_unknown: { value?: boolean } } }> };
    const planned = Object.fromEntries(plan.resource_changes.filter((r) => r.address.startsWith('aws_ssm_parameter.')).map((r) => [r.address.split('.')[1], r.change.after_unknown.value ? 'unknown' : String(r.change.after.value)]));
    const out = await evaluateFolder(writeTree(files), { env: {} });
    const evaluated = Object.fromEntries(out.resources.filter((r) => r.type === 'aws_ssm_parameter').map((r) => [r.name, r.unknown.includes('value') ? 'unknown' : String(r.values.value)]));
    expect(Object.keys(planned).sort()).toEqual(names.sort());
    expect(evaluated).toEqual(planned);
    // Unknown because evaluated, not because a function failed on an unknown (transpose had panicked).
    expect(out.warnings.filter((w) => w.includes('cannot be evaluated'))).toEqual([]);
  }, 300_000);
});
