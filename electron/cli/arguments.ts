import { isIsoDate } from '../../shared/domain/dates';
import { usageError } from './cli-error';
import type { CommandInput } from './command';

/** Typed readers for parsed options: each refuses a bad value with a sentence that names the flag. */

export function text(input: CommandInput, name: string): string | undefined {
  const v = input.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(input: CommandInput, name: string): boolean {
  return input.options[name] === true;
}

export function list(input: CommandInput, name: string): string[] {
  const v = input.options[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function date(input: CommandInput, name: string): string | undefined {
  const v = text(input, name);
  if (v !== undefined && !isIsoDate(v)) throw usageError(`--${name} "${v}" is not a date: write a real day as YYYY-MM-DD.`);
  return v;
}

export function positiveInt(input: CommandInput, name: string): number | undefined {
  const v = text(input, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw usageError(`--${name} "${v}" is not a whole number of 1 or more.`);
  return Number(v);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw usageError(`${what} "${value}" is not one of: ${allowed.join(', ')}.`);
  return value as T;
}

/** An empty value clears a text field (`--credit ""`); absent leaves it as it is. */
export function clearable(input: CommandInput, name: string): string | null | undefined {
  const v = text(input, name);
  return v === undefined ? undefined : v.trim() === '' ? null : v;
}
