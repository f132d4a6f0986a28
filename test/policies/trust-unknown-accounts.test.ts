// A role's trust policy naming an account only apply (or the cloud) knows had passed as "usually
// the caller's own account". It is not when data.aws_caller_identity is read through another
// provider configuration (an alias assuming a role in another account), nor when the account is
// another resource's id, a module's output or a local naming one: each is now reported, once, as
// not verifiable. The commonest idiom, aws_caller_identity through the role's own provider
// (alias included), stays silent. Plain HCL folders, as `leakguard check` reads them.
// Needs `npm run build:policies` first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { tempDir, writeTree } from '../helpers/cli';

const PROVIDERS = `provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "prod"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::999999999999:role/x"
  }
}

data "aws_caller_identity" "current" {}

data "aws_caller_identity" "prod" {
  provider = aws.prod
}

resource "aws_organizations_account" "partner" {
  name  = "partner"
  email = "partner@example.com"
}
`;

const role = (name: string, principal: string, extra = ''): string => `resource "aws_iam_role" "${name}" {
  name = "${name}"${extra}
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = ${principal} } }]
  })
}
`;

/** A role whose trust policy is an aws_iam_policy_document naming data.aws_caller_identity.<identity>'s account. */
const documentRole = (name: string, identity: string): string => `data "aws_iam_policy_document" "${name}" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${data.aws_caller_identity.${identity}.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "${name}_document" {
  name               = "${name}_document"
  assume_role_policy = data.aws_iam_policy_document.${name}.json
}`;

const TRUST = ['aws-iam-trust-foreign-account', 'aws-iam-cross-environment-trust', 'aws-iam-trust-public-principal', 'aws-iam-policy-unreadable'];

/** The trust findings of a folder: `rule address: message`, sorted. */
async function trustFindings(files: Record<string, string>, config?: object): Promise<string[]> {
  const dir = writeTree(files);
  let configPath: string | undefined;
  if (config) {
    configPath = join(tempDir(), 'leakguard.config.json');
    writeFileSync(configPath, JSON.stringify(config));
  }
  const { decision } = await check([dir], { today: '2026-11-28', configPath });
  return decision.findings
    .filter((f) => TRUST.includes(f.rule_id))
    .map((f) => `${f.rule_id} ${f.resource.address}: ${f.message}`)
    .sort();
}

const unknown = (address: string, from: string): string =>
  `aws-iam-trust-foreign-account ${address}: ${address} trusts an account unknown at plan time (from ${from}) without an sts:ExternalId condition; that it is a configured account cannot be verified`;

