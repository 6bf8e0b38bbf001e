import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NODE_FLAGS } from '../../src/cli/node-flags.ts';
import { BIN, REPO } from '../helpers/cli.ts';

/** Runs the bin with a preload that records, in every process image, its pid and Node options. */
async function processImages(env: NodeJS.ProcessEnv): Promise<{ code: number | null; images: string[][] }> {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-bin-'));
  try {
    const preload = join(dir, 'record.mjs');
    const record = join(dir, 'images.ndjson');
    await writeFile(
      preload,
      `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(record)}, JSON.stringify([String(process.pid), ...process.execArgv]) + '\\n');\n`,
    );
    const child = spawn(process.execPath, ['--import', preload, BIN, '--version'], {
      cwd: REPO,
      env: { PATH: process.env.PATH, ...env },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const images = (await readFile(record, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    return { code, images };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('wgo bin - relaunches itself once, in the same process, with its Node flags', async (t) => {
  if (typeof process.execve !== 'function')
    return t.skip('this Node cannot replace its process (no process.execve)');
  const { code, images } = await processImages({});
  assert.equal(code, 0);
  assert.equal(images.length, 2, 'the first image relaunches, the second runs');
  const [first, second] = images as [string[], string[]];
  assert.equal(second[0], first[0], 'same pid: the image was replaced, not a child spawned');
  for (const flag of NODE_FLAGS) {
    assert.ok(!first.includes(flag));
    assert.ok(second.includes(flag), `${flag} in ${second.join(' ')}`);
  }
});

test('wgo bin - a flag the user set in NODE_OPTIONS is kept and nothing is relaunched', async () => {
  const name = (NODE_FLAGS[0] as string).split('=')[0];
  const { code, images } = await processImages({ NODE_OPTIONS: `${name}=32` });
  assert.equal(code, 0);
  assert.equal(images.length, 1);
});
