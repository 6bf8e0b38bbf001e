import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StateEntry } from '../../../../src/collectors/terraform/state-entries.ts';
import { toResource } from '../../../../src/collectors/terraform/to-resource.ts';
import { REDACTED } from '../../../../src/core/resource.ts';

const STATE = 'envs/prod/terraform.tfstate';
const NOW = '2025-06-01T12:00:00.000Z';

function entry(
  type: string,
  attributes: Record<string, unknown>,
  extra: Partial<StateEntry> = {},
): StateEntry {
  const name = extra.name ?? 'this';
  return {
    address: `${type}.${name}`,
    module: '',
    mode: 'managed',
    type,
    name,
    tainted: false,
    attributes,
    sensitivePaths: [],
    ...extra,
  };
}

const uidOf = (type: string, attributes: Record<string, unknown>, extra: Partial<StateEntry> = {}) =>
  toResource(entry(type, attributes, extra), STATE, NOW).uid;

test('toResource() - the terraform row: provider, sources, managedBy, observedAt, redacted configuration', () => {
  const resource = toResource(
    entry(
      'aws_db_instance',
      { id: 'db-ABC', identifier: 'main', password: 'hunter2' },
      { address: 'module.db.aws_db_instance.this' },
    ),
    STATE,
    NOW,
  );
  assert.equal(resource.provider, 'terraform');
  assert.equal(resource.type, 'aws_db_instance');
  assert.deepEqual(resource.sources, ['terraform']);
  assert.deepEqual(resource.managedBy, {
    tool: 'terraform',
    address: 'module.db.aws_db_instance.this',
    state: STATE,
  });
  assert.equal(resource.observedAt, NOW);
  assert.deepEqual(resource.configuration, { id: 'db-ABC', identifier: 'main', password: REDACTED });
  assert.equal(resource.uid, 'tf://envs/prod/terraform.tfstate/module.db.aws_db_instance.this');
});

