import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStateEntries } from '../../../../src/collectors/terraform/state-entries.ts';
import { StateFormatError } from '../../../../src/core/errors.ts';

type Json = Record<string, unknown>;

const v4 = (resources: unknown, extra: Json = {}) =>
  JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial: 1,
    lineage: 'x',
    outputs: {},
    resources,
    ...extra,
  });

const managed = (type: string, name: string, instances: Json[], extra: Json = {}) => ({
  mode: 'managed',
  type,
  name,
  provider: 'provider["registry.terraform.io/hashicorp/aws"]',
  instances,
  ...extra,
});

const v3 = (modules: Json[]) =>
  JSON.stringify({ version: 3, terraform_version: '0.11.14', serial: 1, modules });

const legacy = (attributes: Record<string, string>, extra: Json = {}) => ({
  type: 'ignored',
  depends_on: [],
  primary: { id: attributes.id ?? '', attributes, meta: {}, tainted: false },
  deposed: [],
  provider: 'provider.aws',
  ...extra,
});

test('readStateEntries() - v4 addresses: modules, count, for_each keys written as Terraform writes them', () => {
  const { version, terraformVersion, entries } = readStateEntries(
    v4([
      managed('aws_instance', 'web', [{ attributes: { id: 'i-1' } }]),
      managed('aws_instance', 'web', [{ attributes: { id: 'i-2' } }], { module: 'module.app.module.net' }),
      managed('aws_subnet', 's', [
        { index_key: 0, attributes: { id: 'a' } },
        { index_key: 1, attributes: { id: 'b' } },
      ]),
      managed(
        'aws_iam_user',
        'u',
        [
          { index_key: 'alice', attributes: {} },
          { index_key: 'eu-west-1/"quoted"', attributes: {} },
          { index_key: '${oops}\n', attributes: {} },
        ],
        { module: 'module.x["k"]', each: 'map' },
      ),
    ]),
  );
  assert.equal(version, 4);
  assert.equal(terraformVersion, '1.9.8');
  assert.deepEqual(
    entries.map((entry) => entry.address),
    [
      'aws_instance.web',
      'module.app.module.net.aws_instance.web',
      'aws_subnet.s[0]',
      'aws_subnet.s[1]',
      'module.x["k"].aws_iam_user.u["alice"]',
      'module.x["k"].aws_iam_user.u["eu-west-1/\\"quoted\\""]',
      'module.x["k"].aws_iam_user.u["$${oops}\\n"]',
    ],
  );
  assert.deepEqual(
    entries.map((entry) => entry.indexKey),
    [undefined, undefined, 0, 1, 'alice', 'eu-west-1/"quoted"', '${oops}\n'],
  );
  assert.equal(entries[1]?.module, 'module.app.module.net');
});

test('readStateEntries() - v4 data sources, also in modules, are not entries', () => {
  const { entries } = readStateEntries(
    v4([
      { mode: 'data', type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: 'vpc-1' } }] },
      { mode: 'data', type: 'aws_ami', name: 'a', module: 'module.ec2', instances: [{ attributes: {} }] },
      managed('aws_vpc', 'main', [{ attributes: { id: 'vpc-2' } }]),
      managed('aws_vpc', 'data', [{ attributes: { id: 'vpc-3' } }]),
      managed('aws_vpc', 'empty', []),
    ]),
  );
  assert.deepEqual(
    entries.map((entry) => [entry.address, entry.mode]),
    [
      ['aws_vpc.main', 'managed'],
      ['aws_vpc.data', 'managed'],
    ],
  );
});

test('readStateEntries() - v4 tainted and deposed objects, identity, and never `private`', () => {
  const { entries } = readStateEntries(
    v4([
      managed('aws_instance', 'web', [
        { status: 'tainted', attributes: { id: 'i-new' }, private: 'c2VjcmV0', identity: { id: 'i-new' } },
        { deposed: '1a2b3c4d', attributes: { id: 'i-old' }, private: 'c2VjcmV0' },
      ]),
    ]),
  );
  const [current, deposed] = entries;
  assert.equal(current?.tainted, true);
  assert.equal(current?.deposedKey, undefined);
  assert.deepEqual(current?.identity, { id: 'i-new' });
  assert.equal(deposed?.tainted, false);
  assert.equal(deposed?.deposedKey, '1a2b3c4d');
  assert.equal(deposed?.address, current?.address);
  assert.ok(!JSON.stringify(entries).includes('c2VjcmV0'));
});

test('readStateEntries() - v4 attributes_flat (states upgraded from v3) are unflattened', () => {
  const [entry] = readStateEntries(
    v4([
      managed('aws_instance', 'web', [{ attributes_flat: { id: 'i-1', 'tags.%': '1', 'tags.Name': 'w' } }]),
    ]),
  ).entries;
  assert.deepEqual(entry?.attributes, { id: 'i-1', tags: { Name: 'w' } });
});

