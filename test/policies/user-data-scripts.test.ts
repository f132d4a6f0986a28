// The AWS provider keeps an instance's or launch configuration's user_data as its SHA1 hash:
// a plan (and a state) holds 40 hex digits where the HCL folder holds the script. The plan's
// configuration writes the script only when it is a literal; a template, a variable, a local or
// a file is not there. So a password in a rendered script is found in HCL and cannot be in the
// plan: the plan path must then say the script was not checked, never pass in silence.
// Generated scripts, written every way, planned by a real offline `terraform plan`.
import fc from 'fast-check';
import { check } from '../../src/check';
import { normalize } from '../../src/normalize';
import type { StateDocument } from '../../src/load/types';
import { writeTree } from '../helpers/cli';
import { planFolder, terraformAvailability } from '../helpers/terraform';

const RULE = 'aws-secret-in-code';
const tf = terraformAvailability();

type Form = 'literal' | 'heredoc' | 'variable' | 'local' | 'templatefile' | 'file';
interface Script {
  type: 'aws_instance' | 'aws_launch_configuration';
  form: Form;
  secret: boolean;
}
/** Forms whose script the plan's configuration holds as a constant. */
const LITERAL: ReadonlySet<Form> = new Set(['literal', 'heredoc']);

const script = fc.record({
  type: fc.constantFrom('aws_instance' as const, 'aws_launch_configuration' as const),
  form: fc.constantFrom<Form>('literal', 'heredoc', 'variable', 'local', 'templatefile', 'file'),
  secret: fc.boolean(),
});

const line = (s: Script): string => (s.secret ? 'export DB_PASSWORD=Wp-Pr0d-S3cret-2024!' : 'export DB_HOST=orders.internal');

function folder(scripts: Script[]): Record<string, string> {
  const files: Record<string, string> = {};
  const parts = ['provider "aws" {', '  region                      = "us-west-2"', '  skip_credentials_validation = true', '  skip_requesting_account_id  = true', '  skip_metadata_api_check     = true', '}', ''];
  scripts.forEach((s, i) => {
    const text = `#!/bin/bash\\n${line(s)}\\n`;
    let value: string;
    switch (s.form) {
      case 'literal':
        value = `"${text}"`;
        break;
      case 'heredoc':
        value = `<<-EOT\n    #!/bin/bash\n    ${line(s)}\n  EOT`;
        break;
      case 'variable':
        parts.push(`variable "line${i}" {\n  default = "${line(s)}"\n}\n`);
        value = `"#!/bin/bash\\n\${var.line${i}}\\n"`;
        break;
      case 'local':
        parts.push(`locals {\n  script${i} = "${text}"\n}\n`);
        value = `local.script${i}`;
        break;
      case 'templatefile':
        files[`s${i}.sh.tpl`] = '#!/bin/bash\n${setting}\n';
        value = `templatefile("\${path.module}/s${i}.sh.tpl", { setting = "${line(s)}" })`;
        break;
      case 'file':
        files[`s${i}.sh`] = `#!/bin/bash\n${line(s)}\n`;
        value = `file("\${path.module}/s${i}.sh")`;
        break;
    }
    const image = s.type === 'aws_instance' ? 'ami' : 'image_id';
    parts.push(`resource "${s.type}" "s${i}" {\n  ${image} = "ami-0ff71843f814379b3"\n  instance_type = "t3.micro"\n  user_data = ${value}\n}\n`);
  });
  files['main.tf'] = parts.join('\n');
  return files;
}

/** The scripts flagged as holding a secret, and those reported as not checked, by address. */
async function verdict(path: string): Promise<{ flagged: string[]; notChecked: string[] }> {
  const { decision, warnings } = await check([path], { today: '2026-11-28' });
  return {
    flagged: decision.findings.filter((f) => f.rule_id === RULE).map((f) => f.resource.address).sort(),
    notChecked: warnings.flatMap((w) => /^not checked: (\S+) user_data .*SHA1 hash/.exec(w)?.[1] ?? []).sort(),
  };
}

(tf.ok ? describe : describe.skip)(`user_data scripts, HCL vs terraform plan (${tf.ok ? 'generated' : `skipped: ${tf.ok ? '' : tf.reason}`})`, () => {
  test('HCL flags every script with a secret; the plan flags the literal ones and reports every other as not checked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(script, { minLength: 10, maxLength: 10 }), async (scripts) => {
        const files = folder(scripts);
        const hcl = writeTree(files);
        const plan = planFolder(files, tf.ok ? tf.mirror : '');
        const address = (s: Script, i: number): string => `${s.type}.s${i}`;
        const secret = scripts.flatMap((s, i) => (s.secret ? [address(s, i)] : [])).sort();
        const unseen = scripts.flatMap((s, i) => (LITERAL.has(s.form) ? [] : [address(s, i)])).sort();
        expect(await verdict(hcl)).toEqual({ flagged: secret, notChecked: [] });
        expect(await verdict(plan)).toEqual({ flagged: secret.filter((a) => !unseen.includes(a)), notChecked: unseen });
      }),
      // Each run is a terraform plan: report the first counterexample rather than shrink through dozens more.
      { numRuns: 2, endOnFailure: true },
    );
  }, 300_000);
});

test('a state holds every hashed script without its configuration: each is reported as not checked', () => {
  const hash = (i: number): string => (0x1e314c52 + i).toString(16).padStart(8, '0').repeat(5);
  fc.assert(
    fc.property(fc.array(fc.constantFrom('aws_instance', 'aws_launch_configuration', 'aws_launch_template'), { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (types, hashed) => {
      const resources = types.map((type, i) => ({
        address: `${type}.r${i}`,
        mode: 'managed',
        type,
        name: `r${i}`,
        provider_name: 'registry.terraform.io/hashicorp/aws',
        // A launch template keeps its user_data as written (base64), never a hash; the others
        // hold a hash, or no script at all.
        values: { user_data: hashed[i] ? hash(i) : null },
      }));
      const doc: StateDocument = { kind: 'state', format: 'state', stack: 'live', file: 'live.tfstate.json', state: { format_version: '1.0', values: { root_module: { resources } } } };
      const notChecked: string[] = [];
      normalize([doc], { notChecked });
      const expected = resources.filter((r, i) => hashed[i] && r.type !== 'aws_launch_template').map((r) => r.address);
      expect(notChecked.map((m) => m.split(' ')[0])).toEqual(expected);
      for (const m of notChecked) expect(m).toMatch(/^\S+ user_data \(live\.tfstate\.json\): the state holds only its SHA1 hash/);
    }),
  );
});
