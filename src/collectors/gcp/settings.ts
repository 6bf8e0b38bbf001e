/**
 * The GCP collector's settings (`providers.gcp` in the config file; `--project`, `--region` and
 * `--zone` on the command line), checked at the door, and the projects to scan when none is
 * named: `GOOGLE_CLOUD_PROJECT` (or the older `GCLOUD_PROJECT`), as Google's clients read it.
 */
import { ConfigError } from '../../core/errors.ts';

export interface GcpSettings {
  /** Projects named by `--project` or the config file; empty when none was. */
  readonly projects: readonly string[];
  /** `--region`: only the zones of these regions (and these regions' subnetworks, clusters). */
  readonly regions: readonly string[];
  /**
   * `--region` values that are no GCP region (`us-east-1`): the flag is shared with AWS, so a
   * scan of both clouds names regions of each. They are left out, and the collector says so.
   */
  readonly otherRegions: readonly string[];
  /** `--zone`: only these zones. */
  readonly zones: readonly string[];
}

/** Project ids: 6 to 30 lowercase letters, digits or hyphens (a few old ones carry `domain:`). */
const PROJECT = /^(?:[a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** `us-central1`, `europe-west4`, `me-central2`. */
const REGION = /^[a-z]+-[a-z]+\d+$/;
/** A region and a letter: `us-central1-a`. */
const ZONE = /^[a-z]+-[a-z]+\d+-[a-z]$/;

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new ConfigError(`gcp.${key} must be a list of strings`);
  }
  return [...new Set(list)];
}

function checked(list: string[], key: string, pattern: RegExp, what: string): string[] {
  for (const item of list) {
    if (!pattern.test(item)) throw new ConfigError(`gcp.${key}: "${item}" is not a GCP ${what}`);
  }
  return list;
}

/** Reads the settings from a `CollectorConfig.config` object. */
export function gcpSettings(config: Readonly<Record<string, unknown>> = {}): GcpSettings {
  const regions = stringList(config.regions, 'regions');
  return {
    projects: checked(stringList(config.projects, 'projects'), 'projects', PROJECT, 'project id'),
    regions: regions.filter((region) => REGION.test(region)),
    otherRegions: regions.filter((region) => !REGION.test(region)),
    zones: checked(stringList(config.zones, 'zones'), 'zones', ZONE, 'zone (such as us-central1-a)'),
  };
}

/** `us-central1-a` → `us-central1`. */
export function regionOfZone(zone: string): string {
  return zone.slice(0, zone.lastIndexOf('-'));
}

/** Whether a location is a zone (`us-central1-a`) rather than a region (`us-central1`). */
export function isZone(location: string): boolean {
  return ZONE.test(location);
}

/** The project named by the environment, if any. */
export function environmentProject(env: NodeJS.ProcessEnv): string | undefined {
  return env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT || undefined;
}
