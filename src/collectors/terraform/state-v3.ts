/**
 * The legacy state format version 3 (Terraform 0.7 to 0.11): `modules[]`, each with a `path`
 * (`["root", "a", "b"]`) and a `resources` map keyed `TYPE.NAME`, `TYPE.NAME.INDEX`,
 * `data.TYPE.NAME` or `data.TYPE.NAME.INDEX`, whose values hold a `primary` object (flatmap
 * `attributes`, `tainted`) and a `deposed` list.
 */
import { instanceAddress, legacyModuleAddress } from './address.ts';
import { unflatten } from './flatmap.ts';
import { corrupt, isJsonObject, type JsonObject, optionalArray, optionalObject } from './json-shape.ts';
import type { StateEntry } from './state-entries.ts';

/** A v3 resource key, parsed as Terraform 0.12's upgrade parses it. */
interface LegacyKey {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  readonly index?: number;
}

interface InstanceHeader {
  readonly module: string;
  readonly key: LegacyKey;
  readonly address: string;
}

/**
 * `local_file.data.0` is the managed resource named `data`: a key is a data source only when it
 * has three or more parts and the first is `data`.
 */
function parseLegacyKey(key: string, where: string): LegacyKey {
  const parts = key.split('.');
  const data = parts.length > 2 && parts[0] === 'data';
  const rest = data ? parts.slice(1) : parts;
  const [type, name, index] = rest;
  if (rest.length < 2 || rest.length > 3 || !type || !name || (index !== undefined && !/^\d+$/.test(index))) {
    throw corrupt(where, `has an invalid resource key ${JSON.stringify(key.slice(0, 200))}`);
  }
  return index === undefined ? { data, type, name } : { data, type, name, index: Number(index) };
}

function readModulePath(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value[0] !== 'root' || !value.every((step) => typeof step === 'string')) {
    throw corrupt(where, 'is not a module path starting with "root"');
  }
  return value;
}

/** Flatmap leaves are strings; scalars written by hand are accepted as their string form. */
function readFlatAttributes(value: JsonObject, where: string): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, leaf] of Object.entries(value)) {
    if (leaf === null || typeof leaf === 'object') throw corrupt(where, 'holds a value that is not a string');
    flat[key] = String(leaf);
  }
  return flat;
}

function readInstance(
  header: InstanceHeader,
  value: unknown,
  where: string,
  deposedKey?: string,
): StateEntry {
  if (!isJsonObject(value)) throw corrupt(where, 'is not an object');
  const flat = optionalObject(value.attributes, `${where}.attributes`);
  const attributes = flat ? unflatten(readFlatAttributes(flat, `${where}.attributes`)) : {};
  // Terraform's own upgrade keeps the first-class id when the attributes lack one.
  if ((attributes.id === undefined || attributes.id === '') && typeof value.id === 'string' && value.id) {
    attributes.id = value.id;
  }
  const { key } = header;
  return {
    address: header.address,
    module: header.module,
    mode: 'managed',
    type: key.type,
    name: key.name,
    ...(key.index === undefined ? {} : { indexKey: key.index }),
    tainted: value.tainted === true,
    ...(deposedKey === undefined ? {} : { deposedKey }),
    attributes,
    sensitivePaths: [],
  };
}

/** The managed instance objects of a version 3 state, in file order. */
export function readV3Entries(state: JsonObject): StateEntry[] {
  const entries: StateEntry[] = [];
  const seen = new Set<string>();
  optionalArray(state.modules, '"modules"').forEach((module, i) => {
    const where = `modules[${i}]`;
    if (!isJsonObject(module)) throw corrupt(where, 'is not an object');
    const modulePath = legacyModuleAddress(readModulePath(module.path, `${where}.path`));
    const resources = optionalObject(module.resources, `${where}.resources`) ?? {};
    for (const [rawKey, resource] of Object.entries(resources)) {
      const key = parseLegacyKey(rawKey, `${where}.resources`);
      if (key.data) continue;
      const address = instanceAddress(modulePath, key.type, key.name, key.index);
      const at = `${where}.resources[${JSON.stringify(rawKey)}]`;
      if (!isJsonObject(resource)) throw corrupt(at, 'is not an object');
      if (seen.has(address)) throw corrupt(at, `holds ${address} a second time`);
      seen.add(address);
      const header: InstanceHeader = { module: modulePath, key, address };
      if (resource.primary !== undefined && resource.primary !== null) {
        entries.push(readInstance(header, resource.primary, `${at}.primary`));
      }
      optionalArray(resource.deposed, `${at}.deposed`).forEach((deposed, j) => {
        // Terraform's upgrade to v4 numbers v3's deposed objects this way, from 1.
        const deposedKey = (j + 1).toString(16).padStart(8, '0');
        entries.push(readInstance(header, deposed, `${at}.deposed[${j}]`, deposedKey));
      });
    }
  });
  return entries;
}
