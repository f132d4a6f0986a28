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
    ...rootLines(facts),
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

/** The cdktf.out folder of each CDKTF app, as `leakguard drift stacks` takes them. */
const cdktfOuts = (facts: RepoFacts): string[] => facts.cdktfApps.map((a) => (a.dir === '.' ? 'cdktf.out' : `${a.dir}/cdktf.out`));

/** drift.roots for the config: each Terraform root, named by its folder unless two folders share a name. */
export function driftRoots(facts: RepoFacts): Array<{ dir: string; name?: string }> {
  const base = (d: string): string => d.split('/').pop() ?? d;
  const shared = new Set(facts.tfDirs.map(base).filter((b, i, all) => all.indexOf(b) !== i));
  return facts.tfDirs.map((dir) => (shared.has(base(dir)) ? { dir, name: dir.replace(/[^A-Za-z0-9._-]+/g, '-') } : { dir }));
}

function rootLines(facts: RepoFacts): string[] {
  const roots = driftRoots(facts);
  const head = ['# Scheduled drift: the Terraform roots checked each in its own CI job (leakguard drift stacks),', '# besides the stacks of the CDKTF apps; a stack is named by its folder unless `name` says otherwise.', 'drift:'];
  if (roots.length === 0) return [...head, '  roots: []', '  # roots:', '  #   - dir: infra/prod', '  #     name: orders-prod'];
  return [...head, '  roots:', ...roots.flatMap((r) => [`    - dir: ${q(r.dir)}`, ...(r.name ? [`      name: ${q(r.name)}`] : [])])];
}

/** A job's header and first steps: checkout, Node and the repository's own install. */
function jobHead(job: string, minutes: number, extra: string[]): string[] {
  return jobStart(job, minutes).slice(1, 4).concat(extra, jobStart(job, minutes).slice(4));
}

/**
 * Nightly drift over the whole estate through GitHub's own fan-out: a job lists the stacks
 * (`leakguard drift stacks`), one matrix job per stack plans refresh-only and writes its JSON
 * report (or a not-checked one), and a last job merges them with the package's action.
 */
