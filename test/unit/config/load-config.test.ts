import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { configLocation, loadConfig } from '../../../src/config/load-config.ts';
import { parseConfig } from '../../../src/config/parse-config.ts';
import { ConfigError } from '../../../src/core/errors.ts';

function configError(pattern: RegExp) {
  return (error: unknown) => error instanceof ConfigError && pattern.test(error.message);
}

test('parseConfig() - a valid file gives typed settings', () => {
  const config = parseConfig(
    [
      'scan:',
      '  concurrent: true',
      '  maxWorkers: 8',
      '  scanTimeout: 10m',
      '  preferredOrder: [kubernetes, aws]',
      'providers:',
      '  aws:',
      '    profiles: [prod]',
      '    regions: [us-east-1, eu-west-1]',
      '    apiConcurrency: 12',
      '    rateLimits:',
      '      ec2: { ratePerSecond: 20, burst: 40 }',
      '  terraform:',
      '    paths: [infra]',
    ].join('\n'),
    'config.yaml',
  );
  assert.equal(config.scan?.maxWorkers, 8);
  assert.deepEqual(config.providers?.aws?.regions, ['us-east-1', 'eu-west-1']);
  assert.equal(config.providers?.aws?.rateLimits?.ec2?.burst, 40);
});

test('parseConfig() - a mistake is reported with file, line, column and the setting path', () => {
  assert.throws(
    () => parseConfig('scan:\n  maxWorkers: 0\n', 'c.yaml'),
    configError(/^c\.yaml:2:15: scan\.maxWorkers must be >= 1$/),
  );
  assert.throws(
    () => parseConfig('providers:\n  aws:\n    regionz: [us-east-1]\n', 'c.yaml'),
    configError(/^c\.yaml:3:14: providers\.aws: unknown setting "regionz"$/),
  );
  assert.throws(
    () => parseConfig('scan:\n  output: xml\n', 'c.yaml'),
    configError(/^c\.yaml:2:11: scan\.output must be one of table, json, yaml, ndjson$/),
  );
  assert.throws(
    () => parseConfig('scan:\n  scanTimeout: soon\n', 'c.yaml'),
    configError(/scan\.scanTimeout must match/),
  );
  assert.throws(
    () => parseConfig('providers:\n  azure: {}\n', 'c.yaml'),
    configError(/providers: unknown setting "azure"/),
  );
});

test('parseConfig() - invalid YAML names the position', () => {
  assert.throws(
    () => parseConfig('scan:\n  maxWorkers: [1\n', 'c.yaml'),
    configError(/^c\.yaml:\d+:\d+: invalid YAML/),
  );
  assert.throws(() => parseConfig('- a\n- b\n', 'c.yaml'), configError(/must be a mapping/));
});

test('loadConfig() - a missing default file is empty; a missing named file is an error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-config-'));
  const location = configLocation(undefined, { WGO_HOME: dir });
  assert.equal(location.path, join(dir, 'config.yaml'));
  assert.deepEqual(await loadConfig(location), {});
  await assert.rejects(
    loadConfig(configLocation(join(dir, 'nope.yaml'), {})),
    configError(/nope\.yaml: cannot read config file: no such file/),
  );
  await writeFile(join(dir, 'wgo.yaml'), 'scan:\n  failOnError: true\n');
  assert.deepEqual(await loadConfig(configLocation(undefined, { WGO_CONFIG: join(dir, 'wgo.yaml') })), {
    scan: { failOnError: true },
  });
});
