// What provisioners write had never been read: a password in a remote-exec line, AWS keys in a
// local-exec environment, `--password "…"` in a command set a Cognito user's password, and a
// connection block's password all passed on every side (an audit of a fast-food ordering system).
// Every place a provisioner holds text × every way of writing it, on a cloud resource and on
// terraform_data, in one real offline terraform plan: HCL and the plan beside its folder flag the
// literals; a plan alone flags the constants its configuration holds and names a provisioner
// written beside a reference as not checked (it holds no connection block at all).
import { check } from '../../src/check';
import { givenAtPlanTime, terraformAvailability, threeWays } from '../helpers/terraform';

const tf = terraformAvailability();
const PASSWORD = 'Pr0duct-DbPassw0rd!';
const UNREAD = 'a provisioner writes text beside a reference';

type Place = 'command' | 'environment' | 'inline' | 'connection';
// `literal`: written whole; `beside-reference`: in a template beside a reference; `variable`: from a
// variable given at plan time (no finding); `none`: no secret at all.
type Form = 'literal' | 'beside-reference' | 'variable' | 'none';
type Holder = 'aws_s3_bucket' | 'terraform_data';
const PLACES: Place[] = ['command', 'environment', 'inline', 'connection'];
const FORMS: Form[] = ['literal', 'beside-reference', 'variable', 'none'];
const HOLDERS: Holder[] = ['aws_s3_bucket', 'terraform_data'];

function value(form: Form): string {
  if (form === 'literal') return PASSWORD;
  if (form === 'beside-reference') return `${PASSWORD}-\${aws_sqs_queue.q.arn}`;
  if (form === 'variable') return '${var.pw}';
  return 'orders';
}

function provisioner(place: Place, form: Form): string {
  const v = value(form);
  switch (place) {
    case 'command':
      return `  provisioner "local-exec" {\n    command = "aws cognito-idp admin-set-user-password --username shop --password \\"${v}\\" --permanent"\n  }\n`;
    case 'environment':
      return `  provisioner "local-exec" {\n    command = "./seed.sh"\n    environment = {\n      DB_PASSWORD = "${v}"\n    }\n  }\n`;
    case 'inline':
      return `  provisioner "remote-exec" {\n    inline = ["export PGPASSWORD='${v}'", "psql -f init.sql"]\n    connection {\n      type = "ssh"\n      host = "10.0.0.5"\n      user = "ec2-user"\n    }\n  }\n`;
    case 'connection':
      return `  provisioner "remote-exec" {\n    inline = ["psql -f init.sql"]\n    connection {\n      type = "ssh"\n      host = "10.0.0.5"\n      user = "ec2-user"\n      password = "${v}"\n    }\n  }\n`;
  }
}

function resource(holder: Holder, place: Place, form: Form, i: number): { address: string; hcl: string } {
  const body = holder === 'aws_s3_bucket' ? `  bucket = "shop-seed-${i}"\n` : '';
  return { address: `${holder}.r${i}`, hcl: `resource "${holder}" "r${i}" {\n${body}${provisioner(place, form)}}` };
}

(tf.ok ? describe : describe.skip)(`secrets provisioners write, HCL vs terraform plan (${tf.ok ? 'every place × form × holder' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  givenAtPlanTime({ pw: PASSWORD });

  test('HCL and the plan beside its folder flag the literals; a plan alone the constants it holds', async () => {
    const items = HOLDERS.flatMap((holder) => PLACES.flatMap((place) => FORMS.map((form) => ({ holder, place, form }))));
    const rs = items.map((x, i) => resource(x.holder, x.place, x.form, i));
    const head = 'provider "aws" {\n  region = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n\nvariable "pw" {\n  type = string\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "orders"\n  sqs_managed_sse_enabled = true\n}';
    const files = { 'main.tf': [head, ...rs.map((r) => r.hcl)].join('\n\n') + '\n' };
    const of = (keep: (x: (typeof items)[number]) => boolean): string[] => rs.filter((_, i) => keep(items[i])).map((r) => r.address).sort();
    const verdict = async (path: string): Promise<{ flagged: string[]; unread: string[] }> => {
      const { decision } = await check([path], { today: '2026-11-28' });
      return {
        flagged: [...new Set(decision.findings.filter((f) => f.rule_id === 'aws-secret-in-code' && f.resource.type !== 'aws_sqs_queue').map((f) => f.resource.address))].sort(),
        unread: (decision.not_checked ?? []).filter((l) => l.includes(UNREAD)).map((l) => l.split(' ')[0]).sort(),
      };
    };
    const inCode = of((x) => x.form === 'literal' || x.form === 'beside-reference');
    const { hcl, beside, alone } = threeWays(files, tf.ok ? tf.mirror : '');
    expect(await verdict(hcl)).toEqual({ flagged: inCode, unread: [] });
    expect(await verdict(beside)).toEqual({ flagged: inCode, unread: [] });
    // A plan holds no connection block; a template beside a reference it holds as references only.
    expect(await verdict(alone)).toEqual({
      flagged: of((x) => x.form === 'literal' && x.place !== 'connection'),
      unread: of((x) => x.place !== 'connection' && (x.form === 'beside-reference' || x.form === 'variable')),
    });
  }, 300_000);
});
