/**
 * The config file (`--config`, `WGO_CONFIG`, default `$WGO_HOME/config.yaml`): defaults for the
 * scan flags and per-provider settings. Flags override it. `config-schema.ts` is the same shape
 * as a JSON Schema, which validates the file.
 */

/** A token bucket for one API service: requests per second and the burst allowed above it. */
export interface RateLimitSetting {
  readonly ratePerSecond: number;
  readonly burst?: number;
}

/** Settings every provider section accepts. */
export interface ProviderSettings {
  /** API calls in flight inside the provider (`--api-concurrency`). */
  readonly apiConcurrency?: number;
  /** Rate limits by API service name (`ec2`, `compute`, `core`...). */
  readonly rateLimits?: Readonly<Record<string, RateLimitSetting>>;
}

export interface AwsSettings extends ProviderSettings {
  readonly profiles?: readonly string[];
  readonly regions?: readonly string[];
  readonly allRegions?: boolean;
}

export interface GcpSettings extends ProviderSettings {
  readonly projects?: readonly string[];
  /** Only the zones of these regions, for zonal and regional resources. */
  readonly regions?: readonly string[];
  /** Only these zones, for zonal resources. */
  readonly zones?: readonly string[];
}

export interface KubernetesSettings extends ProviderSettings {
  readonly kubeconfig?: string;
  readonly contexts?: readonly string[];
  readonly namespaces?: readonly string[];
}

export interface TerraformSettings extends ProviderSettings {
  /** Directories searched for `*.tfstate`. */
  readonly paths?: readonly string[];
  /** State files, globs or URLs. */
  readonly states?: readonly string[];
}

/** Defaults for `wgo scan` flags. */
export interface ScanDefaults {
  readonly concurrent?: boolean;
  readonly maxWorkers?: number;
  /** Go-style duration, e.g. `5m`. */
  readonly scanTimeout?: string;
  readonly failOnError?: boolean;
  readonly skipMerging?: boolean;
  readonly preferredOrder?: readonly string[];
  readonly output?: 'table' | 'json' | 'yaml' | 'ndjson';
  readonly types?: readonly string[];
  readonly excludeTypes?: readonly string[];
}

/** The whole config file. */
export interface WgoConfig {
  readonly scan?: ScanDefaults;
  readonly providers?: {
    readonly aws?: AwsSettings;
    readonly gcp?: GcpSettings;
    readonly kubernetes?: KubernetesSettings;
    readonly terraform?: TerraformSettings;
  };
}
