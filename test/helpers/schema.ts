/**
 * Validating snapshots against the JSON Schemas in `schema/`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const snapshot = ajv.compile(load('snapshot.schema.json'));
const snapshotSet = ajv.compile(load('snapshot-set.schema.json'));

/** Asserts that `value` is a valid `wgo.snapshot/v1`. */
export function assertValidSnapshot(value: unknown): void {
  assert.ok(snapshot(value), `snapshot does not match the schema: ${ajv.errorsText(snapshot.errors)}`);
}

/** Asserts that `value` is a valid `wgo.snapshot-set/v1`. */
export function assertValidSnapshotSet(value: unknown): void {
  assert.ok(
    snapshotSet(value),
    `snapshot set does not match the schema: ${ajv.errorsText(snapshotSet.errors)}`,
  );
}
