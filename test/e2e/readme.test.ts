import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { flagTable } from '../../src/cli/flag-table.ts';
import { REPO } from '../helpers/cli.ts';

const run = promisify(execFile);

async function readme(): Promise<string> {
  return readFile(join(REPO, 'README.md'), 'utf8');
}

test('README - the programmatic example compiles and runs', async () => {
  const text = await readme();
  const block = /<!-- readme-example:start -->\n```ts\n([\s\S]*?)```\n<!-- readme-example:end -->/.exec(
    text,
  )?.[1];
  assert.ok(block, 'the README has a marked example');
  const dir = join(REPO, '.wgo-tmp', `readme-${process.pid}`);
  await mkdir(dir, { recursive: true });
  try {
    const entry = relative(dir, join(REPO, 'src/index.ts'));
    const source = block.replace("from 'wgo'", `from ${JSON.stringify(entry)}`);
    await writeFile(join(dir, 'example.ts'), source);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(REPO, 'tsconfig.json'),
        include: ['example.ts'],
        compilerOptions: { noEmit: true },
      }),
    );
    await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir]);
    const { stdout } = await run(process.execPath, [join(dir, 'example.ts')], { cwd: REPO });
    assert.match(stdout, /^Scanned 2 providers in \d+ ms$/m);
    assert.match(stdout, /^Total resources: 23$/m, '22 example state resources and one custom');
    assert.match(stdout, /^2 providers registered$/m);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('README - the flag table matches the option table', async () => {
  assert.ok((await readme()).includes(flagTable()), 'regenerate it with: node scripts/flag-table.ts');
});

test('README - starts with the two commands a newcomer needs', async () => {
  const [, firstBlock] = /```sh\n([\s\S]*?)```/.exec(await readme()) ?? [];
  assert.match(firstBlock ?? '', /^npm install && npm start/m);
  assert.match(firstBlock ?? '', /^npm test/m);
  const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
  assert.ok(manifest.scripts.start && manifest.scripts.test);
});

test('README - `npm start` scans the simulated estate and the example states, every provider ok', async () => {
  const { stdout, stderr } = await run(process.execPath, [join(REPO, 'scripts/demo.ts')], {
    cwd: REPO,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, WGO_HOME: '/nonexistent-wgo-home' },
  });
  assert.match(stderr, /^wgo demo: simulator up/m);
  assert.match(stdout, /^Scanned 4 providers in .+: [\d,]+ resources, efficiency ratio [\d.]+$/m);
  for (const provider of ['aws', 'gcp', 'kubernetes', 'terraform']) {
    assert.match(stdout, new RegExp(`^${provider} +ok `, 'm'), provider);
  }
});
