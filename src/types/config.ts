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
  /**
   * How many consumer records each store holds, for exposure-ranked reports (records at risk and the Cal. Civ. Code §1798.150 statutory damages estimate).
   */
  exposure?: {
    /**
     * Tag whose value is the store's number of consumer records (default record-count).
     */
    record_count_tag?: string;
    /**
     * Resource key (stack/address) or address → number of consumer records; wins over the tag.
     */
    records?: {
      [k: string]: number;
    };
  };
  /**
   * Scheduled drift over a whole estate (`leakguard drift stacks`, docs/drift.md#a-whole-estate).
   */
  drift?: {
    /**
     * Terraform root modules (HCL folders) each checked in its own CI job, besides the stacks of the cdktf.out folders given to `leakguard drift stacks`.
     */
    roots?: {
      /**
       * The root module's folder, relative to the config file.
       */
      dir: string;
      /**
       * The stack's name (default: the folder's own name, as `leakguard check` names it); must be unique over the estate.
       */
      name?: string;
    }[];
  };
  /**
   * Longest a waiver may run: its expiry may be at most this many days after today (--today). Default: one year (the same date next year).
   */
  waiver_max_days?: number;
  waivers?: {
    rule: string;
    /**
     * Resource key (`stack/address`) or address; `*` globs.
     */
    resource: string;
    /**
     * Must say something: at least 10 characters besides spaces.
     */
    reason: string;
    /**
     * Not blank.
     */
    owner: string;
    /**
     * A real calendar date YYYY-MM-DD, at most waiver_max_days (default a year) after today.
     */
    expires: string;
    /**
     * Not blank when given.
     */
    ticket?: string;
  }[];
}
