/** Reading fields of the JSON the APIs return, whose shape is not trusted. */

/** An API object as the JSON APIs return it. */
export type ApiObject = Readonly<Record<string, unknown>>;

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string (or number) field as text, if it is one and not empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The last segment of a URL or resource path: a zone's URL gives the zone. */
export function lastSegment(value: unknown): string | undefined {
  const path = text(value);
  return path?.slice(path.lastIndexOf('/') + 1) || undefined;
}
