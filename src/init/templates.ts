import type { Found, RepoFacts } from './detect';

const q = (s: string): string => JSON.stringify(s);

/** The folders `check` is given: each CDKTF app's synthesized output, then the Terraform folders. */
export function checkPaths(facts: RepoFacts): string[] {
  const apps = facts.cdktfApps.map((a) => (a.dir === '.' ? 'cdktf.out' : `${a.dir}/cdktf.out`));
  return [...apps, ...facts.tfDirs];
}

function environmentMap(key: string, found: Found[], what: string): string[] {
  if (found.length === 0) {
    return [`  ${key}: {}`, `  # No ${what} found in the code; name each environment's, for example:`, `  # ${key}:`, `  #   prod: [${what === 'AWS account ids' ? '"111111111111"' : '"00000000-0000-0000-0000-000000000000"'}]`];
  }
  const byEnv = new Map<string, Found[]>();
  for (const f of found) byEnv.set(f.environment ?? 'unassigned', [...(byEnv.get(f.environment ?? 'unassigned') ?? []), f]);
  const lines: string[] = [`  ${key}:`];
  for (const [env, list] of byEnv) {
    if (env === 'unassigned') lines.push('    # TODO: move these to the environment they belong to (found in the code, environment unknown)');
    lines.push(`    ${env}:`);
    for (const f of list) lines.push(`      - ${q(f.id)} # ${f.file}`);
  }
  return lines;
}

/** leakguard.config.yaml: every section, explained, prefilled from what the code names. */
export function starterConfig(facts: RepoFacts): string {
  return [
    '# Leakguard configuration. `leakguard check` finds this file from the working directory up to',
    '# the repository root (--config <file> overrides it, --no-config ignores it). Every key is',
    '# optional; the policy defaults apply to what is left out. All keys and their defaults:',
    '# node_modules/leakguard/docs/configuration.md. Rules: npx leakguard rules / npx leakguard explain <id>.',
    'policy:',
    '  # Environments. A resource belongs to the environment in its `environment` tag, else the',
    '  # first token of its stack or folder name that is an environment (orders-prod → prod).',
    '  # Which AWS accounts belong to which environment: trust between environments is blocked',
    '  # (aws-iam-cross-environment-*), and these accounts count as your own (aws-iam-trust-foreign-account).',
    ...environmentMap('environment_accounts', facts.awsAccounts, 'AWS account ids'),
    '  # Which Azure subscriptions belong to which environment (azure-identity-cross-environment).',
    ...environmentMap('environment_subscriptions', facts.azureSubscriptions, 'Azure subscription ids'),
    '  # Accounts outside your environments that roles may trust without sts:ExternalId (vendors).',
    '  trusted_account_ids: []',
    '',
    '  # Central audit: the multi-region CloudTrail trail and the Log Analytics workspace that',
    '  # collect every environment\'s audit logs (aws-central-trail-pii-data-events,',
    '  # azure-pii-central-diagnostics). Fill in their names.',
    '  central_trail_names: []',
    '  central_workspace_names: []',
    '',
    '  # Incident response: the role (AWS) and group object ids (Azure) that alone may read',
    '  # forensic evidence (aws-forensic-evidence-access, azure-forensic-evidence-access).',
    '  incident_response_role_names: []',
    '  incident_response_principal_ids: []',
    '',
    '  # Data classification: the tag every data store carries, and which values are personal',
    '  # information (customer-managed keys, log masking and central audit apply to them).',
    '  classification_tag_key: data-classification',
    '  pii_classifications: [pii, confidential]',
    '',
    '  # Enforcement: advisory (reported), soft (blocks unless waived), hard (blocks, no waiver).',
    '  # Defaults: critical hard, high and medium soft, low advisory. Override per control or rule:',
    '  enforcement:',
    '    controls: {}',
    '    rules: {}',
    '    # rules:',
    '    #   aws-kms-deletion-window: advisory',
    '',
    '# Waivers: accepted exceptions, each with a reason, an owner and an expiry (YYYY-MM-DD); an',
    '# expired waiver stops waiving. In CDKTF code use Leakguard.suppress(construct, ruleId, {...}).',
    'waivers: []',
    '# waivers:',
    '#   - rule: aws-s3-access-logging',
    '#     resource: orders-prod/aws_s3_bucket.exports   # stack/address, or an address; * globs',
    '#     reason: Access is logged by the central trail\'s data events',
    '#     owner: platform-team',
    '#     expires: "2027-06-30"',
    '#     ticket: SEC-123',
    '',
  ].join('\n');
}