test('toResource() - EC2 uids from the stored ARN', () => {
  const cases: [string, string][] = [
    ['aws_instance', 'arn:aws:ec2:eu-central-1:182403015120:instance/i-00336421db40f4738'],
    ['aws_ebs_volume', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-0abc'],
    ['aws_security_group', 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc'],
    ['aws_key_pair', 'arn:aws:ec2:us-east-1:123456789012:key-pair/deploy'],
    ['aws_vpc', 'arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc'],
    ['aws_subnet', 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0abc'],
    ['aws_route_table', 'arn:aws:ec2:us-east-1:123456789012:route-table/rtb-0abc'],
    ['aws_internet_gateway', 'arn:aws:ec2:us-east-1:123456789012:internet-gateway/igw-0abc'],
  ];
  for (const [type, arn] of cases) assert.equal(uidOf(type, { id: 'ignored', arn }), arn, type);
  assert.equal(
    uidOf('aws_ebs_snapshot', { id: 'snap-1', arn: 'arn:aws:ec2:us-east-1::snapshot/snap-1' }),
    'arn:aws:ec2:us-east-1::snapshot/snap-1',
  );
});

test('toResource() - EC2 uids built only when the attributes give region and account', () => {
  // owner_id and the availability zone's region (a local zone too).
  assert.equal(
    uidOf('aws_subnet', { id: 'subnet-1', owner_id: '123456789012', availability_zone: 'us-west-2-lax-1a' }),
    'arn:aws:ec2:us-west-2:123456789012:subnet/subnet-1',
  );
  // The resource identity (Terraform 1.12+) and the `region` attribute (AWS provider 6).
  assert.equal(
    uidOf(
      'aws_instance',
      { id: 'i-1' },
      { identity: { account_id: '444284888877', id: 'i-1', region: 'us-east-1' } },
    ),
    'arn:aws:ec2:us-east-1:444284888877:instance/i-1',
  );
  assert.equal(
    uidOf(
      'aws_key_pair',
      { id: 'deploy', key_name: 'deploy', region: 'eu-west-1' },
      { identity: { account_id: '123456789012' } },
    ),
    'arn:aws:ec2:eu-west-1:123456789012:key-pair/deploy',
  );
  assert.equal(
    uidOf('aws_ebs_snapshot', { id: 'snap-9', region: 'us-east-2' }),
    'arn:aws:ec2:us-east-2::snapshot/snap-9',
  );
  // Never guessed: an instance knows its zone but not its account (Terraform 0.7 states).
  assert.equal(
    uidOf('aws_instance', { id: 'i-2', availability_zone: 'us-west-2a' }),
    'tf://envs/prod/terraform.tfstate/aws_instance.this',
  );
  assert.equal(
    uidOf('aws_security_group', { id: 'sg-1', owner_id: '123456789012' }),
    'tf://envs/prod/terraform.tfstate/aws_security_group.this',
  );
  // An ARN of the wrong shape is not taken as the uid: the id is, in the ARN's region and account.
  assert.equal(
    uidOf('aws_vpc', { id: 'vpc-1', arn: 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1' }),
    'arn:aws:ec2:us-east-1:123456789012:vpc/vpc-1',
  );
});

test('toResource() - S3, IAM, RDS and Lambda uids', () => {
  assert.equal(uidOf('aws_s3_bucket', { id: 'logs', bucket: 'logs' }), 'arn:aws:s3:::logs');
  assert.equal(uidOf('aws_s3_bucket', { id: 'logs' }), 'arn:aws:s3:::logs');
  const user = 'arn:aws:iam::123456789012:user/division/alice';
  assert.equal(uidOf('aws_iam_user', { id: 'alice', name: 'alice', arn: user }), user);
  const role = 'arn:aws:iam::435202373383:role/iam_for_lambda';
  assert.equal(uidOf('aws_iam_role', { id: 'iam_for_lambda', arn: role }), role);
  const policy = 'arn:aws:iam::123456789012:policy/read-only';
  assert.equal(uidOf('aws_iam_policy', { id: policy, arn: policy }), policy);
  // IAM ARNs are the API's own (with the path): never built from parts.
  assert.equal(
    uidOf('aws_iam_user', { id: 'alice', name: 'alice' }),
    'tf://envs/prod/terraform.tfstate/aws_iam_user.this',
  );
  const db = 'arn:aws:rds:us-east-1:992382546334:db:mysql';
  assert.equal(uidOf('aws_db_instance', { id: 'mysql', arn: db }), db);
  assert.equal(
    uidOf('aws_db_instance', { id: 'c', arn: 'arn:aws:rds:us-east-1:992382546334:cluster:c' }),
    'tf://envs/prod/terraform.tfstate/aws_db_instance.this',
  );
  const fn = 'arn:aws:lambda:us-east-1:435202373383:function:password_gene';
  assert.equal(uidOf('aws_lambda_function', { id: 'password_gene', arn: fn }), fn);
  assert.equal(uidOf('aws_lambda_function', { id: 'f', arn: `${fn}:$LATEST` }), fn);
});

test('toResource() - GCP compute uids from self_link, id, or project and location', () => {
  const instance = '//compute.googleapis.com/projects/p1/zones/us-west4-b/instances/test';
  assert.equal(
    uidOf('google_compute_instance', {
      id: 'test',
      self_link: 'https://www.googleapis.com/compute/v1/projects/p1/zones/us-west4-b/instances/test',
    }),
    instance,
  );
  assert.equal(
    uidOf('google_compute_instance', { id: 'projects/p1/zones/us-west4-b/instances/test' }),
    instance,
  );
  // Terraform 0.11 states: id is the bare name.
  assert.equal(
    uidOf('google_compute_instance', { id: 'test', name: 'test', project: 'p1', zone: 'us-west4-b' }),
    instance,
  );
  assert.equal(
    uidOf('google_compute_disk', { id: 'projects/p1/zones/europe-west1-b/disks/d' }),
    '//compute.googleapis.com/projects/p1/zones/europe-west1-b/disks/d',
  );
  assert.equal(
    uidOf('google_compute_network', {
      self_link: 'https://www.googleapis.com/compute/beta/projects/p1/global/networks/n',
    }),
    '//compute.googleapis.com/projects/p1/global/networks/n',
  );
  assert.equal(
    uidOf('google_compute_subnetwork', { name: 's', project: 'p1', region: 'us-west2' }),
    '//compute.googleapis.com/projects/p1/regions/us-west2/subnetworks/s',
  );
  assert.equal(
    uidOf('google_compute_firewall', { id: 'projects/p1/global/firewalls/allow-ssh' }),
    '//compute.googleapis.com/projects/p1/global/firewalls/allow-ssh',
  );
  // A link of another collection is not this object's; without a zone there is no uid.
  assert.equal(
    uidOf('google_compute_instance', { id: 'projects/p1/zones/z/disks/d', name: 'vm', project: 'p1' }),
    'tf://envs/prod/terraform.tfstate/google_compute_instance.this',
  );
});

test('toResource() - GCS, GKE and service account uids', () => {
  assert.equal(uidOf('google_storage_bucket', { id: 'b', name: 'b' }), '//storage.googleapis.com/b');
  const cluster = '//container.googleapis.com/projects/p1/locations/europe-west2-a/clusters/c';
  assert.equal(
    uidOf('google_container_cluster', { id: 'projects/p1/locations/europe-west2-a/clusters/c' }),
    cluster,
  );
  assert.equal(
    uidOf('google_container_cluster', {
      id: 'c',
      self_link: 'https://container.googleapis.com/v1beta1/projects/p1/zones/europe-west2-a/clusters/c',
    }),
    cluster,
  );
  assert.equal(
    uidOf('google_container_cluster', { id: 'c', name: 'c', project: 'p1', location: 'europe-west2-a' }),
    cluster,
  );
  const sa = '//iam.googleapis.com/projects/p1/serviceAccounts/ci@p1.iam.gserviceaccount.com';
  assert.equal(
    uidOf('google_service_account', {
      email: 'ci@p1.iam.gserviceaccount.com',
      project: 'p1',
      unique_id: '1',
    }),
    sa,
  );
  assert.equal(
    uidOf('google_service_account', { name: 'projects/p1/serviceAccounts/ci@p1.iam.gserviceaccount.com' }),
    sa,
  );
});

test('toResource() - types outside the table, and Kubernetes types, keep tf:// uids', () => {
  assert.equal(
    uidOf('aws_db_subnet_group', { id: 'g', arn: 'arn:aws:rds:us-east-1:992382546334:subgrp:g' }),
    'tf://envs/prod/terraform.tfstate/aws_db_subnet_group.this',
  );
  assert.equal(
    uidOf('kubernetes_namespace', { id: 'argocd', metadata: [{ name: 'argocd', uid: 'u-1' }] }),
    'tf://envs/prod/terraform.tfstate/kubernetes_namespace.this',
  );
  assert.equal(
    uidOf(
      'kubernetes_deployment',
      { id: 'shop/web' },
      { address: 'module.k8s.kubernetes_deployment.web["a b"]' },
    ),
    'tf://envs/prod/terraform.tfstate/module.k8s.kubernetes_deployment.web["a b"]',
  );
});

test('toResource() - a deposed object: its own cloud uid, or a tf:// uid with the deposed key', () => {
  assert.equal(
    uidOf('null_resource', { id: '1' }, { deposedKey: '1a2b3c4d' }),
    'tf://envs/prod/terraform.tfstate/null_resource.this#deposed=1a2b3c4d',
  );
  assert.equal(
    uidOf('aws_s3_bucket', { id: 'old-bucket' }, { deposedKey: '1a2b3c4d' }),
    'arn:aws:s3:::old-bucket',
  );
});

test('toResource() - nothing redacted feeds the uid, id or name', () => {
  const resource = toResource(
    entry(
      'aws_iam_role',
      { id: 'r', name: 'r', arn: 'arn:aws:iam::123456789012:role/r' },
      { sensitivePaths: [['arn'], ['id'], ['name']] },
    ),
    STATE,
    NOW,
  );
  assert.equal(resource.uid, 'tf://envs/prod/terraform.tfstate/aws_iam_role.this');
  assert.equal(resource.id, 'aws_iam_role.this');
  assert.equal(resource.name, 'aws_iam_role.this');
});

test('toResource() - id: the id attribute, else the address', () => {
  assert.equal(toResource(entry('x_y', { id: 'abc' }), STATE, NOW).id, 'abc');
  assert.equal(toResource(entry('x_y', { id: 42 }), STATE, NOW).id, '42');
  assert.equal(toResource(entry('x_y', {}), STATE, NOW).id, 'x_y.this');
  assert.equal(toResource(entry('x_y', { id: '' }), STATE, NOW).id, 'x_y.this');
});

test('toResource() - names follow the cloud name rules', () => {
  const nameOf = (type: string, attributes: Record<string, unknown>) =>
    toResource(entry(type, attributes), STATE, NOW).name;
  assert.equal(nameOf('aws_instance', { id: 'i-1', tags: { Name: 'web' } }), 'web');
  assert.equal(
    nameOf('aws_instance', { id: 'i-1', tags: null, tags_all: { Name: 'from-default-tags' } }),
    'from-default-tags',
  );
  assert.equal(nameOf('aws_vpc', { id: 'vpc-1', tags: {} }), 'vpc-1');
  assert.equal(
    nameOf('aws_security_group', { id: 'sg-1', name: 'allow_ssh', tags: { Name: 'x' } }),
    'allow_ssh',
  );
  assert.equal(nameOf('aws_key_pair', { id: 'k', key_name: 'deploy' }), 'deploy');
  assert.equal(nameOf('aws_s3_bucket', { id: 'b', bucket: 'logs' }), 'logs');
  assert.equal(nameOf('aws_iam_policy', { id: 'arn:aws:iam::1:policy/p', name: 'p' }), 'p');
  assert.equal(nameOf('aws_db_instance', { id: 'db-X', identifier: 'mysql', name: 'box_storage' }), 'mysql');
  assert.equal(nameOf('aws_lambda_function', { id: 'f', function_name: 'fn' }), 'fn');
  assert.equal(
    nameOf('google_compute_instance', { id: 'projects/p/zones/z/instances/vm', name: 'vm' }),
    'vm',
  );
  assert.equal(
    nameOf('google_service_account', { name: 'projects/p/serviceAccounts/a@b', email: 'a@b' }),
    'a@b',
  );
  assert.equal(nameOf('kubernetes_namespace', { id: 'ns', metadata: [{ name: 'ns-name' }] }), 'ns-name');
  assert.equal(nameOf('kubernetes_manifest', { manifest: { metadata: { name: 'cm' } } }), 'cm');
  assert.equal(nameOf('helm_release', { id: 'argocd', name: 'argocd' }), 'argocd');
  assert.equal(nameOf('aws_eip', { id: 'eipalloc-1', tags: { Name: 'nat' } }), 'nat');
  assert.equal(
    nameOf('aws_route_table_association', { id: 'rtbassoc-1' }),
    'aws_route_table_association.this',
  );
});

test('toResource() - tags: AWS tags with tags_all, GCP labels, Kubernetes labels, all strings', () => {
  const tagsOf = (type: string, attributes: Record<string, unknown>) =>
    toResource(entry(type, attributes), STATE, NOW).tags;
  assert.deepEqual(
    tagsOf('aws_instance', { tags: { Name: 'web', Team: 'a' }, tags_all: { Team: 'b', Env: 'prod' } }),
    {
      Name: 'web',
      Team: 'b',
      Env: 'prod',
    },
  );
  assert.deepEqual(tagsOf('aws_vpc', { tags: null, tags_all: {} }), {});
  assert.deepEqual(
    tagsOf('google_compute_instance', {
      tags: ['http-server'],
      labels: { env: 'dev' },
      effective_labels: { env: 'dev', 'goog-terraform-provisioned': 'true' },
    }),
    { env: 'dev', 'goog-terraform-provisioned': 'true' },
  );
  assert.deepEqual(tagsOf('google_container_cluster', { resource_labels: { team: 'x' } }), { team: 'x' });
  assert.deepEqual(
    tagsOf('kubernetes_namespace', { metadata: [{ labels: { 'app.kubernetes.io/name': 'web' } }] }),
    {
      'app.kubernetes.io/name': 'web',
    },
  );
  assert.deepEqual(
    tagsOf('azurerm_resource_group', { tags: { cost: 12, on: true, gone: null, nested: { a: 1 } } }),
    {
      cost: '12',
      on: 'true',
    },
  );
  // A secret-looking tag is redacted in the configuration, so in the tags too.
  assert.deepEqual(tagsOf('aws_instance', { tags: { api_token: 't' } }), { api_token: REDACTED });
});

test('toResource() - account, region, zone and namespace where the attributes give them', () => {
  const placeOf = (type: string, attributes: Record<string, unknown>, extra: Partial<StateEntry> = {}) => {
    const { account, region, zone, namespace } = toResource(entry(type, attributes, extra), STATE, NOW);
    return Object.fromEntries(
      Object.entries({ account, region, zone, namespace }).filter(([, v]) => v !== undefined),
    );
  };
  assert.deepEqual(
    placeOf('aws_instance', {
      arn: 'arn:aws:ec2:eu-central-1:182403015120:instance/i-1',
      availability_zone: 'eu-central-1a',
    }),
    { account: '182403015120', region: 'eu-central-1', zone: 'eu-central-1a' },
  );
  assert.deepEqual(placeOf('aws_iam_role', { arn: 'arn:aws:iam::435202373383:role/r' }), {
    account: '435202373383',
  });
  assert.deepEqual(placeOf('aws_s3_bucket', { bucket: 'b', arn: 'arn:aws:s3:::b', region: 'eu-central-1' }), {
    region: 'eu-central-1',
  });
  assert.deepEqual(placeOf('aws_instance', { availability_zone: 'us-west-2a' }), {
    region: 'us-west-2',
    zone: 'us-west-2a',
  });
  assert.deepEqual(placeOf('google_compute_instance', { project: 'p1', zone: 'us-west4-b' }), {
    account: 'p1',
    region: 'us-west4',
    zone: 'us-west4-b',
  });
  assert.deepEqual(placeOf('google_storage_bucket', { project: 'p1', location: 'US-WEST1' }), {
    account: 'p1',
    region: 'us-west1',
  });
  assert.deepEqual(placeOf('google_compute_network', { id: 'projects/p2/global/networks/n' }), {
    account: 'p2',
  });
  assert.deepEqual(placeOf('kubernetes_deployment', { metadata: [{ name: 'web', namespace: 'shop' }] }), {
    namespace: 'shop',
  });
  assert.deepEqual(placeOf('kubernetes_namespace', { metadata: [{ name: 'shop' }] }), {});
  assert.deepEqual(placeOf('helm_release', { name: 'argocd', namespace: 'argocd' }), { namespace: 'argocd' });
  assert.deepEqual(placeOf('azurerm_resource_group', { location: 'eastus2' }), { region: 'eastus2' });
  assert.deepEqual(placeOf('null_resource', { id: '1' }), {});
});
