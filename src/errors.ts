/** A problem the user can fix (bad path, bad file, bad config): exit 2 with one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
