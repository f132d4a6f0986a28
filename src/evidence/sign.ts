import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { InputError } from '../errors';
import { sha256 } from '../evaluate/manifest';
import { readText } from '../load/read-file';

/** Where `check --evidence` finds the signing key: PEM text, or a file holding it. */
export const KEY_ENV = 'LEAKGUARD_EVIDENCE_KEY';
export const KEY_FILE_ENV = 'LEAKGUARD_EVIDENCE_KEY_FILE';

// Signed bytes: a label (so a signature over an entry hash is never valid for anything else) and the hash.
const message = (hash: string): Buffer => Buffer.from(`leakguard-evidence-entry\n${hash}`, 'utf8');

function ed25519(key: KeyObject, where: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new InputError(`${where}: an Ed25519 key is needed, got ${key.asymmetricKeyType ?? 'a symmetric key'}`);
  return key;
}

function parse<T>(where: string, what: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${where}: not a PEM ${what} (create one with \`leakguard evidence keygen\`)`);
  }
}

/** The signing key from --evidence-key, LEAKGUARD_EVIDENCE_KEY(_FILE), or null: the log is then unsigned. */
export function signingKey(file?: string, env: NodeJS.ProcessEnv = process.env): KeyObject | null {
  if (file !== undefined) return parse(file, 'Ed25519 private key', () => ed25519(createPrivateKey(readText(file)), file));
  // An unset CI secret arrives as an empty variable: that is "no key", not a bad one.
  if (env[KEY_ENV]?.trim()) return parse(KEY_ENV, 'Ed25519 private key', () => ed25519(createPrivateKey(env[KEY_ENV]!), KEY_ENV));
  const f = env[KEY_FILE_ENV];
  if (f?.trim()) return parse(`${KEY_FILE_ENV} ${f}`, 'Ed25519 private key', () => ed25519(createPrivateKey(readText(f)), `${KEY_FILE_ENV} ${f}`));
  return null;
}

export function publicKey(file: string): KeyObject {
  return parse(file, 'Ed25519 public key', () => ed25519(createPublicKey(readText(file)), file));
}

/** Short id of a public key: sha256 of its DER, so an entry names the key that signed it. */
export function keyId(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return sha256(pub.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

export function signHash(key: KeyObject, hash: string): string {
  return sign(null, message(hash), key).toString('base64');
}

export function verifyHash(key: KeyObject, hash: string, signature: string): boolean {
  try {
    return verify(null, message(hash), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function newKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey: pub } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: pub.export({ type: 'spki', format: 'pem' }).toString() };
}
