/**
 * Finding and reading the config file. The YAML parser and schema validator load only when a
 * file exists, so a scan without one does not pay for them at start-up.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.ts';
import type { WgoConfig } from './config-types.ts';

/** Where the config file is looked for, and whether it must exist. */
export interface ConfigLocation {
  readonly path: string;
  /** True when the user named the file (`--config`, `WGO_CONFIG`): then it must exist. */
  readonly explicit: boolean;
}

/** `--config`, else `WGO_CONFIG`, else `$WGO_HOME/config.yaml` (`~/.wgo/config.yaml`). */
export function configLocation(flag: string | undefined, env: NodeJS.ProcessEnv): ConfigLocation {
  if (flag) return { path: flag, explicit: true };
  if (env.WGO_CONFIG) return { path: env.WGO_CONFIG, explicit: true };
  return { path: join(wgoHome(env), 'config.yaml'), explicit: false };
}

/** `WGO_HOME`, default `~/.wgo`. */
export function wgoHome(env: NodeJS.ProcessEnv): string {
  return env.WGO_HOME || join(homedir(), '.wgo');
}

/** Reads the config at `location`; a missing default file is an empty config. */
export async function loadConfig(location: ConfigLocation): Promise<WgoConfig> {
  let text: string;
  try {
    text = await readFile(location.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !location.explicit) return {};
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new ConfigError(`${location.path}: cannot read config file: ${reason}`, { file: location.path });
  }
  const { parseConfig } = await import('./parse-config.ts');
  return parseConfig(text, location.path);
}
