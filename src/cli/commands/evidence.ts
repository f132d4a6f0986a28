import { existsSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { InputError } from '../../errors';
import { keyId, newKeyPair, publicKey, verifyLog } from '../../evidence';
import type { CommandContext } from '../io';

/** Creates a file that must not exist yet (a key is never overwritten); private keys readable by the owner only. */
function create(file: string, text: string, mode: number): void {
  try {
    writeFileSync(file, text, { flag: 'wx', mode });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'EEXIST' ? 'already exists; a key is never overwritten' : `cannot write (${(err as Error).message})`}`);
  }
}

export function evidenceCommand({ io, exit }: CommandContext): Command {
  const verify = new Command('verify')
    .description('check the evidence log hash chain (and signatures): 0 intact · 1 an entry was edited, forged, removed or reordered · 2 malformed')
    .argument('<log>', 'evidence log (JSON Lines), e.g. evidence/evidence-log.jsonl')
    .option('--bundles', 'also check each entry’s bundle (evidence.json) still has the recorded sha256')
    .option('--head <sha256>', 'expected hash of the last entry, kept elsewhere: detects entries cut off the end')
    .option('--public-key <file>', 'Ed25519 public key (PEM): every entry must be signed by it; detects forged or rewritten entries')
    .action((log: string, opts: { bundles?: boolean; head?: string; publicKey?: string }) => {
      if (opts.head && !/^[0-9a-f]{64}$/.test(opts.head)) throw new InputError(`--head must be a sha256 (64 hex digits), got "${opts.head}"`);
      const key = opts.publicKey !== undefined ? publicKey(opts.publicKey) : undefined;
      const v = verifyLog(log, { bundles: opts.bundles, head: opts.head, publicKey: key });
      if (!v.intact) {
        io.stdout(`${log}: entry ${v.entry}: ${v.reason}\n`);
        exit(1);
        return;
      }
      const signedBy = v.keyChecked ? `, every entry signed by key ${v.keyChecked}` : '';
      io.stdout(`${log}: intact, ${v.entries} entr${v.entries === 1 ? 'y' : 'ies'}, head ${v.head}${signedBy}\n`);
      if (!v.keyChecked) {
        const what = v.signed === 0 ? 'unsigned log' : `${v.signed} of ${v.entries} entries signed, but no --public-key to check them`;
        io.stderr(`leakguard: warning: ${what}: the chain proves the order of entries, not who wrote them (anyone who can write the file can rewrite it whole); compare the head with one recorded elsewhere (--head)\n`);
      }
      exit(0);
    });
  const keygen = new Command('keygen')
    .description('create an Ed25519 key pair for signing the evidence log (check --evidence-key / LEAKGUARD_EVIDENCE_KEY)')
    .requiredOption('--private-key <file>', 'where to write the private key (PEM, PKCS#8, mode 600); keep it in your CI secrets')
    .requiredOption('--public-key <file>', 'where to write the public key (PEM, SPKI) that `evidence verify --public-key` takes')
    .action((opts: { privateKey: string; publicKey: string }) => {
      for (const f of [opts.privateKey, opts.publicKey]) if (existsSync(f)) throw new InputError(`${f}: already exists; a key is never overwritten`);
      const { privatePem, publicPem } = newKeyPair();
      create(opts.publicKey, publicPem, 0o644);
      create(opts.privateKey, privatePem, 0o600);
      io.stdout(`key ${keyId(publicKey(opts.publicKey))}: private ${opts.privateKey}, public ${opts.publicKey}\n`);
      exit(0);
    });
  const out = { writeOut: io.stdout, writeErr: io.stderr };
  return new Command('evidence')
    .description('audit evidence written by `check --evidence`')
    .addCommand(verify.exitOverride().configureOutput(out))
    .addCommand(keygen.exitOverride().configureOutput(out));
}
