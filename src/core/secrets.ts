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
]);

/**
 * Names that contain a secret word but hold no secret. Redacting them would hide configuration
 * people need (EC2 `metadata_options.http_tokens` is the IMDSv2 setting, `required|optional`).
 */
const NOT_SECRETS = new Set([
  'http_tokens',
  'httptokens',
  'token_key_id',
  'password_last_used',
  'passwordlastused',
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
 * Whether a value stored under `name` must be redacted.
 *
 * @example isSecretName('master_password') === true; isSecretName('http_tokens') === false
 */
export function isSecretName(name: string): boolean {
  if (NOT_SECRETS.has(name.toLowerCase())) return false;
  const parts = words(name);
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] as string;
    if (SECRET_WORDS.has(word)) return true;
    if (i + 1 < parts.length && SECRET_PAIRS.has(`${word} ${parts[i + 1]}`)) return true;
  }
  return false;
}
