/**
 * The Terraform collector's settings (`providers.terraform` in the config file, `--path` and
 * `--state` on the command line), checked at the door.
 */
import { ConfigError } from '../../core/errors.ts';

export interface TerraformSettings {
  /** Directories searched for `*.tfstate`. Default `['.']` when no state is named. */
  readonly paths: readonly string[];
  /** State files, globs or http(s) URLs. */
  readonly states: readonly string[];
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new ConfigError(`terraform.${key} must be a list of strings`);
}

/** Reads the settings from a `CollectorConfig.config` object. */
export function terraformSettings(config: Readonly<Record<string, unknown>> = {}): TerraformSettings {
  const states = stringList(config.states, 'states');
  const paths = stringList(config.paths, 'paths');
  return { paths: paths.length > 0 || states.length > 0 ? paths : ['.'], states };
}
