// A resource policy written with jsonencode() or a heredoc around the ARN of a resource the
// configuration creates (`Resource = "${aws_s3_bucket.b.arn}/*"`, a condition on the ARN of the
// topic that sends) is unknown in a plan as a whole: only that ARN waits for apply. Every such
// policy read as "cannot be shown not to allow every principal" (CRITICAL), the hardened ones
// included (a bucket policy that denies insecure transport, a queue open only to its topic).
// HCL and a plan beside its folder now read the document with the ARN "(known after apply)";
// what a variable without a value or a data source leaves unknown keeps the document
// unreadable, and so does a plan checked alone. Generated documents, planned by a real offline
// `terraform plan`: HCL = plan beside = the expected verdict, the plan alone fails closed.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/check';
import { DOCUMENT, KNOWN_AFTER_APPLY } from '../../src/load/plan-source';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const tf = terraformAvailability();

type Kind = 's3' | 'sqs' | 'sns' | 'kms';
// public: Allow to "*" with no condition; role: to a role the configuration creates (its ARN
// computed); source: "*" limited by aws:SourceArn to a topic it creates; deny: the TLS guard;
// echo: to what terraform_data's output echoes ("*"): computed, but not an identifier, so the
// document stays unreadable (it must never read as a named principal).
type Shape = 'public' | 'role' | 'source' | 'deny' | 'echo';
// module-output: the store in a module, its ARN an output; module-input: the policy in a
// module, every ARN passed in.
type Form = 'jsonencode' | 'local' | 'heredoc' | 'module-output' | 'module-input';
// Left unknown by what cannot be known here (HCL only: a plan has every variable's value).
type Opaque = 'variable' | 'data';

const RULE: Record<Kind, string> = { s3: 'aws-s3-policy-public-principal', sqs: 'aws-resource-policy-public', sns: 'aws-resource-policy-public', kms: 'aws-kms-key-policy-public' };
const ACTION: Record<Kind, string> = { s3: 's3:GetObject', sqs: 'sqs:SendMessage', sns: 'sns:Publish', kms: 'kms:Decrypt' };

interface Item {
  kind: Kind;
  shape: Shape;
  form: Form;
}

/** The store, and the address where its policy's public-principal finding is reported. */
function store(kind: Kind, i: number): { hcl: string; arn: string; subject: string; policy: (doc: string) => string } {
  switch (kind) {
    case 's3':
      return {
        hcl: `resource "aws_s3_bucket" "s${i}" {\n  bucket = "orders-${i}"\n}`,
        arn: `\${aws_s3_bucket.s${i}.arn}/*`,
        subject: `aws_s3_bucket_policy.p${i}`,
        policy: (doc) => `resource "aws_s3_bucket_policy" "p${i}" {\n  bucket = aws_s3_bucket.s${i}.id\n  policy = ${doc}\n}`,
      };
    case 'sqs':
      return {
        hcl: `resource "aws_sqs_queue" "s${i}" {\n  name = "orders-${i}"\n}`,
        arn: `\${aws_sqs_queue.s${i}.arn}`,
        subject: `aws_sqs_queue_policy.p${i}`,
        policy: (doc) => `resource "aws_sqs_queue_policy" "p${i}" {\n  queue_url = aws_sqs_queue.s${i}.id\n  policy = ${doc}\n}`,
      };
    case 'sns':
      return {
        hcl: `resource "aws_sns_topic" "s${i}" {\n  name = "orders-${i}"\n}`,
        arn: `\${aws_sns_topic.s${i}.arn}`,
        subject: `aws_sns_topic_policy.p${i}`,
        policy: (doc) => `resource "aws_sns_topic_policy" "p${i}" {\n  arn = aws_sns_topic.s${i}.arn\n  policy = ${doc}\n}`,
      };
    case 'kms':
      // A key policy names no ARN of its own key: "*" is the key.
      return { hcl: '', arn: '*', subject: `aws_kms_key.p${i}`, policy: (doc) => `resource "aws_kms_key" "p${i}" {\n  description = "orders-${i}"\n  policy = ${doc}\n}` };
  }
}

