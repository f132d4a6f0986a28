import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors';
import { isObject, readJson } from './read-file';
import type { ConfigDocument, Json, Loader } from './types';

/** A synthesized Terraform JSON config: has `resource`/`provider`/`terraform` blocks. */
export function looksLikeTerraformJson(json: unknown): json is Json {
  return isObject(json) && ('resource' in json || 'provider' in json || ('terraform' in json && !('format_version' in json)));
}

function checkConfig(file: string, json: unknown): Json {
  if (!looksLikeTerraformJson(json)) {
    throw new InputError(`${file}: not a Terraform JSON configuration (no resource, provider or terraform block)`);
  }
  if ('resource' in json && !isObject(json.resource)) throw new InputError(`${file}: "resource" must be an object`);
  return json;
}

/**
 * Stack name of a lone Terraform JSON file: its folder (the CDKTF stack's folder under
 * cdktf.out/stacks/, or the root module's), never the file's own name.
 */
function stackNameOf(file: string): string {
  return basename(dirname(resolve(file)));
}

export const cdktfJsonLoader: Loader = {
  format: 'cdktf-json',
  detect: (_path, isDir, json) => !isDir && looksLikeTerraformJson(json),
  async load(path, json) {
    const config = checkConfig(path, json ?? readJson(path));
    const doc: ConfigDocument = { kind: 'config', format: 'cdktf-json', stack: stackNameOf(path), file: path, config };
    return [doc];
  },
};

/** A `cdktf.out` folder: every stack its manifest lists, evaluated together. */
export const cdktfOutLoader: Loader = {
  format: 'cdktf-out',
  detect: (path, isDir) => isDir && existsSync(join(path, 'manifest.json')),
  async load(path) {
    const manifestPath = join(path, 'manifest.json');
    const manifest = readJson(manifestPath);
    if (!isObject(manifest) || !isObject(manifest.stacks)) {
      throw new InputError(`${manifestPath}: not a CDKTF manifest (no "stacks" object)`);
    }
    const stacks = Object.entries(manifest.stacks);
    if (stacks.length === 0) throw new InputError(`${manifestPath}: the manifest lists no stacks`);
    return stacks.map(([name, entry]): ConfigDocument => {
      if (!isObject(entry) || typeof entry.synthesizedStackPath !== 'string') {
        throw new InputError(`${manifestPath}: stack "${name}" has no synthesizedStackPath`);
      }
      const file = join(path, entry.synthesizedStackPath);
      const config = checkConfig(file, readJson(file, { within: path }));
      return { kind: 'config', format: 'cdktf-out', stack: name, file, config };
    });
  },
};
