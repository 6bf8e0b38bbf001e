/**
 * Where each GCP API is: Google's hosts, or one base URL for all of them (`WGO_GCP_ENDPOINT`,
 * for emulators and proxies; the paths stay those of googleapis.com), and Cloud Storage's own
 * emulator variable `STORAGE_EMULATOR_HOST`, which wins for Storage as it does in Google's
 * clients.
 */
import { ConfigError } from '../../core/errors.ts';

/** The APIs the collector calls; also the rate limiter's service names. */
export type GcpService = 'compute' | 'storage' | 'container' | 'iam';

/** The base URL of each API, without a trailing slash. */
export type Endpoints = Readonly<Record<GcpService, string>>;

const GOOGLE: Endpoints = {
  compute: 'https://compute.googleapis.com',
  storage: 'https://storage.googleapis.com',
  container: 'https://container.googleapis.com',
  iam: 'https://iam.googleapis.com',
};

function baseUrl(value: string, variable: string): string {
  // Emulator hosts are often given bare (`localhost:4443`); they speak plain HTTP, as Google's Go
  // and Python clients assume.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`${variable}: "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${variable}: "${value}" must be an http or https URL`);
  }
  return withScheme.replace(/\/+$/, '');
}

/** The endpoints the environment asks for. */
export function gcpEndpoints(env: NodeJS.ProcessEnv): Endpoints {
  const all = env.WGO_GCP_ENDPOINT ? baseUrl(env.WGO_GCP_ENDPOINT, 'WGO_GCP_ENDPOINT') : undefined;
  const storage = env.STORAGE_EMULATOR_HOST
    ? // Some set the variable with the API's path already on it; the collector adds the path.
      baseUrl(env.STORAGE_EMULATOR_HOST, 'STORAGE_EMULATOR_HOST').replace(/\/storage\/v1$/, '')
    : undefined;
  return {
    compute: all ?? GOOGLE.compute,
    storage: storage ?? all ?? GOOGLE.storage,
    container: all ?? GOOGLE.container,
    iam: all ?? GOOGLE.iam,
  };
}