export function driftWorkflow(facts: RepoFacts): string {
  const outs = cdktfOuts(facts);
  const stackSynth = synthSteps(facts, '      ').flatMap((l) => (/^\s*- name: Synthesize/.test(l) ? [l, "        if: matrix.source == 'cdktf'"] : [l]));
  const history = [
    '          path: .leakguard',
    '          key: leakguard-drift-history-${{ github.run_id }}',
  ];
  return [
    '# Leakguard drift (written by `leakguard init`): what changed in the live estate outside of',
    '# Terraform, and which policy violations that introduced, one CI job per stack:',
    "# `leakguard drift stacks` lists the CDKTF apps' stacks and the Terraform roots under drift.roots",
    '# in leakguard.config.yaml; each stack gets a refresh-only plan and `leakguard drift`; the',
    "# package's action merges the reports (`leakguard drift merge`): one estate report, one history",
    '# and ONE issue (label leakguard-drift), open while anything drifts or a stack was not checked.',
    '# Configure cloud credentials before the plan step (for example aws-actions/configure-aws-credentials',
    '# with OIDC). Plans hold secrets in plain text: they stay in $RUNNER_TEMP; the reports redact them.',
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
    'jobs:',
    ...jobHead('stacks', 15, ['    outputs:', '      matrix: ${{ steps.stacks.outputs.matrix }}']),
    ...synthSteps(facts, '      '),
    '      - name: List the stacks',
    '        id: stacks',
    `        run: echo "matrix=$(npx leakguard drift stacks${outs.map((o) => ` ${o}`).join('')})" >> "$GITHUB_OUTPUT"`,
    '',
    ...jobHead('drift', 30, [
      '    needs: stacks',
      '    name: drift ${{ matrix.stack }}',
      '    strategy:',
      '      fail-fast: false',
      '      matrix:',
      '        include: ${{ fromJSON(needs.stacks.outputs.matrix) }}',
    ]),
    ...stackSynth,
    '      - uses: hashicorp/setup-terraform@v3',
    '        with:',
    '          terraform_wrapper: false',
    "      # Read-only here: the estate's history dates this stack's findings; only the merge job saves it.",
    '      - name: Restore the drift history',
    '        uses: actions/cache/restore@v4',
    '        with:',
    ...history,
    '          restore-keys: leakguard-drift-history-',
    '      # TODO: cloud credentials for this stack here (OIDC).',
    '      - name: Refresh-only plan',
    '        id: plan',
    '        working-directory: ${{ matrix.dir }}',
    '        run: |',
    '          mkdir -p "$RUNNER_TEMP/drift"',
    '          terraform init -input=false -no-color',
    '          terraform plan -refresh-only -input=false -lock=false -no-color -out "$RUNNER_TEMP/drift/plan.tfplan"',
    '          terraform show -json "$RUNNER_TEMP/drift/plan.tfplan" > "$RUNNER_TEMP/drift/plan.json"',
    '      # Always a report: the drift report, or a not-checked one saying why there is none.',
    '      - name: leakguard drift',
    '        if: always()',
    '        env:',
    '          STACK: ${{ matrix.stack }}',
    '          PLAN: ${{ steps.plan.outcome }}',
    '        run: |',
    '          mkdir -p drift-report "$RUNNER_TEMP/drift"',
    '          if [ "$PLAN" != success ]; then',
    '            npx leakguard drift not-checked --stack "$STACK" --reason "terraform plan -refresh-only: $PLAN" --output "drift-report/$STACK.json"',
    '            exit 0',
    '          fi',
    '          history=()',
    '          if [ -f .leakguard/drift-history.json ]; then',
    '            cp .leakguard/drift-history.json "$RUNNER_TEMP/drift/history.json"',
    '            history=(--history "$RUNNER_TEMP/drift/history.json")',
    '          fi',
    '          set +e',
    '          npx leakguard drift "$RUNNER_TEMP/drift/plan.json" --stack-name "$STACK" "${history[@]}" --format json --output "drift-report/$STACK.json" 2> "$RUNNER_TEMP/drift/stderr"',
    '          code=$?',
    '          set -e',
    '          cat "$RUNNER_TEMP/drift/stderr" >&2',
    '          if [ "$code" = 2 ]; then',
    '            npx leakguard drift not-checked --stack "$STACK" --reason "leakguard drift exited 2: $(grep -m1 \'^leakguard:\' "$RUNNER_TEMP/drift/stderr" || echo \'see the job log\')" --output "drift-report/$STACK.json"',
    '          fi',
    '      - name: Upload the report',
    '        if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: drift-report-${{ matrix.stack }}',
    '          path: drift-report/',
    '          if-no-files-found: ignore',
    '',
    ...jobHead('merge', 15, ['    needs: [stacks, drift]', "    if: always() && needs.stacks.result == 'success'"]),
    '      - name: Restore the drift history',
    '        uses: actions/cache/restore@v4',
    '        with:',
    ...history,
    '          restore-keys: leakguard-drift-history-',
    '      - name: Download the reports',
    '        continue-on-error: true',
    '        uses: actions/download-artifact@v4',
    '        with:',
    '          pattern: drift-report-*',
    '          path: drift-reports',
    '          merge-multiple: true',
    "      # The matrix is the list of expected stacks: a stack whose job left no report is not checked.",
    '      - name: Expected stacks',
    '        env:',
    '          MATRIX: ${{ needs.stacks.outputs.matrix }}',
    '        run: |',
    '          mkdir -p drift-reports',
    '          printf \'%s\\n\' "$MATRIX" > "$RUNNER_TEMP/stacks.json"',
    '      - name: leakguard drift merge',
    '        id: drift',
    '        uses: ./node_modules/leakguard',
    '        with:',
    '          command: drift merge',
    '          paths: drift-reports',
    '          expect: ${{ runner.temp }}/stacks.json',
    '          history: .leakguard/drift-history.json',
    '          reports-dir: drift-estate',
    "          fail: 'false'",
    '      - name: Save the drift history',
    "        if: steps.drift.outputs.exit-code == '0' || steps.drift.outputs.exit-code == '1'",
    '        uses: actions/cache/save@v4',
    '        with:',
    ...history,
    '      - name: Upload the estate report',
    '        if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: leakguard-drift',
    '          path: drift-estate/',
    '      - name: Verdict (1 violating drift or a stack not checked, 2 bad input)',
    '        env:',
    '          CODE: ${{ steps.drift.outputs.exit-code }}',
    '        run: |',
    '          if [ -z "$CODE" ]; then exit 2; fi',
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
