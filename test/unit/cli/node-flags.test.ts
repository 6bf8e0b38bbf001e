import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NODE_FLAGS, type ProcessView, relaunchArgv } from '../../../src/cli/node-flags.ts';

const view = (over: Partial<ProcessView> = {}): ProcessView => ({
  execPath: '/usr/bin/node',
  execArgv: [],
  argv: ['/usr/bin/node', '/opt/wgo/bin.js', 'scan', '--all'],
  env: {},
  canExec: true,
  ...over,
});

test('relaunchArgv() - adds the missing flags before Node options, script and arguments', () => {
  assert.deepEqual(relaunchArgv(view({ execArgv: ['--import', 'x.mjs'] })), [
    '/usr/bin/node',
    ...NODE_FLAGS,
    '--import',
    'x.mjs',
    '/opt/wgo/bin.js',
    'scan',
    '--all',
  ]);
});

test('relaunchArgv() - runs as is once the flags are set (so the relaunch happens once)', () => {
  const argv = relaunchArgv(view()) as string[];
  assert.equal(
    relaunchArgv(view({ execArgv: argv.slice(1, -3), argv: [argv[0] as string, ...argv.slice(-3)] })),
    undefined,
  );
});

test('relaunchArgv() - the user choice wins, on the command line or in NODE_OPTIONS, whatever its value', () => {
  for (const flag of NODE_FLAGS) {
    const name = flag.split('=')[0];
    assert.equal(relaunchArgv(view({ execArgv: [`${name}=64`] })), undefined);
    assert.equal(relaunchArgv(view({ env: { NODE_OPTIONS: `--trace-gc ${name}=0` } })), undefined);
  }
});

test('relaunchArgv() - runs as is where the process cannot be replaced', () => {
  assert.equal(relaunchArgv(view({ canExec: false })), undefined);
});
