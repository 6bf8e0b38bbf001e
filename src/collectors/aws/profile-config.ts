/**
 * What the shared AWS config says about one profile: its region and its endpoint overrides.
 * SDK v3 reads `endpoint_url` from the config file only for the profile named by AWS_PROFILE, not
 * for a client's own `profile`, so wgo resolves endpoints itself in the order the AWS SDKs
 * document: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section,
 * the profile's `endpoint_url` (all ignored with `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`).
 */
import { loadSharedConfigFiles } from '@smithy/core/config';

/** The AWS services wgo calls, by their endpoint key (`AWS_ENDPOINT_URL_<KEY>`). */
export type AwsService = 'ec2' | 's3' | 'iam' | 'sts' | 'rds' | 'lambda';

/** A profile's region and per-service endpoints. */
export interface ProfileConfig {
  /** The config and credentials files it was read from. */
  readonly files: { configFilepath?: string; filepath?: string };
  readonly region: string | undefined;
  endpoint(service: AwsService): string | undefined;
}

type Section = Readonly<Record<string, string | undefined>>;

/** The shared files named by `env` (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), for the SDK's loaders. */
export function sharedFiles(env: NodeJS.ProcessEnv): { configFilepath?: string; filepath?: string } {
  return {
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  };
}

/** Reads one profile's section of the config and credentials files. */
export async function loadProfileConfig(profile: string, env: NodeJS.ProcessEnv): Promise<ProfileConfig> {
  const files = await loadSharedConfigFiles({ ...sharedFiles(env), ignoreCache: true });
  const section: Section = files.configFile[profile] ?? files.credentialsFile[profile] ?? {};
  const servicesName = section.services;
  const services: Section = servicesName ? (files.configFile[`services.${servicesName}`] ?? {}) : {};
  const ignoreConfigured =
    (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? section.ignore_configured_endpoint_urls) === 'true';
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? section.region;
  return {
    files: sharedFiles(env),
    region: region || undefined,
    endpoint(service) {
      if (ignoreConfigured) return undefined;
      return (
        env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] ||
        env.AWS_ENDPOINT_URL ||
        nestedEndpoint(services, service) ||
        section.endpoint_url ||
        undefined
      );
    },
  };
}

/** The `services` section nests per-service keys: `ec2 =\n  endpoint_url = ...` reads as `ec2.endpoint_url`. */
function nestedEndpoint(services: Section, service: AwsService): string | undefined {
  return services[`${service}.endpoint_url`];
}

/** Environment variables that point the SDK's default chain at credentials or a region. */
const DEFAULT_CHAIN_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];

/**
 * Whether the default chain has anything to go on: a variable above, or a `default` profile in
 * the shared files. (An instance role alone is found through AWS_REGION, which EC2 users set.)
 */
export async function hasDefaultConfiguration(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (DEFAULT_CHAIN_VARIABLES.some((name) => env[name])) return true;
  const files = await loadSharedConfigFiles({ ...sharedFiles(env), ignoreCache: true });
  return 'default' in files.configFile || 'default' in files.credentialsFile;
}
