/**
 * The AWS collector's settings (`providers.aws` in the config file; `--profile`, `--region`,
 * `--all-regions` on the command line), checked at the door.
 */
import { ConfigError } from '../../core/errors.ts';

export interface AwsSettings {
  /** One account each; empty: the default chain (AWS_PROFILE, env keys, SSO, instance role). */
  readonly profiles: readonly string[];
  /** Regions to scan; empty: the profile's region. */
  readonly regions: readonly string[];
  /** Every region the account has enabled (DescribeRegions). */
  readonly allRegions: boolean;
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...new Set(value)];
  throw new ConfigError(`aws.${key} must be a list of strings`);
}

/** Reads the settings from a `CollectorConfig.config` object. */
export function awsSettings(config: Readonly<Record<string, unknown>> = {}): AwsSettings {
  const allRegions = config.allRegions ?? false;
  if (typeof allRegions !== 'boolean') throw new ConfigError('aws.allRegions must be true or false');
  return {
    profiles: stringList(config.profiles, 'profiles'),
    regions: stringList(config.regions, 'regions'),
    allRegions,
  };
}
