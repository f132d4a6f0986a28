import type { Command } from 'commander';
import { chooseConfig, type ConfigChoice } from '../load/config-file';

/** `--config <file>` and `--no-config`, the same on every command that evaluates policies. */
export function withConfigOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (JSON or YAML); default: the nearest leakguard.config.json, .leakguard.json or YAML equivalent up to the repository root')
    .option('--no-config', 'use no config file, only the policy defaults');
}

/** The config a command uses: what --config / --no-config say, else the discovered one. */
export function configOf(opts: { config?: string | boolean }): ConfigChoice {
  return chooseConfig(opts.config);
}
