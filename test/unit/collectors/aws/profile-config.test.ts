import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasDefaultConfiguration, loadProfileConfig } from '../../../../src/collectors/aws/profile-config.ts';

async function files(config: string, credentials = '') {
  const dir = await mkdtemp(join(tmpdir(), 'wgo-aws-'));
  await writeFile(join(dir, 'config'), config);
  await writeFile(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

test('loadProfileConfig() - endpoints in the SDK order: service env, env, services section, profile', async () => {
  const env = await files(
    [
      '[profile p]',
      'region = eu-west-1',
      'endpoint_url = http://profile:1',
      'services = local',
      '[services local]',
      'ec2 =',
      '  endpoint_url = http://ec2:2',
    ].join('\n'),
  );
  const plain = await loadProfileConfig('p', env);
  assert.equal(plain.region, 'eu-west-1');
  assert.equal(plain.endpoint('ec2'), 'http://ec2:2');
  assert.equal(plain.endpoint('s3'), 'http://profile:1');
  const overridden = await loadProfileConfig('p', {
    ...env,
    AWS_ENDPOINT_URL: 'http://env:3',
    AWS_ENDPOINT_URL_S3: 'http://s3:4',
  });
  assert.equal(overridden.endpoint('ec2'), 'http://env:3');
  assert.equal(overridden.endpoint('s3'), 'http://s3:4');
  const ignored = await loadProfileConfig('p', {
    ...env,
    AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    AWS_ENDPOINT_URL: 'http://env:3',
  });
  assert.equal(ignored.endpoint('ec2'), undefined);
  assert.equal((await loadProfileConfig('p', { ...env, AWS_REGION: 'us-west-2' })).region, 'us-west-2');
});

test('hasDefaultConfiguration() - a default profile or a chain variable; nothing otherwise', async () => {
  assert.equal(await hasDefaultConfiguration(await files('[profile other]\nregion = x\n')), false);
  assert.equal(await hasDefaultConfiguration(await files('[default]\nregion = x\n')), true);
  assert.equal(await hasDefaultConfiguration(await files('', '[default]\naws_access_key_id = a\n')), true);
  assert.equal(await hasDefaultConfiguration({ ...(await files('')), AWS_PROFILE: 'other' }), true);
});
