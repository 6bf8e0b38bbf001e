/**
 * Shape checks for the parsed state. A field of the wrong shape is a corrupt state: the error
 * names the field (`resources[3].instances[0].status`), never its value, which may be a secret.
 */
import { StateFormatError } from '../../core/errors.ts';
import { isJsonObject, type JsonObject } from '../../core/redact.ts';

export { isJsonObject, type JsonObject } from '../../core/redact.ts';

/** The `corrupt-state` error for the field at `where`. */
export function corrupt(where: string, problem: string): StateFormatError {
  return new StateFormatError('corrupt-state', `${where} ${problem}`);
}

/** A list field that may be absent or null (Terraform reads both as empty). */
export function optionalArray(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw corrupt(where, 'is not an array');
  return value;
}

/** An object field that may be absent or null. */
export function optionalObject(value: unknown, where: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw corrupt(where, 'is not an object');
  return value;
}

/** A string field that may be absent, null or empty. */
export function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw corrupt(where, 'is not a string');
  return value;
}

/** A string field that must be present and non-empty. */
export function requiredString(value: unknown, where: string): string {
  const text = optionalString(value, where);
  if (text === undefined) throw corrupt(where, 'is missing or empty');
  return text;
}
