/**
 * The shared real-world fixtures live beside the repository (`../shared/fixtures`), which a
 * user's clone does not have: tests that need them skip with a printed reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TFSTATE_REAL = fileURLToPath(new URL('../../../shared/fixtures/tfstate-real/', import.meta.url));

export const FIXTURES_MISSING = existsSync(`${TFSTATE_REAL}manifest.json`)
  ? undefined
  : `shared fixtures not found at ${TFSTATE_REAL} (only in the project workspace, not in a clone)`;

/** One manifest entry of tfstate-real. */
export interface FixtureManifestEntry {
  readonly file: string;
  readonly format_version: number;
  readonly managed_instances: number;
  readonly data_instances: number;
  readonly resource_types: Readonly<Record<string, number>>;
  readonly redacted_fields: number;
}

export function fixtureManifest(): FixtureManifestEntry[] {
  return JSON.parse(readFileSync(`${TFSTATE_REAL}manifest.json`, 'utf8')) as FixtureManifestEntry[];
}