/** The job's opening: checkout, Node and the repository's own install (Leakguard is a devDependency). */
function jobStart(job: string, minutes: number): string[] {
  return [
    'jobs:',
    `  ${job}:`,
    '    runs-on: ubuntu-latest',
    `    timeout-minutes: ${minutes}`,
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '          cache: npm',
    '      - name: Install (Leakguard is a devDependency)',
    '        run: npm ci',
  ];
}

function synthSteps(facts: RepoFacts, indent: string): string[] {
  return facts.cdktfApps.flatMap((a) => [
    `${indent}- name: Synthesize the CDKTF app${a.dir === '.' ? '' : ` in ${a.dir}`}`,
    ...(a.dir === '.' ? [] : [`${indent}  working-directory: ${a.dir}`]),
    `${indent}  env:`,
    `${indent}    CDKTF_OUTDIR: cdktf.out`,
    `${indent}  run: ${a.app ?? 'npx cdktf synth # TODO: the command that runs your app (cdktf.json "app")'}`,
  ]);
}

/** Pull requests: check once, every report from that one run (SARIF, PR comment, annotations). */
export function prWorkflow(facts: RepoFacts): string {
  const paths = checkPaths(facts);
  const target = paths.length > 0 ? paths.join(' ') : 'infra # TODO: your Terraform folders or cdktf.out';
  return [
    '# Leakguard on pull requests (written by `leakguard init`). Blocks the merge on a blocking finding;',
    '# findings appear as code-scanning alerts, annotations on the diff and one PR comment.',
    'name: leakguard',
    '',
    'on:',
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '  pull-requests: write # the PR comment',
    '  security-events: write # SARIF upload to code scanning',
    '  actions: read # upload-sarif reads the run on private repositories',
    '',
    ...jobStart('leakguard', 20),
    ...synthSteps(facts, '      '),
    "      # The installed package's own action (node_modules/leakguard/action.yml): one check writes every",
    '      # report, uploads the SARIF, keeps one PR comment up to date and fails on blocking findings.',
    '      - name: leakguard check',
    '        uses: ./node_modules/leakguard',
    '        with:',
    `          paths: ${target}`,
    '',
  ].join('\n');
}

