import { Command } from 'commander';
import { InputError } from '../../errors';
import { verifyLog } from '../../evidence';
import type { CommandContext } from '../io';

export function evidenceCommand({ io, exit }: CommandContext): Command {
  const verify = new Command('verify')
    .description('check the evidence log hash chain: 0 intact · 1 an entry was edited, removed or reordered · 2 malformed')
    .argument('<log>', 'evidence log (JSON Lines), e.g. evidence/evidence-log.jsonl')
    .option('--bundles', 'also check each entry’s bundle (evidence.json) still has the recorded sha256')
    .option('--head <sha256>', 'expected hash of the last entry, kept elsewhere: detects entries cut off the end')
    .action((log: string, opts: { bundles?: boolean; head?: string }) => {
      if (opts.head && !/^[0-9a-f]{64}$/.test(opts.head)) throw new InputError(`--head must be a sha256 (64 hex digits), got "${opts.head}"`);
      const v = verifyLog(log, opts);
      if (v.intact) {
        io.stdout(`${log}: intact, ${v.entries} entr${v.entries === 1 ? 'y' : 'ies'}, head ${v.head}\n`);
        exit(0);
      } else {
        io.stdout(`${log}: entry ${v.entry}: ${v.reason}\n`);
        exit(1);
      }
    });
  return new Command('evidence').description('audit evidence written by `check --evidence`').addCommand(verify.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }));
}
