/**
 * Reading a provider's own settings (`CollectorConfig.config`): the config file's section
 * overlaid with scope flags. Values come from YAML or flags, so each is checked at the door and a
 * bad one is a `ConfigError` naming the setting.
 */
import { ConfigError } from './errors.ts';

/**
 * A list of strings; a single string is a list of one, and an absent setting an empty list.
 *
 * @example stringListSetting('prod', 'kubernetes.contexts') // ['prod']
 */
export function stringListSetting(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new ConfigError(`${key} must be a list of strings`);
}

/** A string, or `undefined` when absent. */
export function stringSetting(value: unknown, key: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new ConfigError(`${key} must be a string`);
}
