/* Generated from schemas/config.schema.json by scripts/gen-types.ts. Do not edit. */

/**
 * The user's config file (--config, JSON). `policy` overrides the policy's default thresholds and maps key by key; `waivers` are exceptions with a reason, an owner and an expiry.
 */
export interface LeakguardConfig {
  $schema?: string;
  /**
   * Policy data: thresholds, environment maps, enforcement overrides. See docs/configuration.md for keys and defaults.
   */
  policy?: {
    [k: string]: unknown;
  };
  waivers?: {
    rule: string;
    /**
     * Resource key (`stack/address`) or address; `*` globs.
     */
    resource: string;
    /**
     * Must say something: at least 10 characters.
     */
    reason: string;
    owner: string;
    expires: string;
    ticket?: string;
  }[];
}