/** The statement as HCL object syntax (jsonencode) or as JSON text (heredoc), `principal` given as an expression. */
function statement(item: Item, arn: string, principal?: string): { hcl: string; json: string } {
  const action = ACTION[item.kind];
  const who = principal ?? { public: '"*"', role: '{ AWS = aws_iam_role.reader.arn }', source: '"*"', deny: '"*"', echo: '{ AWS = terraform_data.who.output }' }[item.shape];
  const whoJson = principal
    ? `{ "AWS": "\${${principal.replace(/^\{ AWS = (.*) \}$/, '$1')}}" }`
    : { public: '"*"', role: '{ "AWS": "${aws_iam_role.reader.arn}" }', source: '"*"', deny: '"*"', echo: '{ "AWS": "${terraform_data.who.output}" }' }[item.shape];
  const effect = item.shape === 'deny' ? 'Deny' : 'Allow';
  const cond = {
    public: null,
    role: null,
    echo: null,
    source: ['ArnEquals', 'aws:SourceArn', '${aws_sns_topic.sender.arn}'],
    deny: ['Bool', 'aws:SecureTransport', 'false'],
  }[item.shape];
  const hclCond = cond ? `, Condition = { ${cond[0]} = { "${cond[1]}" = "${cond[2]}" } }` : '';
  const jsonCond = cond ? `, "Condition": { "${cond[0]}": { "${cond[1]}": "${cond[2]}" } }` : '';
  return {
    hcl: `{ Effect = "${effect}", Principal = ${who}, Action = "${action}", Resource = "${arn}"${hclCond} }`,
    json: `{ "Effect": "${effect}", "Principal": ${whoJson}, "Action": "${action}", "Resource": "${arn}"${jsonCond} }`,
  };
}

const PROVIDER =
  'provider "aws" {\n  region                      = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n}';
const SHARED = [
  'resource "aws_iam_role" "reader" {\n  name = "reader"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })\n}',
  'resource "aws_sns_topic" "sender" {\n  name = "sender"\n}',
  'resource "terraform_data" "who" {\n  input = "*"\n}',
];

const STORE_REF = /aws_(s3_bucket|sqs_queue|sns_topic)\.s\d+\.(arn|id)/g;

function folder(items: Item[]): { files: Record<string, string>; subjects: string[] } {
  const parts = [PROVIDER, ...SHARED];
  const files: Record<string, string> = {};
  const subjects: string[] = [];
  items.forEach((item, i) => {
    const s = store(item.kind, i);
    const st = statement(item, s.arn);
    const doc = `jsonencode({ Version = "2012-10-17", Statement = [${st.hcl}] })`;
    if (item.form === 'module-input') {
      const vars = ['store_arn', 'store_id', 'reader', 'sender', 'who'].map((v) => `variable "${v}" {\n  type = string\n}`).join('\n\n');
      const policy = s
        .policy(doc)
        .replace(STORE_REF, (_, _t, a: string) => `var.store_${a}`)
        .replace(/aws_iam_role\.reader\.arn/g, 'var.reader')
        .replace(/aws_sns_topic\.sender\.arn/g, 'var.sender')
        .replace(/terraform_data\.who\.output/g, 'var.who');
      files[`m${i}/main.tf`] = `${vars}\n\n${policy}\n`;
      if (s.hcl) parts.push(s.hcl);
      const ref = (a: string): string => (s.hcl ? s.hcl.split('"').slice(1, 4).filter((_, j) => j !== 1).join('.') + `.${a}` : '"unused"');
      parts.push(`module "m${i}" {\n  source = "./m${i}"\n  store_arn = ${ref('arn')}\n  store_id = ${ref('id')}\n  reader = aws_iam_role.reader.arn\n  sender = aws_sns_topic.sender.arn\n  who = terraform_data.who.output\n}`);
      subjects.push(`module.m${i}.${s.subject}`);
      return;
    }
    if (item.form === 'module-output' && s.hcl) {
      files[`b${i}/main.tf`] = `${s.hcl.replace(`"s${i}"`, '"s"')}\n\noutput "arn" {\n  value = ${s.hcl.split('"')[1]}.s.arn\n}\n\noutput "id" {\n  value = ${s.hcl.split('"')[1]}.s.id\n}\n`;
      parts.push(`module "b${i}" {\n  source = "./b${i}"\n}`);
      parts.push(s.policy(doc).replace(STORE_REF, (_, _t, a: string) => `module.b${i}.${a}`));
      subjects.push(s.subject);
      return;
    }
    if (s.hcl) parts.push(s.hcl);
    subjects.push(s.subject);
    if (item.form === 'heredoc') {
      parts.push(s.policy(`<<POLICY\n{\n  "Version": "2012-10-17",\n  "Statement": [${st.json}]\n}\nPOLICY`));
    } else if (item.form === 'local') {
      parts.push(`locals {\n  doc${i} = { Version = "2012-10-17", Statement = [${st.hcl}] }\n}`);
      parts.push(s.policy(`jsonencode(local.doc${i})`));
    } else {
      parts.push(s.policy(doc));
    }
  });
  return { files: { ...files, 'main.tf': parts.join('\n\n') + '\n' }, subjects };
}

