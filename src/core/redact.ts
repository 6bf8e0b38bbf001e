/**
 * Redaction shared by every collector (CONTRACT.md section 4): a value under a secret-looking
 * name, or a string that is a private key or kubeconfig, becomes "(redacted)". Collectors add
 * their provider's own rules (Secret data, environment values) before calling these.
 */
import { REDACTED } from './resource.ts';
import { isSecretName, isSecretValue } from './secrets.ts';

/** A JSON-like object. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain object (not an array, a date or null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** "(redacted)" for any value but null and undefined (nothing to hide). */
export function redacted(value: unknown): unknown {
  return value === null || value === undefined ? value : REDACTED;
}

/** Keeps a map's keys and redacts its values; anything but a map is redacted whole. */
export function keysOnly(value: unknown): unknown {
  if (!isJsonObject(value)) return redacted(value);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redacted(entry)]));
}

/**
 * A redacted JSON copy of `value`: every field whose name is secret-looking (at any depth)
 * loses its whole value, every string holding a private key or kubeconfig is replaced, dates
 * become ISO strings and undefined fields are dropped. The input is not modified.
 */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === 'string') return isSecretValue(value) ? REDACTED : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    out[key] = isSecretName(key) ? redacted(child) : redactSecrets(child);
  }
  return out;
}