test('readStateEntries() - v4 sensitive paths: attributes, typed and bare index steps, and steps cut short', () => {
  const [entry] = readStateEntries(
    v4([
      managed('x_thing', 't', [
        {
          attributes: {},
          sensitive_attributes: [
            [{ type: 'get_attr', value: 'password' }],
            [
              { type: 'get_attr', value: 'boot_disk' },
              { type: 'index', value: { value: 0, type: 'number' } },
              { type: 'get_attr', value: 'disk_encryption_key_raw' },
            ],
            [
              { type: 'get_attr', value: 'data' },
              { type: 'index', value: { value: 'token', type: 'string' } },
            ],
            [
              { type: 'get_attr', value: 'list' },
              { type: 'index', value: 2 },
            ],
            [
              { type: 'get_attr', value: 'a_set' },
              { type: 'index', value: { value: { name: 'x' }, type: ['object', { name: 'string' }] } },
              { type: 'get_attr', value: 'value' },
            ],
            [
              { type: 'get_attr', value: 'future' },
              { type: 'something_new', value: 1 },
            ],
          ],
        },
      ]),
    ]),
  ).entries;
  assert.deepEqual(entry?.sensitivePaths, [
    ['password'],
    ['boot_disk', 0, 'disk_encryption_key_raw'],
    ['data', 'token'],
    ['list', 2],
    ['a_set'],
    ['future'],
  ]);
});

test('readStateEntries() - v3 keys, module paths, tainted and deposed objects', () => {
  const { version, entries } = readStateEntries(
    v3([
      { path: ['root'], outputs: {}, resources: { 'aws_vpc.main': legacy({ id: 'vpc-1' }) } },
      {
        path: ['root', 'render'],
        resources: {
          'data.template_file.data.0': legacy({ id: 'x' }),
          'data.template_file.one': legacy({ id: 'y' }),
          'local_file.data.0': legacy({ id: 'f0' }),
          'local_file.data.1': legacy({ id: 'f1', 'tags.%': '0' }),
        },
      },
      {
        path: ['root', 'a', 'b'],
        resources: {
          'null_resource.n': {
            primary: { id: 'n-new', attributes: { id: 'n-new' }, tainted: true },
            deposed: [
              { id: 'n-old1', attributes: { id: 'n-old1' } },
              { id: 'n-old2', attributes: {} },
            ],
          },
        },
      },
    ]),
  );
  assert.equal(version, 3);
  assert.deepEqual(
    entries.map((entry) => [entry.address, entry.tainted, entry.deposedKey, entry.attributes.id]),
    [
      ['aws_vpc.main', false, undefined, 'vpc-1'],
      ['module.render.local_file.data[0]', false, undefined, 'f0'],
      ['module.render.local_file.data[1]', false, undefined, 'f1'],
      ['module.a.module.b.null_resource.n', true, undefined, 'n-new'],
      ['module.a.module.b.null_resource.n', false, '00000001', 'n-old1'],
      // The first-class id fills in a missing id attribute, as Terraform's upgrade does.
      ['module.a.module.b.null_resource.n', false, '00000002', 'n-old2'],
    ],
  );
  assert.equal(entries[1]?.indexKey, 0);
  assert.equal(entries[1]?.name, 'data');
  assert.deepEqual(entries[2]?.attributes, { id: 'f1', tags: {} });
});

/** Runs `readStateEntries` and returns the StateFormatError it must throw. */
function failure(text: string): StateFormatError {
  try {
    readStateEntries(text);
  } catch (error) {
    assert.ok(error instanceof StateFormatError, String(error));
    assert.ok(!error.message.includes('\n'), 'one line');
    return error;
  }
  assert.fail('expected a StateFormatError');
}

test('readStateEntries() - truncated JSON says so and where it ends', () => {
  const whole = v4([managed('aws_db_instance', 'db', [{ attributes: { password: 'hunter2-secret' } }])]);
  const error = failure(JSON.stringify(JSON.parse(whole), null, 2).slice(0, 120));
  assert.equal(error.code, 'corrupt-state');
  assert.match(error.message, /^truncated JSON: the text ends at line \d+, column \d+/);
  assert.equal(failure('{"version": 4, "resources": [').code, 'corrupt-state');
});