/** Nightly: a refresh-only plan of each Terraform root, then the package's action runs `leakguard drift` on them. */
export function driftWorkflow(facts: RepoFacts): string {
  const roots = facts.tfDirs.length > 0 ? facts.tfDirs : facts.cdktfApps.length > 0 ? [] : ['infra'];
  const stackLoops = facts.cdktfApps.map((a) => (a.dir === '.' ? 'cdktf.out/stacks/*/' : `${a.dir}/cdktf.out/stacks/*/`));
  return [
    '# Leakguard drift (written by `leakguard init`): what changed in the live estate outside of',
    '# Terraform, and which policy violations that introduced. The installed package\'s action keeps',
    '# the drift history, writes Markdown/JSON/HTML reports and ONE issue (label leakguard-drift),',
    '# open while anything drifts. Configure cloud credentials before the plans (for example',
    '# aws-actions/configure-aws-credentials with OIDC). Plans hold secrets in plain text: they',
    '# stay in $RUNNER_TEMP; the reports redact them.',
    'name: leakguard drift',
    '',
    'on:',
    '  schedule:',
    "    - cron: '17 5 * * *'",
    '  workflow_dispatch:',
    '',
    'permissions:',
    '  contents: read',
    '  issues: write # the drift issue',
    '',
    ...jobStart('drift', 30),
    '      - uses: hashicorp/setup-terraform@v3',
    '        with:',
    '          terraform_wrapper: false',
    ...synthSteps(facts, '      '),
    '      - name: Restore the drift history',
    '        uses: actions/cache/restore@v4',
    '        with:',
    '          path: .leakguard',
    '          key: leakguard-drift-history-${{ github.run_id }}',
    '          restore-keys: leakguard-drift-history-',
    "      # Each plan in a folder named after its root: a plan's stack is its folder.",
    '      - name: Refresh-only plans',
    '        id: plans',
    '        run: |',
    '          paths=(); unplanned=""',
    `          for dir in ${[...roots.map((r) => `${r}/`), ...stackLoops].join(' ')}; do${roots.length === 0 && stackLoops.length === 0 ? ' # TODO: your Terraform roots' : ''}`,
    '            name=$(echo "${dir%/}" | tr "/" "-")',
    '            mkdir -p "$RUNNER_TEMP/drift/$name"',
    '            if (cd "$dir" && terraform init -input=false -no-color >/dev/null \\',
    '              && terraform plan -refresh-only -input=false -lock=false -no-color -out "$RUNNER_TEMP/drift/$name/plan.tfplan" >/dev/null \\',
    '              && terraform show -json "$RUNNER_TEMP/drift/$name/plan.tfplan" > "$RUNNER_TEMP/drift/$name/plan.json"); then',
    '              paths+=("$RUNNER_TEMP/drift/$name/plan.json")',
    '            else',
    '              echo "::error::could not plan $dir"; unplanned="$unplanned $dir"',
    '            fi',
    '          done',
    '          echo "paths=${paths[*]}" >> "$GITHUB_OUTPUT"',
    '          echo "unplanned=$unplanned" >> "$GITHUB_OUTPUT"',
    '        shell: bash',
    '      - name: leakguard drift',
    '        id: drift',
    "        if: steps.plans.outputs.paths != ''",
    '        uses: ./node_modules/leakguard',
    '        with:',
    '          command: drift',
    '          paths: ${{ steps.plans.outputs.paths }}',
    '          history: .leakguard/drift-history.json',
    '          reports-dir: drift-reports',
    "          fail: 'false'",
    '      - name: Save the drift history',
    "        if: steps.drift.outputs.exit-code == '0' || steps.drift.outputs.exit-code == '1'",
    '        uses: actions/cache/save@v4',
    '        with:',
    '          path: .leakguard',
    '          key: leakguard-drift-history-${{ github.run_id }}',
    '      - name: Upload the drift reports',
    '        if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: leakguard-drift',
    '          path: drift-reports/',
    '      - name: Verdict (1 violating drift, 2 a root could not be planned or checked)',
    '        env:',
    '          CODE: ${{ steps.drift.outputs.exit-code }}',
    '          UNPLANNED: ${{ steps.plans.outputs.unplanned }}',
    '        run: |',
    '          if [ -n "$UNPLANNED" ] || [ -z "$CODE" ]; then exit 2; fi',
    '          exit "$CODE"',
    '',
  ].join('\n');
}

/** compliance.test.ts for a CDKTF app: every stack must pass; the matchers' failures print findings. */
export function complianceTest(stackClasses: Array<{ name: string; file: string }>): string {
  const first = stackClasses[0];
  return [
    "import 'leakguard/jest';",
    "import { Testing } from 'cdktf';",
    first ? `import { ${first.name} } from './${first.file.replace(/\.(ts|js)$/, '')}';` : "// TODO: import your stacks, e.g. import { MyStack } from './main';",
    '',
    '// Leakguard in your unit tests (written by `leakguard init`): the same policies as `leakguard check`,',
    '// with the config it discovers (leakguard.config.yaml). See `npx leakguard rules` for rule ids.',
    "describe('Leakguard', () => {",
    "  test('the app passes every blocking rule', () => {",
    '    const app = Testing.app();',
    first ? `    new ${first.name}(app, 'stack'); // TODO: build the app as main.ts does` : "    // TODO: new MyStack(app, 'my-stack');",
    '    expect(app).toPassLeakguard();',
    '  });',
    '',
    '  // A guardrail test: a change that makes a bucket public must fail here, not in review.',
    "  // test('exports bucket is never public', () => {",
    "  //   expect(stack).not.toViolate({ control: 'public-storage' });",
    '  // });',
    '});',
    '',
  ].join('\n');
}
