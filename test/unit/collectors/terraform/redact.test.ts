import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactAttributes } from '../../../../src/collectors/terraform/redact.ts';
import { REDACTED } from '../../../../src/core/resource.ts';

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';

test('redactAttributes() - sensitive paths, with index steps, redact the whole value there', () => {
  const attributes = {
    boot_disk: [
      { device_name: 'd0', disk_encryption_key_rsa: 'k0' },
      { device_name: 'd1', disk_encryption_key_rsa: 'k1' },
    ],
    content: 'plain',
    nested: { block: { inner: 'x' } },
    maybe: null,
  };
  const out = redactAttributes('x_thing', attributes, [
    ['boot_disk', 1, 'disk_encryption_key_rsa'],
    ['content'],
    ['nested', 'block'],
    ['maybe'],
    ['absent', 'deeper'],
    ['boot_disk', 7, 'device_name'],
  ]);
  assert.deepEqual(out, {
    boot_disk: [
      { device_name: 'd0', disk_encryption_key_rsa: 'k0' },
      { device_name: 'd1', disk_encryption_key_rsa: REDACTED },
    ],
    content: REDACTED,
    nested: { block: REDACTED },
    maybe: null,
  });
  // The input is untouched.
  assert.equal(attributes.content, 'plain');
});

test('redactAttributes() - paths that cannot be followed redact what they reach', () => {
  const attributes = { set: [{ name: 'a', value: 's' }], scalar: 'v', list: ['a', 'b'], keep: 'k' };
  // ['set'] is what a set-element step leaves; a key into a list or below a scalar goes no further.
  assert.deepEqual(redactAttributes('x', attributes, [['set'], ['list', 'name'], ['scalar', 'x']]), {
    set: REDACTED,
    scalar: REDACTED,
    list: REDACTED,
    keep: 'k',
  });
  // An empty path (a step of an unknown kind first) means every attribute.
  assert.deepEqual(redactAttributes('x', { a: 1, b: null, c: [] }, [[]]), {
    a: REDACTED,
    b: null,
    c: REDACTED,
  });
});

test('redactAttributes() - secret-looking names at any depth, null kept, empty values redacted', () => {
  const out = redactAttributes(
    'x',
    {
      password: '',
      master_password: null,
      settings: [{ api_key: 'abc', name: 'n', nested: { client_secret: { deep: 1 } } }],
      tags: { Token: 't', Name: 'web' },
      metadata_options: [{ http_tokens: 'required' }],
      get_password_data: false,
    },
    [],
  );
  assert.deepEqual(out, {
    password: REDACTED,
    master_password: null,
    settings: [{ api_key: REDACTED, name: 'n', nested: { client_secret: REDACTED } }],
    tags: { Token: REDACTED, Name: 'web' },
    metadata_options: [{ http_tokens: 'required' }],
    get_password_data: false,
  });
});

test('redactAttributes() - GKE master_auth goes whole', () => {
  const out = redactAttributes(
    'google_container_cluster',
    { master_auth: [{ client_key: 'k', cluster_ca_certificate: 'LS0t', username: '' }], name: 'c' },
    [],
  );
  assert.deepEqual(out, { master_auth: REDACTED, name: 'c' });
});

test('redactAttributes() - private keys and kubeconfigs under any name, base64 too', () => {
  const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\nusers:\n- name: admin\n';
  const out = redactAttributes(
    'null_resource',
    {
      triggers: { pem: PEM, b64: Buffer.from(PEM).toString('base64'), config: kubeconfig, other: 'fine' },
      certificate: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
    },
    [],
  );
  assert.deepEqual(out, {
    triggers: { pem: REDACTED, b64: REDACTED, config: REDACTED, other: 'fine' },
    certificate: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
  });
});

test('redactAttributes() - Kubernetes Secret data keep their keys only, even when marked sensitive', () => {
  for (const type of ['kubernetes_secret', 'kubernetes_secret_v1']) {
    const out = redactAttributes(
      type,
      {
        data: { 'tls.crt': 'c', username: 'admin', empty: '' },
        binary_data: { blob: 'AAEC' },
        metadata: [{ name: 's', namespace: 'ns' }],
        type: 'Opaque',
      },
      [['data'], ['binary_data', 'blob']],
    );
    assert.deepEqual(out, {
      data: { 'tls.crt': REDACTED, username: REDACTED, empty: REDACTED },
      binary_data: { blob: REDACTED },
      metadata: [{ name: 's', namespace: 'ns' }],
      type: 'Opaque',
    });
  }
});

test('redactAttributes() - Secrets in kubernetes_manifest and kubectl_manifest', () => {
  const manifest = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's' },
    data: { a: 'YQ==' },
    stringData: { b: 'b' },
  };
  const out = redactAttributes('kubernetes_manifest', { manifest, object: manifest }, []);
  const expected = { ...manifest, data: { a: REDACTED }, stringData: { b: REDACTED } };
  assert.deepEqual(out, { manifest: expected, object: expected });

  const kubectl = redactAttributes(
    'kubectl_manifest',
    { kind: 'Secret', name: 's', yaml_body: 'kind: Secret\ndata:\n  a: YQ==', yaml_incluster: 'h' },
    [],
  );
  assert.deepEqual(kubectl, { kind: 'Secret', name: 's', yaml_body: REDACTED, yaml_incluster: REDACTED });
  const notSecret = redactAttributes(
    'kubectl_manifest',
    { kind: 'ConfigMap', yaml_body: 'kind: ConfigMap' },
    [],
  );
  assert.equal(notSecret.yaml_body, 'kind: ConfigMap');
});

test('redactAttributes() - Lambda environment variables keep their names only', () => {
  const out = redactAttributes(
    'aws_lambda_function',
    { environment: [{ variables: { DB_HOST: 'db.internal', DEBUG: 'true' } }], function_name: 'f' },
    [],
  );
  assert.deepEqual(out, {
    environment: [{ variables: { DB_HOST: REDACTED, DEBUG: REDACTED } }],
    function_name: 'f',
  });
  // The v3 form unflattens to the same shape; an empty environment stays empty.
  assert.deepEqual(redactAttributes('aws_lambda_function', { environment: [] }, []), { environment: [] });
});

test('redactAttributes() - container env literals go, valueFrom references stay', () => {
  const container = {
    name: 'app',
    env: [
      { name: 'MODE', value: 'prod', value_from: [] },
      { name: 'PASSWORD_REF', value: '', value_from: [{ secret_key_ref: [{ name: 'db', key: 'pw' }] }] },
    ],
  };
  const out = redactAttributes(
    'kubernetes_deployment_v1',
    { spec: [{ template: [{ spec: [{ container: [container] }] }] }] },
    [],
  );
  const [spec] = out.spec as { template: { spec: { container: (typeof container)[] }[] }[] }[];
  assert.deepEqual(spec?.template[0]?.spec[0]?.container[0]?.env, [
    { name: 'MODE', value: REDACTED, value_from: [] },
    { name: 'PASSWORD_REF', value: REDACTED, value_from: [{ secret_key_ref: [{ name: 'db', key: 'pw' }] }] },
  ]);
});

test('redactAttributes() - random_password results', () => {
  assert.deepEqual(redactAttributes('random_password', { length: 16, result: 'x', bcrypt_hash: 'y' }, []), {
    length: 16,
    result: REDACTED,
    bcrypt_hash: REDACTED,
  });
});
