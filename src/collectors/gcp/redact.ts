/**
 * Secrets never leave a GCP API object (CONTRACT.md section 4). GKE `masterAuth` (basic-auth
 * password, client key and certificate, cluster CA) is replaced whole by "(redacted)" rather than
 * dropped, so a reader sees the field exists and that wgo hid it, as the Terraform collector does
 * with `master_auth`. Beyond that, the shared rules apply at any depth: a field with a
 * secret-looking name loses its value, and so does any string holding a private key or a
 * kubeconfig.
 */
import { REDACTED } from '../../core/resource.ts';
import { isSecretName, isSecretValue } from '../../core/secrets.ts';
import { isObject } from './json.ts';

/** Fields that always hold secrets, whatever the shared name rules say. */
const ALWAYS_SECRET = new Set(['masterAuth']);

/**
 * Field names repeat in every object of a list, so their verdicts are remembered (bounded: label
 * keys are the user's own and could be many).
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

function isSecretField(key: string): boolean {
  let secret = verdicts.get(key);
  if (secret === undefined) {
    secret = ALWAYS_SECRET.has(key) || isSecretName(key);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, secret);
  }
  return secret;
}

/**
 * `value` with its secrets redacted. Copies only what changes: the parts without a secret (nearly
 * all of an API object) are shared, which saves most of the mapping time of a large page.
 */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return isSecretValue(value) ? REDACTED : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((element, index) => {
      const redacted = redactValue(element);
      if (redacted === element) return;
      copy ??= [...value];
      copy[index] = redacted;
    });
    return copy ?? value;
  }
  if (!isObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const child = value[key];
    const redacted = isSecretField(key) && child !== null ? REDACTED : redactValue(child);
    if (redacted === child) continue;
    copy ??= { ...value };
    copy[key] = redacted;
  }
  return copy ?? value;
}

/**
 * The API object with its secrets redacted, for `Resource.configuration`. The input is not
 * modified; parts without secrets are shared with it, so the caller must not modify it either.
 */
export function redactConfiguration(item: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactValue(item) as Record<string, unknown>;
}