test('readStateEntries() - invalid JSON gives line and column, never the text around it', () => {
  const text = '{\n  "version": 4,\n  "resources": [{"attributes": {"password": "hunter2-secret" oops}}]\n}';
  const error = failure(text);
  assert.equal(error.code, 'corrupt-state');
  assert.match(error.message, /^invalid JSON at line 3, column \d+/);
  assert.ok(!error.message.includes('hunter2'));
  // V8 quotes the source for an unexpected token and gives no position: none of it goes out.
  const token = failure('{"password": hunter2-secret}');
  assert.equal(token.code, 'corrupt-state');
  assert.ok(!token.message.includes('hunter2'), token.message);
});

test('readStateEntries() - texts that are not states', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['  \n', /empty/],
    ['[1, 2]', /an array, not a state object/],
    ['"hello"', /a string, not a state object/],
    ['null', /null, not a state object/],
    ['{"lineage": "x"}', /without "version"/],
    ['{"format_version": "1.0", "values": {}}', /terraform show -json/],
    ['{"version": 3, "serial": 1, "backend": {"type": "s3", "config": {}}}', /backend configuration/],
  ];
  for (const [text, message] of cases) {
    const error = failure(text);
    assert.equal(error.code, 'not-a-state', text);
    assert.match(error.message, message);
  }
  assert.equal(failure('not json').code, 'corrupt-state');
});

test('readStateEntries() - state versions other than 3 and 4 are named', () => {
  for (const version of [0, 1, 2, 5]) {
    const error = failure(JSON.stringify({ version, resources: [] }));
    assert.equal(error.code, 'unsupported-state-version');
    assert.match(
      error.message,
      new RegExp(`^state format version ${version}: wgo reads versions 3 .* and 4 `),
    );
  }
  assert.equal(failure('{"version": "4"}').code, 'corrupt-state');
});

test('readStateEntries() - fields of the wrong shape are named, their values are not', () => {
  const cases: [string, RegExp][] = [
    [JSON.stringify({ version: 4, resources: { a: 1 } }), /^"resources" is not an array$/],
    [v4(['x']), /^resources\[0\] is not an object$/],
    [
      v4([{ ...managed('a_b', 'c', []), mode: 'ephemeral' }]),
      /^resources\[0\]\.mode is neither "managed" nor "data" \("ephemeral"\)$/,
    ],
    [v4([managed('', 'c', [])]), /^resources\[0\]\.type is missing or empty$/],
    [v4([managed('a_b', 'c', {} as never)]), /^resources\[0\]\.instances is not an array$/],
    [
      v4([managed('a_b', 'c', [{ status: 'hunter2-secret' }])]),
      /^resources\[0\]\.instances\[0\]\.status is not "tainted"$/,
    ],
    [
      v4([managed('a_b', 'c', [{ index_key: { k: 1 } }])]),
      /index_key is neither a non-negative integer nor a string/,
    ],
    [
      v4([managed('a_b', 'c', [{ attributes: ['hunter2-secret'] }])]),
      /instances\[0\]\.attributes is not an object/,
    ],
    [
      v4([managed('a_b', 'c', [{ sensitive_attributes: 'password' }])]),
      /sensitive_attributes is not an array/,
    ],
    [v4([managed('a_b', 'c', [{}, {}])]), /^resources\[0\] holds a_b\.c twice$/],
    [JSON.stringify({ version: 3, modules: {} }), /^"modules" is not an array$/],
    [v3([{ path: ['a'], resources: {} }]), /^modules\[0\]\.path is not a module path starting with "root"$/],
    [
      v3([{ path: ['root'], resources: { 'aws_vpc.main.x': legacy({}) } }]),
      /invalid resource key "aws_vpc\.main\.x"/,
    ],
    [v3([{ path: ['root'], resources: { aws_vpc: legacy({}) } }]), /invalid resource key/],
    [
      v3([{ path: ['root'], resources: { 'a_b.c': { primary: { attributes: { x: { y: 1 } } } } } }]),
      /not a string/,
    ],
  ];
  for (const [text, message] of cases) {
    const error = failure(text);
    assert.equal(error.code, 'corrupt-state', text);
    assert.match(error.message, message);
    assert.ok(!error.message.includes('hunter2'));
  }
});

test('readStateEntries() - tolerates what Terraform tolerates', () => {
  // Absent or null lists, a byte order mark, check_results, unknown top-level fields.
  assert.deepEqual(readStateEntries(JSON.stringify({ version: 4 })).entries, []);
  assert.deepEqual(readStateEntries(`\ufeff${v4(null, { check_results: null, future: 1 })}`).entries, []);
  assert.deepEqual(readStateEntries(v3([{ path: ['root'], resources: null }])).entries, []);
  const [entry] = readStateEntries(
    v4([managed('a_b', 'c', [{ index_key: null, status: '', deposed: '' }])]),
  ).entries;
  assert.deepEqual(entry?.attributes, {});
  assert.equal(entry?.address, 'a_b.c');
});
