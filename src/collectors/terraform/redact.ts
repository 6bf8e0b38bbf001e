/**
 * Secrets never leave a state entry (CONTRACT.md section 4). The rules, applied in this order to
 * a copy of the attributes:
 *
 * 1. Types that hold secrets under ordinary names: `kubernetes_secret(_v1)` `data` and
 *    `binary_data`, and a `kubernetes_manifest` Secret's `data` and `stringData`, keep their
 *    keys with every value redacted; a `kubectl_manifest` of kind Secret loses its YAML;
 *    `random_password` loses `result` and `bcrypt_hash`.
 * 2. Environments, in any type: `environment[].variables` (Lambda) and `environment_variables`
 *    maps keep their names with every value redacted; container `env[]` and CodeBuild
 *    `environment_variable[]` entries lose their literal `value` (`value_from` references stay).
 * 3. Every path Terraform marked sensitive (`sensitive_attributes`): the whole value there.
 * 4. Every attribute, block field or map key whose name is secret-looking (`isSecretName`), at
 *    any depth: the whole value (so GKE `master_auth`, `kube_config`, `password` go entirely).
 * 5. Every string holding a private key or a kubeconfig (`isSecretValue`), under any name.
 *
 * Rules 4 and 5 are every collector's (`redactSecrets` in src/core/redact.ts).
 *
 * A redacted value becomes the string "(redacted)"; null stays null (nothing to hide), while any
 * other value, empty strings and empty lists included, is redacted.
 */
import { isJsonObject, type JsonObject, keysOnly, redacted, redactSecrets } from '../../core/redact.ts';
import type { AttributePath } from './sensitive-paths.ts';

const KUBERNETES_SECRET_TYPES = new Set(['kubernetes_secret', 'kubernetes_secret_v1']);
const KUBERNETES_SECRET_MAPS = ['data', 'binary_data'];
const MANIFEST_SECRET_MAPS = ['data', 'stringData'];
const KUBECTL_MANIFEST_TEXTS = ['yaml_body', 'yaml_body_parsed', 'yaml_incluster', 'live_manifest_incluster'];
const RANDOM_PASSWORD_SECRETS = ['result', 'bcrypt_hash'];
/** Maps of environment variables, in any resource: names are kept, values redacted. */
const ENVIRONMENT_MAPS = new Set(['environment_variables', 'build_environment_variables']);
/** Lists of `{name, value}` environment entries, in any resource: `value` is redacted. */
const ENVIRONMENT_LISTS = new Set(['env', 'environment_variable']);

function redactFields(
  target: JsonObject,
  fields: readonly string[],
  redact: (value: unknown) => unknown,
): void {
  for (const field of fields) if (field in target) target[field] = redact(target[field]);
}

/** Rule 1: the types whose secrets sit under ordinary names. */
function redactSecretTypes(type: string, attributes: JsonObject): void {
  if (KUBERNETES_SECRET_TYPES.has(type)) redactFields(attributes, KUBERNETES_SECRET_MAPS, keysOnly);
  if (type === 'kubernetes_manifest') {
    for (const field of ['manifest', 'object']) {
      const manifest = attributes[field];
      if (isJsonObject(manifest) && manifest.kind === 'Secret')
        redactFields(manifest, MANIFEST_SECRET_MAPS, keysOnly);
    }
  }
  if (type === 'kubectl_manifest' && attributes.kind === 'Secret') {
    redactFields(attributes, KUBECTL_MANIFEST_TEXTS, redacted);
  }
  if (type === 'random_password') redactFields(attributes, RANDOM_PASSWORD_SECRETS, redacted);
}

/** Rule 2, in place, at any depth. */
function redactEnvironments(value: unknown): void {
  if (Array.isArray(value)) {
    for (const element of value) redactEnvironments(element);
    return;
  }
  if (!isJsonObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (ENVIRONMENT_MAPS.has(key)) {
      value[key] = keysOnly(child);
    } else if (key === 'environment') {
      for (const environment of Array.isArray(child) ? child : [child]) {
        if (isJsonObject(environment) && 'variables' in environment) {
          environment.variables = keysOnly(environment.variables);
        }
      }
    } else if (ENVIRONMENT_LISTS.has(key) && Array.isArray(child)) {
      for (const entry of child)
        if (isJsonObject(entry) && 'value' in entry) entry.value = redacted(entry.value);
    }
    redactEnvironments(value[key]);
  }
}

/**
 * Rule 3 for one path, in place. Where the path cannot go on (a key into a list, a step below
 * a scalar) the whole value reached so far is redacted; where the value is simply absent, there
 * is nothing to hide.
 */
function redactPath(attributes: JsonObject, path: AttributePath): void {
  if (path.length === 0) {
    for (const key of Object.keys(attributes)) attributes[key] = redacted(attributes[key]);
    return;
  }
  let parent: JsonObject | unknown[] = attributes;
  let key: string | number = String(path[0]);
  for (const step of path.slice(1)) {
    const value: unknown = (parent as Record<string | number, unknown>)[key];
    if (value === undefined || value === null) return;
    if (Array.isArray(value) && typeof step === 'number') {
      if (step >= value.length) return;
      parent = value;
      key = step;
    } else if (isJsonObject(value)) {
      if (!(String(step) in value)) return;
      parent = value;
      key = String(step);
    } else {
      break;
    }
  }
  const holder = parent as Record<string | number, unknown>;
  if (key in holder) holder[key] = redacted(holder[key]);
}

/** Whether rule 1 already covers a sensitive path: a Kubernetes Secret's data keep their keys. */
function coveredByTypeRule(type: string, path: AttributePath): boolean {
  return KUBERNETES_SECRET_TYPES.has(type) && KUBERNETES_SECRET_MAPS.includes(String(path[0]));
}

/**
 * A copy of a state entry's attributes with every secret replaced by "(redacted)", by the rules
 * above. The input is not modified.
 */
export function redactAttributes(
  type: string,
  attributes: Readonly<Record<string, unknown>>,
  sensitivePaths: readonly AttributePath[],
): Record<string, unknown> {
  const copy = structuredClone(attributes) as JsonObject;
  redactSecretTypes(type, copy);
  redactEnvironments(copy);
  for (const path of sensitivePaths) if (!coveredByTypeRule(type, path)) redactPath(copy, path);
  return redactSecrets(copy) as Record<string, unknown>;
}
