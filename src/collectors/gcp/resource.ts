/**
 * The parts of a GCP `Resource` every kind shares: labels as tags, the redacted API object as
 * configuration, the project as account.
 */
import type { Resource } from '../../core/resource.ts';
import { redactConfiguration } from './redact.ts';

/** An API object as the JSON APIs return it. */
export type ApiObject = Readonly<Record<string, unknown>>;

/** What a kind's mapper decides; the rest is common. */
export interface ResourceFields {
  readonly uid: string;
  readonly type: string;
  readonly id: string;
  readonly name: string;
  readonly project: string;
  readonly region?: string | undefined;
  readonly zone?: string | undefined;
  /** The object's labels (`labels`, GKE's `resourceLabels`). */
  readonly labels?: unknown;
}

/** A string field of an API object, if it is one. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

/** The last segment of a URL or resource path: a zone's URL gives the zone. */
export function lastSegment(value: unknown): string | undefined {
  const path = text(value);
  return path?.slice(path.lastIndexOf('/') + 1) || undefined;
}

function tagsOf(labels: unknown): Record<string, string> {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return {};
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') tags[key] = value;
  return tags;
}

/** Builds the resource of an API object. */
export function gcpResource(fields: ResourceFields, item: ApiObject, observedAt: string): Resource {
  return {
    uid: fields.uid,
    provider: 'gcp',
    type: fields.type,
    id: fields.id,
    name: fields.name,
    account: fields.project,
    ...(fields.region ? { region: fields.region } : {}),
    ...(fields.zone ? { zone: fields.zone } : {}),
    tags: tagsOf(fields.labels),
    configuration: redactConfiguration(item),
    sources: ['gcp'],
    observedAt,
  };
}
