/**
 * Reading single values out of (redacted) attributes. Redacted and empty values count as absent,
 * so nothing derived from them (a uid, a name) can carry "(redacted)" or a secret.
 */
import { REDACTED } from '../../core/resource.ts';
import { isJsonObject, type JsonObject } from './json-shape.ts';

/** A non-empty string that is not a redacted value. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== REDACTED ? value : undefined;
}

/**
 * A nested block: an object, or the first object of a list, which is how the plugin SDK stores a
 * block of at most one (`metadata[0]`, `master_auth[0]`).
 */
export function block(value: unknown): JsonObject | undefined {
  if (isJsonObject(value)) return value;
  if (Array.isArray(value) && isJsonObject(value[0])) return value[0];
  return undefined;
}

/** The last segment of a value that may be a name or a URL (`zones/us-central1-a`, a self link). */
export function lastSegment(value: unknown): string | undefined {
  const full = text(value);
  return full?.slice(full.lastIndexOf('/') + 1) || undefined;
}
