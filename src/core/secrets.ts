/**
 * What counts as a secret when a provider hands us a value under a name (CONTRACT.md section 4).
 * One rule for every collector and for the logger, so "secret-looking" means the same everywhere.
 */

/** Words that make a field name secret-looking when they appear as a word of the name. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'credentials',
  'privatekey',
  'accesskey',
  'secretkey',
  'apikey',
  'clientkey',
  'authorization',
  'kubeconfig',
  'sas',
  'sessiontoken',
]);

/** Pairs of adjacent words that form a secret name (`private_key`, `client_key`, ...). */
const SECRET_PAIRS = new Set([
  'private key',
  'access key',
  'secret key',
  'api key',
  'client key',
  'kube config',
  'master auth',
  'connection string',
  // A customer-supplied encryption key in clear (GCP `disk_encryption_key_raw`, `raw_key`).
  'key raw',
  'raw key',
  // Helm's `set_sensitive` values.
  'set sensitive',
]);

/**
 * Names that contain a secret word but hold no secret. Redacting them would hide configuration
 * people need (EC2 `metadata_options.http_tokens` is the IMDSv2 setting, `required|optional`;
 * then switches, then references to a secret by name).
 */
const NOT_SECRETS = new Set([
  'http_tokens',
  'httptokens',
  'token_key_id',
  'password_last_used',
  'passwordlastused',
  'get_password_data',
  'manage_master_user_password',
  'disable_password_authentication',
  'password_reset_required',
  'pass_credentials',
  'enable_binary_authorization',
  // Kubernetes references to a Secret by name (CONTRACT.md: valueFrom references are fine).
  'secret_key_ref',
  'secretkeyref',
  'secret_ref',
  'secretref',
  'secret_name',
  'secretname',
  'image_pull_secrets',
  'imagepullsecrets',
]);

/** Splits `clientSecretKey`, `client_secret_key`, `client-secret.key` into lowercase words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Verdicts already reached, by name. Redaction asks about every field of every object, and the
 * same few hundred field names come back each time (splitting them dominated a Kubernetes
 * scan's CPU); the cap keeps user-chosen names (labels, map keys) from growing it without end.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

/**
 * Whether a value stored under `name` must be redacted.
 *
 * @example isSecretName('master_password') === true; isSecretName('http_tokens') === false
 */
export function isSecretName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    if (verdicts.size < MAX_VERDICTS) verdicts.set(name, verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  if (NOT_SECRETS.has(name.toLowerCase())) return false;
  const parts = words(name);
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] as string;
    if (SECRET_WORDS.has(word)) return true;
    if (i + 1 < parts.length && SECRET_PAIRS.has(`${word} ${parts[i + 1]}`)) return true;
  }
  return false;
}

/** A PEM private key of any kind: RSA, EC, OPENSSH, ENCRYPTED, PKCS#8, PGP. */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/;
/** A kubeconfig in YAML: a `kind: Config` line beside a `clusters:` or `users:` section. */
const KUBECONFIG_YAML = /^\s*kind:\s*["']?Config["']?\s*$/m;
const KUBECONFIG_YAML_SECTION = /^\s*(?:clusters|users):/m;
/** A kubeconfig in JSON. */
const KUBECONFIG_JSON = /"kind"\s*:\s*"Config"/;
const KUBECONFIG_JSON_SECTION = /"(?:clusters|users)"\s*:/;
/** How base64 of `-----BEGIN ` and of `apiVersion` start: the forms kubeconfigs embed. */
const BASE64_PREFIXES = ['LS0tLS1CRUdJTi', 'YXBpVmVyc2lvbj'];
/** Enough decoded text to see a PEM header or a kubeconfig's first lines. */
const BASE64_SNIFF_CHARS = 8192;

function holdsSecretText(text: string): boolean {
  if (PEM_PRIVATE_KEY.test(text)) return true;
  if (KUBECONFIG_YAML.test(text) && KUBECONFIG_YAML_SECTION.test(text)) return true;
  return KUBECONFIG_JSON.test(text) && KUBECONFIG_JSON_SECTION.test(text);
}

/**
 * Whether a value is a secret whatever name it is stored under: a PEM private key or a kubeconfig,
 * in clear or base64-encoded (as kubeconfigs embed keys and as providers store them).
 *
 * @example isSecretValue('-----BEGIN RSA PRIVATE KEY-----\n...') === true
 */
export function isSecretValue(value: string): boolean {
  if (holdsSecretText(value)) return true;
  const trimmed = value.trimStart();
  if (!BASE64_PREFIXES.some((prefix) => trimmed.startsWith(prefix))) return false;
  const head = trimmed.slice(0, BASE64_SNIFF_CHARS);
  // Cut to a whole number of base64 quads so the decoded head is exact.
  const decoded = Buffer.from(head.slice(0, head.length - (head.length % 4)), 'base64').toString('utf8');
  return holdsSecretText(decoded);
}
