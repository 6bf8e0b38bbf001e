import assert from 'node:assert/strict';
import { test } from 'node:test';
import { S3_TYPE } from '../../../../src/collectors/aws/s3.ts';
import { LIST_KINDS } from '../../../../src/collectors/aws/scan.ts';
import { AWS_TYPES } from '../../../../src/collectors/aws/types.ts';

test('AWS_TYPES - the list known without loading the SDK is exactly what the collector produces', () => {
  assert.deepEqual([...AWS_TYPES].sort(), [...LIST_KINDS.map((kind) => kind.type), S3_TYPE].sort());
});
