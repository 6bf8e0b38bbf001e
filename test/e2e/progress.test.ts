/**
 * Live progress appears only for a person at a terminal. `script` (util-linux) gives the command
 * a pseudo-terminal; the test skips, saying why, where it is missing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { BIN, REPO } from '../helpers/cli.ts';
import { hasTool } from '../sim/helpers.ts';

const exec = promisify(execFile);
const REDRAW = '\u001b[2K';

function quote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Runs wgo on a pseudo-terminal and returns everything it printed there. */
async function onTerminal(args: readonly string[]): Promise<string> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const { stdout } = await exec('script', ['-qec', command, '/dev/null'], {
    cwd: REPO,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, WGO_HOME: '/nonexistent-wgo-home', TERM: 'xterm' },
  }).catch((error: { stdout: string }) => error);
  return stdout;
}

describe('live progress', { skip: hasTool('script') ? false : 'script (util-linux) not installed' }, () => {
  // A state URL that never answers keeps the scan running until --scan-timeout.
  const server = createServer(() => {});
  let slow: string[];
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod.tfstate`;
    slow = [
      'scan',
      '--provider',
      'terraform',
      '--path',
      'examples/terraform',
      '--state',
      url,
      '--scan-timeout',
      '1s',
    ];
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('wgo scan - on a terminal, one line per provider redrawn in place, cleared before the summary', async () => {
    const output = await onTerminal(slow);
    assert.ok(output.includes(REDRAW), 'progress lines were drawn');
    assert.match(
      output,
      /terraform\s+running\s+[\d.]+m?s\s+22 resources\s+1 in flight\s+0 throttled\s+0 errors/,
    );
    const cleared = output.lastIndexOf('\u001b[0J');
    assert.ok(cleared > output.lastIndexOf(REDRAW), 'the block is cleared after the last redraw');
    assert.ok(output.indexOf('Scanned 1 provider') > cleared, 'then the summary is printed');
  });

  test('wgo scan - no progress with --quiet or when stdout carries JSON', async () => {
    for (const extra of [['--quiet'], ['-o', 'json']]) {
      const output = await onTerminal([...slow, ...extra]);
      assert.ok(!output.includes(REDRAW), extra.join(' '));
    }
  });
});
