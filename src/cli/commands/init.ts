import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { InputError } from '../../errors';
import { detectRepo, type RepoFacts } from '../../init/detect';
import { checkPaths, complianceTest, driftWorkflow, prWorkflow, starterConfig } from '../../init/templates';
import { CONFIG_NAMES } from '../../load/config-file';
import type { CommandContext } from '../io';

interface Planned {
  file: string;
  text: string;
  /** What the user still has to do in this file. */
  todo: string[];
}

function plan(facts: RepoFacts): Planned[] {
  const configTodo = [
    facts.awsAccounts.length + facts.azureSubscriptions.length > 0
      ? `check the ${facts.awsAccounts.length} AWS account(s) and ${facts.azureSubscriptions.length} Azure subscription(s) found in the code are under the right environment`
      : 'name your environments\' AWS accounts and Azure subscriptions (environment_accounts, environment_subscriptions)',
    'central_trail_names / central_workspace_names and the incident-response role or group',
  ];
  if (facts.awsAccounts.some((f) => !f.environment) || facts.azureSubscriptions.some((f) => !f.environment)) configTodo.unshift('move the ids under "unassigned" to their environment');
  const noTargets = checkPaths(facts).length === 0 ? ['no cdktf.json or .tf folder found: replace "infra" with your Terraform folders'] : [];
  const planned: Planned[] = [
    { file: 'leakguard.config.yaml', text: starterConfig(facts), todo: configTodo },
    { file: '.github/workflows/leakguard.yml', text: prWorkflow(facts), todo: [...noTargets, ...(facts.cdktfApps.some((a) => !a.app) ? ['the synth command of each CDKTF app'] : [])] },
    { file: '.github/workflows/leakguard-drift.yml', text: driftWorkflow(facts), todo: ['cloud credentials for the refresh-only plans (OIDC), before the plan step', ...noTargets] },
  ];
  for (const app of facts.cdktfApps) {
    const classes = facts.stackClasses.filter((c) => app.dir === '.' || c.file.startsWith(`${app.dir}/`)).map((c) => ({ ...c, file: app.dir === '.' ? c.file : c.file.slice(app.dir.length + 1) }));
    planned.push({ file: join(app.dir, 'compliance.test.ts'), text: complianceTest(classes), todo: ['build your stacks in the test as main.ts does'] });
  }
  return planned;
}

export function initCommand({ io, exit }: CommandContext): Command {
  return new Command('init')
    .description('set Leakguard up in a repository: starter config, pull-request and drift workflows, a CDKTF compliance test')
    .argument('[dir]', 'the repository root', '.')
    .option('--force', 'overwrite files that already exist')
    .action((dir: string, opts: { force?: boolean }) => {
      const root = resolve(dir);
      const facts = detectRepo(root);
      const kinds = [facts.cdktfApps.length > 0 ? `CDKTF app(s) in ${facts.cdktfApps.map((a) => a.dir).join(', ')}` : '', facts.tfDirs.length > 0 ? `Terraform in ${facts.tfDirs.join(', ')}` : ''].filter(Boolean);
      io.stdout(`leakguard init: ${kinds.length > 0 ? `found ${kinds.join(' and ')}` : 'found no cdktf.json and no .tf files'}\n`);
      const otherConfig = CONFIG_NAMES.filter((n) => n !== 'leakguard.config.yaml').find((n) => existsSync(join(root, n)));
      const todo: string[] = [];
      for (const p of plan(facts)) {
        const target = join(root, p.file);
        if (p.file === 'leakguard.config.yaml' && otherConfig) {
          io.stdout(`  kept     ${otherConfig} (already configures Leakguard; a second config here would be ambiguous)\n`);
          continue;
        }
        const exists = existsSync(target);
        if (exists && !opts.force) {
          io.stdout(`  kept     ${p.file} (exists; --force overwrites it)\n`);
          continue;
        }
        try {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, p.text);
        } catch (err) {
          throw new InputError(`${target}: cannot write (${err instanceof Error ? err.message : String(err)})`);
        }
        io.stdout(`  ${exists ? 'replaced' : 'wrote   '} ${p.file}\n`);
        for (const t of p.todo) todo.push(`${p.file}: ${t}`);
      }
      if (todo.length > 0) io.stdout(`\nTo fill in:\n${todo.map((t) => `  - ${t}`).join('\n')}\n`);
      const paths = checkPaths(facts);
      io.stdout(`\nThen: npx leakguard check ${paths.length > 0 ? paths.join(' ') : '<your Terraform folder>'}\n`);
      exit(0);
    });
}
