/**
 * Redaction shared by every collector (CONTRACT.md section 4): a value under a secret-looking
 * name, or a string that is a private key or kubeconfig, becomes "(redacted)". Collectors add
 * their provider's own rules (Secret data, environment values, fields always secret) around it.
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
 * Field names repeat in every object of a page, so their verdicts are remembered. Bounded: label
 * and tag keys are the user's own and could be many.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

function isSecretField(key: string): boolean {
  let secret = verdicts.get(key);
  if (secret === undefined) {
    secret = isSecretName(key);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, secret);
  }
  return secret;
}

/**
 * `value` with every field whose name is secret-looking (at any depth, plus the names in
 * `alwaysSecret`) and every string holding a private key or kubeconfig replaced by
 * "(redacted)", and dates (SDKs parse timestamps) as ISO strings. The input is not modified, but parts without a secret (nearly all of an API
 * object) are shared with it rather than copied, which saves most of the mapping time of a large
 * page: callers must not modify either afterwards.
 */
export function redactSecrets(value: unknown, alwaysSecret?: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return isSecretValue(value) ? REDACTED : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const element = value[index];
      const clean = redactSecrets(element, alwaysSecret);
      if (clean === element) continue;
      copy ??= [...value];
      copy[index] = clean;
    }
    return copy ?? value;
  }
  if (!isJsonObject(value)) return value;
  let copy: JsonObject | undefined;
  for (const key in value) {
    const child = value[key];
    const secret = alwaysSecret?.has(key) || isSecretField(key);
    const clean = secret ? redacted(child) : redactSecrets(child, alwaysSecret);
    if (clean === child) continue;
    copy ??= { ...value };
    copy[key] = clean;
  }
  return copy ?? value;
}
