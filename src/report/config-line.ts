import type { ConfigUsed } from '../types/decision';

/** Which config a run used, in words; undefined for a decision not made by `check`. */
export function configLine(c: ConfigUsed | undefined): string | undefined {
  if (!c) return undefined;
  switch (c.origin) {
    case 'option':
      return `config: ${c.file} (--config)`;
    case 'discovered':
      return `config: ${c.file} (discovered)`;
    case 'disabled':
      return 'config: none (disabled), policy defaults';
    default:
      return 'config: none found (no leakguard.config.json, .leakguard.json or YAML equivalent up to the repository root), policy defaults';
  }
}
