import { Construct } from 'constructs';

/** Thrown at construction time when a caller asks a construct for something unsafe or invalid. */
export class UnsafeConfigError extends Error {
  constructor(where: Construct | string, message: string) {
    super(`${typeof where === 'string' ? where : where.node.path}: ${message}`);
    this.name = 'UnsafeConfigError';
  }
}

export function requireIntInRange(where: Construct, name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UnsafeConfigError(where, `${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

export function requireOneOf<T extends string>(where: Construct, name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new UnsafeConfigError(where, `${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function requireNonEmpty<T>(where: Construct, name: string, values: readonly T[] | undefined): readonly T[] {
  if (!values || values.length === 0) throw new UnsafeConfigError(where, `${name} must not be empty`);
  return values;
}
