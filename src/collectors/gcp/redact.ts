/**
 * Secrets never leave a GCP API object (CONTRACT.md section 4). GKE `masterAuth` (basic-auth
 * password, client key and certificate, cluster CA) is replaced whole by "(redacted)" rather than
 * dropped, so a reader sees the field exists and that wgo hid it, as the Terraform collector does
 * with `master_auth`. Beyond that, the shared rules of `redactSecrets` apply at any depth.
 */
import { redactSecrets } from '../../core/redact.ts';

/** Fields that always hold secrets, whatever the shared name rules say. */
const ALWAYS_SECRET: ReadonlySet<string> = new Set(['masterAuth']);

/**
 * The API object with its secrets redacted, for `Resource.configuration`. Parts without secrets
 * are shared with the input, so neither may be modified afterwards.
 */
export function redactConfiguration(item: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactSecrets(item, ALWAYS_SECRET) as Record<string, unknown>;
}
