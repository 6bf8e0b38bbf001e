import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { TempRunFiles } from '../../../src/store/run-files.ts';

test('TempRunFiles - runs read back line by line, in order, across buffer boundaries; dispose removes them', () => {
  const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('wgo-merge-')));
  const store = new TempRunFiles();
  const long = 'x'.repeat(700_000);
  const lines = Array.from(
    { length: 5_000 },
    (_, i) => `{"uid":"u${String(i).padStart(5, '0')}","é":"${i % 997 === 0 ? long : 'ü'}"}`,
  );
  const read = store.write(lines);
  const second = store.write(['{"uid":"only"}']);
  assert.deepEqual([...{ [Symbol.iterator]: read }], lines);
  assert.deepEqual([...{ [Symbol.iterator]: second }], ['{"uid":"only"}']);
  const created = readdirSync(tmpdir()).filter((name) => name.startsWith('wgo-merge-') && !before.has(name));
  assert.equal(created.length, 1);
  store.dispose();
  assert.equal(existsSync(`${tmpdir()}/${created[0]}`), false);
});
