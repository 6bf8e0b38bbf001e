/**
 * `sensitive_attributes` of a v4 instance (Terraform 0.15+, OpenTofu): the paths of the values
 * Terraform marked sensitive. Each path is a list of steps, as `cty` serialises them:
 *
 * - `{"type": "get_attr", "value": "password"}`: an attribute;
 * - `{"type": "index", "value": {"value": 0, "type": "number"}}`: a list position or map key,
 *   the key as a typed cty JSON value (a bare key is accepted too).
 *
 * A step that names no position in the JSON form ends the path there, so the whole value at
 * that point is redacted: an index into a set (its key is the element itself, an object), or
 * a step type this reader does not know (a newer encoding). Over-redacting is the safe failure.
 */
import { corrupt, isJsonObject } from './json-shape.ts';

/** A path into nested attributes: object keys and map keys are strings, list positions numbers. */
export type AttributePath = readonly (string | number)[];

/** The index key of an `index` step, or `undefined` when it names no JSON position. */
function indexKey(value: unknown): string | number | undefined {
  const key = isJsonObject(value) && 'value' in value ? value.value : value;
  if (typeof key === 'string') return key;
  if (typeof key === 'number' && Number.isInteger(key) && key >= 0) return key;
  return undefined;
}

function readPath(steps: readonly unknown[]): AttributePath {
  const path: (string | number)[] = [];
  for (const step of steps) {
    if (!isJsonObject(step)) break;
    if (step.type === 'get_attr' && typeof step.value === 'string') {
      path.push(step.value);
      continue;
    }
    const key = step.type === 'index' ? indexKey(step.value) : undefined;
    if (key === undefined) break;
    path.push(key);
  }
  return path;
}

/**
 * Reads `sensitive_attributes` (absent or null in states before Terraform 0.15: no paths).
 * An empty path means every attribute.
 */
export function readSensitivePaths(value: unknown, where: string): AttributePath[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw corrupt(where, 'is not an array');
  return value.map((steps, i) => {
    if (!Array.isArray(steps)) throw corrupt(`${where}[${i}]`, 'is not a list of path steps');
    return readPath(steps);
  });
}
