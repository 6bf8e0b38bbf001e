/**
 * Application Default Credentials, through google-auth-library (loaded on first use, so other
 * providers never pay for it): `GOOGLE_APPLICATION_CREDENTIALS` (a service-account key, an
 * authorized-user file or any other ADC file), gcloud's user credentials, then the metadata
 * server. Service-account keys sign their own JWTs (`useJWTAccessWithScope`): no token endpoint
 * is called, which Google supports for its APIs and which emulators accept.
 *
 * A credentials file that cannot be used is a `ConfigError` naming the file (exit code 2).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthClient } from 'google-auth-library';
import { ConfigError, describeError } from '../../core/errors.ts';

/** Read-only: the collector only lists. */
export const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';

/** Credentials ready to sign requests. */
export interface GcpCredentials {
  readonly client: AuthClient;
  /** Where they came from, for messages: a file, or the metadata server. */
  readonly source: string;
  /** Who they are, when the credentials say (a service account's email). */
  readonly principal?: string;
  /** The project the credentials name (a key's `project_id`, a user's quota project). */
  readonly project?: string;
}

/**
 * The ADC file google-auth-library will read, if any: the variable's, else gcloud's
 * `application_default_credentials.json` (under `CLOUDSDK_CONFIG`, `%APPDATA%\gcloud` on
 * Windows, `~/.config/gcloud` elsewhere). Known here only to name it in messages.
 */
export function credentialsFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GOOGLE_APPLICATION_CREDENTIALS) return env.GOOGLE_APPLICATION_CREDENTIALS;
  const dir =
    env.CLOUDSDK_CONFIG ||
    (process.platform === 'win32'
      ? env.APPDATA && join(env.APPDATA, 'gcloud')
      : env.HOME && join(env.HOME, '.config', 'gcloud'));
  const file = dir ? join(dir, 'application_default_credentials.json') : undefined;
  return file && existsSync(file) ? file : undefined;
}

/** The library's reason, without its preamble, as one short clause. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' || /does not exist, or it is not a file/.test(describeError(error))) {
    return 'no such file';
  }
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  if (code === 'ERR_OSSL_UNSUPPORTED' || /key must be a string/.test(describeError(error))) {
    return 'its private_key is not a usable PEM key';
  }
  return describeError(error)
    .replace(/^Unable to read the credential file specified by the \w+ environment variable: /, '')
    .replace(/^The incoming JSON object /, 'the file ');
}

function fileError(file: string, env: NodeJS.ProcessEnv, error: unknown): ConfigError {
  const via = env.GOOGLE_APPLICATION_CREDENTIALS === file ? 'GOOGLE_APPLICATION_CREDENTIALS ' : '';
  return new ConfigError(`GCP credentials ${via}${file}: ${reasonOf(error)}`, { file, cause: error });
}

/**
 * Loads the credentials the environment points at.
 *
 * @throws ConfigError when a credentials file cannot be used, or when there are none at all.
 */
export async function loadCredentials(env: NodeJS.ProcessEnv): Promise<GcpCredentials> {
  const { GoogleAuth, JWT } = await import('google-auth-library');
  const file = credentialsFile(env);
  const auth = new GoogleAuth({ scopes: [READ_ONLY_SCOPE] });
  // Set on GoogleAuth, which hands it to the client it makes (the client's own flag is overridden).
  auth.useJWTAccessWithScope = true;
  let client: AuthClient;
  try {
    client = await auth.getClient();
  } catch (error) {
    if (file) throw fileError(file, env, error);
    throw new ConfigError(
      'no GCP credentials: set GOOGLE_APPLICATION_CREDENTIALS, run `gcloud auth application-default login`, or run on Google Cloud',
      { cause: error },
    );
  }
  if (client instanceof JWT && file) {
    // A key signs locally: sign once now, so a broken key is one clear line, not an error per call.
    try {
      await client.getRequestHeaders();
    } catch (error) {
      throw fileError(file, env, error);
    }
  }
  const project = client.projectId || client.quotaProjectId || undefined;
  const principal = client instanceof JWT ? (client.email ?? undefined) : undefined;
  return {
    client,
    source: file ?? 'the metadata server',
    ...(principal ? { principal } : {}),
    ...(project ? { project } : {}),
  };
}