/** Each policy's public-principal verdict: 'public', 'unreadable' or 'private' (no finding). */
async function verdicts(path: string, items: Item[], subjects: string[]): Promise<{ of: string[]; findings: string[] }> {
  const { decision } = await check([path], { today: '2026-11-28' });
  const of = subjects.map((subject, i) => {
    const f = decision.findings.find((x) => x.rule_id === RULE[items[i].kind] && x.resource.address === subject);
    return !f ? 'private' : f.message.includes('cannot be read before apply') ? 'unreadable' : 'public';
  });
  return { of, findings: decision.findings.map((f) => `${f.rule_id} ${f.resource.address} ${f.message}`).sort() };
}

const item = fc.record({
  kind: fc.constantFrom<Kind>('s3', 'sqs', 'sns', 'kms'),
  shape: fc.constantFrom<Shape>('public', 'role', 'source', 'deny', 'echo'),
  form: fc.constantFrom<Form>('jsonencode', 'local', 'heredoc', 'module-output', 'module-input'),
});

describe('policy documents with ARNs only apply knows', () => {
  test('HCL: what a variable without a value or a data source read from the cloud leaves unknown keeps the document unreadable', async () => {
    await fc.assert(
      // A key policy set from variables alone reads as the provider's default where the variable
      // has no value (a warning names it; a plan always has one): the data source there.
      fc.asyncProperty(item.filter((x) => !x.form.startsWith('module')), fc.constantFrom<Opaque>('variable', 'data'), async (it, given) => {
        const opaque = it.kind === 'kms' ? 'data' : given;
        const s = store(it.kind, 0);
        const principal = opaque === 'variable' ? '{ AWS = var.reader }' : '{ AWS = data.aws_ssm_parameter.reader.value }';
        const st = statement({ ...it, shape: 'role' }, s.arn, principal);
        const doc =
          it.form === 'heredoc'
            ? `<<POLICY\n{ "Version": "2012-10-17", "Statement": [${st.json}] }\nPOLICY`
            : it.form === 'local'
              ? 'jsonencode(local.doc0)'
              : `jsonencode({ Version = "2012-10-17", Statement = [${st.hcl}] })`;
        const main = [
          PROVIDER,
          'variable "reader" {\n  type = string\n}',
          'data "aws_ssm_parameter" "reader" {\n  name = "/orders/reader"\n}',
          it.form === 'local' ? `locals {\n  doc0 = { Version = "2012-10-17", Statement = [${st.hcl}] }\n}` : '',
          s.hcl,
          s.policy(doc),
        ].join('\n\n');
        expect((await verdicts(writeTree({ 'main.tf': main }), [it], [s.subject])).of).toEqual(['unreadable']);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  (tf.ok ? test : test.skip)(
    `HCL and the plan beside its folder read them, the ARN "(known after apply)"; the plan alone fails closed (${tf.ok ? 'terraform plan' : `skipped: ${tf.ok ? '' : tf.reason}`})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 8, maxLength: 8 }), async (items) => {
          const { files, subjects } = folder(items);
          const expected = items.map((x) => (x.shape === 'public' ? 'public' : x.shape === 'echo' ? 'unreadable' : 'private'));
          const hcl = await verdicts(writeTree(files), items, subjects);
          expect(hcl.of).toEqual(expected);
          const beside = planFolder(files, tf.ok ? tf.mirror : '');
          const planned = await verdicts(beside, items, subjects);
          expect(planned.of).toEqual(expected);
          expect(planned.findings).toEqual(hcl.findings);
          const alone = join(mkdtempSync(join(tmpdir(), 'leakguard-plan-alone-')), 'plan.json');
          copyFileSync(beside, alone);
          // A key policy of "*" principals and "*" resources names nothing computed: the plan holds it.
          const literal = (x: Item): boolean => x.kind === 'kms' && (x.shape === 'public' || x.shape === 'deny');
          expect((await verdicts(alone, items, subjects)).of).toEqual(items.map((x, i) => (literal(x) ? expected[i] : 'unreadable')));
        }),
        // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
        { numRuns: 3, endOnFailure: true },
      );
    },
    300_000,
  );
});

// The HCL evaluator and the plan reader name the same document attributes and the same words.
test('the Go evaluator and the plan reader agree on document attributes and the placeholder', () => {
  const go = readFileSync(join(__dirname, '..', '..', 'hcl-eval', 'partial.go'), 'utf8');
  expect(go).toContain(`regexp.MustCompile(\`${DOCUMENT.source}\`)`);
  expect(go).toContain(`const knownAfterApply = "${KNOWN_AFTER_APPLY}"`);
});