describe('trust of an account unknown at plan time (HCL)', () => {
  it('reports the account of aws_caller_identity read through another provider (the audit repro)', async () => {
    const repro = `provider "aws" { region = "us-east-1" }
provider "aws" {
  alias  = "prod"
  region = "us-east-1"
  assume_role { role_arn = "arn:aws:iam::999999999999:role/x" }
}
data "aws_caller_identity" "prod" { provider = aws.prod }
resource "aws_iam_role" "prod" {
  name = "prod"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.prod.account_id}:root" } }]
  })
}
`;
    expect(await trustFindings({ 'main.tf': repro })).toEqual([unknown('aws_iam_role.prod', 'data.aws_caller_identity.prod through provider aws.prod, not aws')]);
  });

  it('stays silent on the role’s own account: caller identity through the same provider, alias included', async () => {
    const own = '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"';
    const files = {
      'main.tf': `${PROVIDERS}
${role('own', own)}
${role('own_prod', '"arn:aws:iam::${data.aws_caller_identity.prod.account_id}:root"', '\n  provider = aws.prod')}
locals {
  me = data.aws_caller_identity.current.account_id
}
${role('own_local', '"arn:aws:iam::${local.me}:root"')}
${documentRole('own', 'current')}
${role('ci', '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"')}
${role('deploy', 'aws_iam_role.ci.arn')}
`,
    };
    expect(await trustFindings(files)).toEqual([]);
  });

  it('reports a role trusted by its ARN where that role is created through another provider configuration', async () => {
    const files = {
      'main.tf': `${PROVIDERS}
${role('ci', '"arn:aws:iam::${data.aws_caller_identity.prod.account_id}:root"', '\n  provider = aws.prod')}
${role('deploy', 'aws_iam_role.ci.arn')}
`,
    };
    expect(await trustFindings(files)).toEqual([unknown('aws_iam_role.deploy', 'aws_iam_role.ci through provider aws.prod, not aws')]);
  });

  it('reports a principals block whose whole list of identifiers only apply knows (a remote state output), and not the account\'s own roles', async () => {
    const files = {
      'main.tf': `${PROVIDERS}
data "terraform_remote_state" "ci" {
  backend = "s3"
  config = { bucket = "acme-tfstate", key = "ci/terraform.tfstate", region = "us-east-1" }
}

data "aws_iam_roles" "admin" {
  name_regex = "AWSReservedSSO_Admin.*"
}

data "aws_iam_policy_document" "runners" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = data.terraform_remote_state.ci.outputs.runner_role_arns
    }
  }
}

data "aws_iam_policy_document" "admins" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = data.aws_iam_roles.admin.arns
    }
  }
}

resource "aws_iam_role" "runners" {
  name               = "runners"
  assume_role_policy = data.aws_iam_policy_document.runners.json
}

resource "aws_iam_role" "admins" {
  name               = "admins"
  assume_role_policy = data.aws_iam_policy_document.admins.json
}
`,
    };
    expect(await trustFindings(files)).toEqual([unknown('aws_iam_role.runners', 'data.terraform_remote_state.ci')]);
  });

  it('reports a principal from a variable without a value beside the caller’s own account (audit probe M2), not one a conditional does not take', async () => {
    const files = {
      'main.tf': `${PROVIDERS}
variable "ci_role_arn" {
  type = string
}

variable "env" {
  default = "prod"
}

data "aws_iam_policy_document" "mixed" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.ci_role_arn]
    }
  }
}

resource "aws_iam_role" "mixed" {
  name               = "mixed"
  assume_role_policy = data.aws_iam_policy_document.mixed.json
}
${role('picked', 'var.env == "prod" ? "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" : var.ci_role_arn')}
`,
    };
    expect(await trustFindings(files)).toEqual([unknown('aws_iam_role.mixed', 'data.aws_iam_policy_document.mixed.statement.principals.identifiers, set from a value not known here')]);
  });

  it('reports other ways an unknown account reaches a principal: a resource id, a local, a module output, a policy document, a heredoc', async () => {
    const files = {
      'main.tf': `${PROVIDERS}
locals {
  partner = aws_organizations_account.partner.id
}

module "vendor" {
  source = "./vendor"
}
${role('partner', '"arn:aws:iam::${aws_organizations_account.partner.id}:root"')}
${role('partner_local', '"arn:aws:iam::${local.partner}:root"')}
${role('module_output', '"arn:aws:iam::${module.vendor.account_id}:root"')}
${role('mixed', '["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root", "arn:aws:iam::${aws_organizations_account.partner.id}:root"]')}
${documentRole('prod', 'prod')}

resource "aws_iam_role" "prod_heredoc" {
  name               = "prod_heredoc"
  assume_role_policy = <<-JSON
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
      "Principal": {"AWS": "arn:aws:iam::\${data.aws_caller_identity.prod.account_id}:root"}}]}
  JSON
}
`,
      'vendor/main.tf': `resource "aws_organizations_account" "this" {
  name  = "vendor"
  email = "vendor@example.com"
}

output "account_id" {
  value = aws_organizations_account.this.id
}
`,
    };
    const prod = 'data.aws_caller_identity.prod through provider aws.prod, not aws';
    expect(await trustFindings(files)).toEqual(
      [
        unknown('aws_iam_role.partner', 'aws_organizations_account.partner'),
        unknown('aws_iam_role.partner_local', 'aws_organizations_account.partner'),
        unknown('aws_iam_role.module_output', 'module.vendor.aws_organizations_account.this'),
        unknown('aws_iam_role.mixed', 'aws_organizations_account.partner'),
        unknown('aws_iam_role.prod_document', prod),
        unknown('aws_iam_role.prod_heredoc', prod),
      ].sort(),
    );
  });

  it('judges a literal account as before, and an unknown one behind an external id by environment', async () => {
    const files = {
      'main.tf': `${PROVIDERS}
${role('vendor', '"arn:aws:iam::999988887777:root"')}
resource "aws_iam_role" "prod_vendor" {
  name = "prod_vendor"
  tags = { environment = "prod" }
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.prod.account_id}:root" }
      Condition = { StringEquals = { "sts:ExternalId" = "f00dfeed" } }
    }]
  })
}
`,
    };
    expect(await trustFindings(files)).toEqual([
      'aws-iam-trust-foreign-account aws_iam_role.vendor: aws_iam_role.vendor trusts account 999988887777, which is not a configured account, without an sts:ExternalId condition',
    ]);
    expect(
      await trustFindings(files, {
        policy: {
          trusted_account_ids: ['999988887777'],
          environment_accounts: {
            prod: ['111111111111'],
            dev: ['222222222222'],
          },
        },
      }),
    ).toEqual([
      'aws-iam-cross-environment-trust aws_iam_role.prod_vendor: aws_iam_role.prod_vendor in environment prod trusts an account unknown at plan time (from data.aws_caller_identity.prod through provider aws.prod, not aws); that it is not an account of another environment cannot be verified',
    ]);
  });
});
