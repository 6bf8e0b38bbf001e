import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, parseDuration } from '../../../src/core/duration.ts';

test('parseDuration() - Go-style units and compounds', () => {
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('5m'), 300_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('0'), 0);
});

test('parseDuration() - rejects what Go rejects', () => {
  for (const bad of ['', '5', 'm', '5 m', '-5s', '5x', '1h30', 'abc']) {
    assert.equal(parseDuration(bad), undefined, bad);
  }
});

test('formatDuration() - readable at every scale', () => {
  assert.equal(formatDuration(850), '850ms');
  assert.equal(formatDuration(1234), '1.23s');
  assert.equal(formatDuration(12_345), '12.3s');
  assert.equal(formatDuration(245_000), '4m05s');
});
