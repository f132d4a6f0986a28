import type { Command } from 'commander';
import type { CommandContext } from '../io';
import { baselineCommand } from './baseline';
import { checkCommand } from './check';
import { driftCommand } from './drift';
import { evidenceCommand } from './evidence';
import { fixCommand } from './fix';
import { initCommand } from './init';
import { explainCommand, rulesCommand } from './rules';
import { runbookCommand } from './runbook';

/** Every subcommand, one module each; adding a command is one line here. */
export const commands: Array<(ctx: CommandContext) => Command> = [checkCommand, rulesCommand, explainCommand, baselineCommand, evidenceCommand, driftCommand, initCommand, fixCommand, runbookCommand];
