import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { tempDir } from './cli';

const AWS_VERSION = '5.100.0';

/** Folders that may hold an offline provider mirror (registry.terraform.io/hashicorp/aws/<v>/...). */
function mirrorCandidates(): string[] {
  const out = [process.env.LEAKGUARD_TF_MIRROR ?? '', '/opt/tf-plugins', join(homedir(), '.terraform.d', 'plugins'), '/usr/share/terraform/plugins', '/usr/local/share/terraform/plugins'];
  // A filesystem_mirror block in the user's CLI config names another.
  const rc = process.env.TF_CLI_CONFIG_FILE ?? join(homedir(), '.terraformrc');
  if (existsSync(rc)) {
    for (const m of readFileSync(rc, 'utf8').matchAll(/filesystem_mirror\s*\{[^}]*path\s*=\s*"([^"]+)"/g)) out.unshift(m[1]);
  }
  return out.filter(Boolean);
}

export type Availability = { ok: true; mirror: string; version: string } | { ok: false; reason: string };

/** Whether a real offline `terraform plan` can run here; the reason when it cannot. */
export function terraformAvailability(): Availability {
  const v = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) return { ok: false, reason: 'terraform is not on PATH' };
  const version = JSON.parse(v.stdout).terraform_version as string;
  for (const dir of mirrorCandidates()) {
    const p = join(dir, 'registry.terraform.io', 'hashicorp', 'aws', AWS_VERSION);
    if (existsSync(p) && readdirSync(p).length > 0) return { ok: true, mirror: dir, version };
  }
  return { ok: false, reason: `no offline mirror of hashicorp/aws ${AWS_VERSION} found (looked in ${mirrorCandidates().join(', ')})` };
}

/**
 * `terraform init && plan && show -json` on one synthesized stack, offline: the provider
 * comes from the filesystem mirror and credentials are fake (the stack's provider sets
 * the skip_* flags). Returns the path of the plan JSON.
 */
export function planStack(stackJson: string, mirror: string): string {
  const config = JSON.parse(readFileSync(stackJson, 'utf8'));
  delete config.terraform?.backend; // app.synth() writes a local backend with an absolute path
  return planFolder({ 'main.tf.json': JSON.stringify(config) }, mirror);
}

/**
 * The same for a folder of Terraform files (relative path → text), written to a fresh folder;
 * `workspace`: planned in that workspace (`terraform workspace new`, which selects it).
 */
export function planFolder(files: Record<string, string>, mirror: string, workspace?: string): string {
  const dir = tempDir('leakguard-tf-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const rc = join(dir, 'terraformrc');
  writeFileSync(
    rc,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
  );
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: rc,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-offline-plan',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const tf = (...args: string[]) => execFileSync('terraform', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
  try {
    tf('init', '-input=false', '-no-color');
    if (workspace) tf('workspace', 'new', '-no-color', workspace);
    tf('plan', '-input=false', '-lock=false', '-refresh=false', '-no-color', '-out=plan.bin');
    writeFileSync(join(dir, 'plan.json'), tf('show', '-json', 'plan.bin'));
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`terraform failed in ${dir}: ${(e.stderr || e.stdout || e.message).slice(0, 2000)}`);
  }
  return join(dir, 'plan.json');
}

/**
 * `terraform init && validate`, offline, of configurations given as module name → main.tf: each
 * becomes a module of one root, so one init serves them all. Returns validate's output; throws
 * with terraform's own message when a configuration is invalid.
 */
export function validateConfigurations(mirror: string, modules: Record<string, string>): string {
  const root = tempDir('leakguard-tf-validate-');
  const calls = Object.entries(modules).map(([name, mainTf]) => {
    // The whole folder: main.tf may read files beside it (file("${path.module}/api.yaml")).
    cpSync(dirname(mainTf), join(root, 'modules', name), { recursive: true });
    return `module "${name}" {\n  source = "./modules/${name}"\n}\n`;
  });
  writeFileSync(join(root, 'main.tf'), calls.join('\n'));
  const rc = join(root, 'terraformrc');
  writeFileSync(
    rc,
    `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`,
  );
  const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const terraform = (...args: string[]) => execFileSync('terraform', args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    terraform('init', '-input=false', '-no-color', '-backend=false');
    return terraform('validate', '-no-color');
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`terraform failed in ${root}: ${(e.stderr || e.stdout || e.message).slice(0, 4000)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A folder of Terraform files three ways, as a user checks it: the folder itself (HCL), its real
 * plan beside it, and that plan alone (copied where no folder is beside it).
 */
export function threeWays(files: Record<string, string>, mirror: string): { hcl: string; beside: string; alone: string } {
  const hcl = tempDir('leakguard-hcl-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(hcl, name)), { recursive: true });
    writeFileSync(join(hcl, name), text);
  }
  const beside = planFolder(files, mirror);
  const alone = join(tempDir('leakguard-plan-alone-'), 'plan.json');
  copyFileSync(beside, alone);
  return { hcl, beside, alone };
}

/**
 * Root variables given at plan time through TF_VAR_ (terraform and the HCL evaluator both read
 * the environment), as a pipeline gives secrets from its store: set for the tests of the
 * enclosing describe, restored after. A default would be written in the repository.
 */
export function givenAtPlanTime(vars: Record<string, string>): void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [`TF_VAR_${k}`, process.env[`TF_VAR_${k}`]]));
  beforeAll(() => {
    for (const [k, v] of Object.entries(vars)) process.env[`TF_VAR_${k}`] = v;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}
