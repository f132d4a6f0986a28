const HOUR = 3_600_000;

/** Hours between two instants, to one decimal. */
export function hoursBetween(from: string | Date, to: string | Date): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.round((ms / HOUR) * 10) / 10;
}

export function addHours(at: string | Date, hours: number): string {
  return new Date(new Date(at).getTime() + hours * HOUR).toISOString();
}

/** `31 h`, `3 d 4 h`, `< 1 h`. */
export function duration(hours: number): string {
  const h = Math.abs(hours);
  if (h < 1) return '< 1 h';
  if (h < 48) return `${Math.floor(h)} h`;
  const d = Math.floor(h / 24);
  const rest = Math.floor(h - d * 24);
  return rest ? `${d} d ${rest} h` : `${d} d`;
}

/** Chart and summary buckets of open drift by age. */
export const AGE_BUCKETS = ['< 24 h', '24–72 h', '3–7 d', '> 7 d'] as const;

export function ageBucket(hours: number): (typeof AGE_BUCKETS)[number] {
  if (hours < 24) return '< 24 h';
  if (hours < 72) return '24–72 h';
  if (hours < 168) return '3–7 d';
  return '> 7 d';
}

/** `--now`: an ISO 8601 instant with a time zone, so runs are reproducible anywhere. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
