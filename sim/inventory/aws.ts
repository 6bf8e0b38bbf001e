/**
 * AWS kinds. Objects use the element names of the services' own XML (EC2's camelCase, IAM's and
 * RDS's PascalCase) or JSON (Lambda), so the protocol renderers only serialise.
 */
import { ec2Id, hexOf, sortedName } from '../util/names.ts';
import type { Scope } from './collection.ts';
import { type GenContext, type KindSpec, pastIso, regionOf, siblingCount, siblingKey } from './kind.ts';
import { ec2TagSet, ownershipTags } from './tags.ts';
import { APPS, DATABASES, PEOPLE, PURPOSES, ROLES } from './words.ts';

const INSTANCE_TYPES = ['t3.micro', 't3.medium', 'm6i.large', 'm6i.xlarge', 'c6i.2xlarge', 'r6i.large'];

function az(ctx: GenContext, salt: number): string {
  return `${regionOf(ctx.scope)}${'abc'[(ctx.index + salt) % 3]}`;
}

function ec2Arn(scope: Scope, kind: string, id: string): string {
  return `arn:aws:ec2:${regionOf(scope)}:${scope.account}:${kind}/${id}`;
}

/** A regional EC2 kind keyed by an EC2-style id (`i-0…`, `vol-0…`) whose ARN is `TYPE/ID`. */
function ec2Kind(
  kind: string,
  type: string,
  weight: number,
  prefix: string,
  arnType: string,
  item: KindSpec['item'],
): KindSpec {
  return {
    kind,
    type,
    provider: 'aws',
    level: 'aws-region',
    weight,
    key: (ctx) => ec2Id(prefix, ctx.stream, ctx.index, ctx.count),
    uid: (scope, key) => ec2Arn(scope, arnType, key),
    item,
  };
}

/** A name for resources whose EC2 name is a tag: a readable `app-xxxxx`, or none for some. */
function nameTag(ctx: GenContext): string | undefined {
  return ctx.rng.chance(0.85) ? `${ctx.rng.pick(APPS)}-${ctx.rng.pick(['prod', 'stg', 'dev'])}` : undefined;
}

function vpcOf(ctx: GenContext, n: number): string {
  return siblingKey(ctx, 'ec2.vpc', ctx.scope, n) ?? 'vpc-00000000000000000';
}

function ipIn(ctx: GenContext, n: number): string {
  return `10.${n % 256}.${ctx.rng.int(0, 255)}.${ctx.rng.int(4, 250)}`;
}

const instance = ec2Kind('ec2.instance', 'aws_instance', 9, 'i', 'instance', (ctx, key) => {
  const { rng, scope, index } = ctx;
  const stopped = rng.chance(0.12);
  const volume =
    index < siblingCount(ctx, 'ec2.volume', scope) ? siblingKey(ctx, 'ec2.volume', scope, index) : undefined;
  const sg = siblingKey(ctx, 'ec2.securityGroup', scope, index);
  const launchTime = pastIso(ctx, 400);
  const ip = ipIn(ctx, index % 4);
  return {
    instanceId: key,
    imageId: `ami-0${rng.hex(16)}`,
    instanceState: stopped ? { code: 80, name: 'stopped' } : { code: 16, name: 'running' },
    privateDnsName: `ip-${ip.replaceAll('.', '-')}.ec2.internal`,
    dnsName: '',
    reason: stopped ? 'User initiated (2025-11-02 10:12:44 GMT)' : '',
    keyName: siblingKey(ctx, 'ec2.keyPair', scope, index),
    amiLaunchIndex: 0,
    instanceType: rng.pick(INSTANCE_TYPES),
    launchTime,
    placement: { availabilityZone: az(ctx, 0), groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: siblingKey(ctx, 'ec2.subnet', scope, index),
    vpcId: vpcOf(ctx, index),
    privateIpAddress: ip,
    sourceDestCheck: true,
    groupSet: sg
      ? [{ groupId: sg, groupName: sgName(index % siblingCount(ctx, 'ec2.securityGroup', scope)) }]
      : [],
    architecture: rng.chance(0.3) ? 'arm64' : 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    blockDeviceMapping: volume
      ? [
          {
            deviceName: '/dev/xvda',
            ebs: { volumeId: volume, status: 'attached', attachTime: launchTime, deleteOnTermination: true },
          },
        ]
      : [],
    virtualizationType: 'hvm',
    tagSet: ec2TagSet(nameTag(ctx), ownershipTags(rng)),
    hypervisor: 'xen',
    ebsOptimized: true,
    enaSupport: true,
    metadataOptions: { state: 'applied', httpTokens: 'required', httpEndpoint: 'enabled' },
    platformDetails: 'Linux/UNIX',
  };
});

const volume = ec2Kind('ec2.volume', 'aws_ebs_volume', 12, 'vol', 'volume', (ctx, key) => {
  const { rng, scope, index } = ctx;
  const instanceId =
    index < siblingCount(ctx, 'ec2.instance', scope)
      ? siblingKey(ctx, 'ec2.instance', scope, index)
      : undefined;
  const created = pastIso(ctx, 500);
  const size = rng.pick([8, 20, 50, 100, 200, 500]);
  return {
    volumeId: key,
    size,
    snapshotId: '',
    availabilityZone: az(ctx, 0),
    status: instanceId ? 'in-use' : 'available',
    createTime: created,
    attachmentSet: instanceId
      ? [
          {
            volumeId: key,
            instanceId,
            device: '/dev/xvda',
            status: 'attached',
            attachTime: created,
            deleteOnTermination: true,
          },
        ]
      : [],
    volumeType: 'gp3',
    iops: 3000,
    throughput: 125,
    encrypted: rng.chance(0.7),
    multiAttachEnabled: false,
    tagSet: ec2TagSet(nameTag(ctx), ownershipTags(rng)),
  };
});

const snapshot: KindSpec = {
  ...ec2Kind('ec2.snapshot', 'aws_ebs_snapshot', 10, 'snap', 'snapshot', (ctx, key) => {
    const { rng, scope, index } = ctx;
    return {
      snapshotId: key,
      volumeId: siblingKey(ctx, 'ec2.volume', scope, index) ?? 'vol-ffffffff',
      status: 'completed',
      startTime: pastIso(ctx, 700),
      progress: '100%',
      ownerId: scope.account,
      volumeSize: rng.pick([8, 20, 50, 100]),
      description: rng.chance(0.5) ? 'Created by AWS Backup' : `nightly backup ${index}`,
      encrypted: rng.chance(0.7),
      storageTier: 'standard',
      tagSet: ec2TagSet(nameTag(ctx), ownershipTags(rng)),
    };
  }),
  uid: (scope, key) => `arn:aws:ec2:${regionOf(scope)}::snapshot/${key}`,
};

/** Security group names follow the index, so an instance can name the group it references. */
function sgName(index: number): string {
  return `${PURPOSES[index % PURPOSES.length]}-${hexOf(index, 6)}`;
}

const securityGroup = ec2Kind(
  'ec2.securityGroup',
  'aws_security_group',
  4,
  'sg',
  'security-group',
  (ctx, key) => {
    const { rng, index } = ctx;
    const port = rng.pick([22, 80, 443, 5432, 6379, 8080]);
    return {
      ownerId: ctx.scope.account,
      groupId: key,
      groupName: sgName(index),
      groupDescription: 'Managed by platform team',
      vpcId: vpcOf(ctx, index),
      ipPermissions: [
        {
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          groups: [],
          ipRanges: [{ cidrIp: port === 443 ? '0.0.0.0/0' : '10.0.0.0/8' }],
          ipv6Ranges: [],
          prefixListIds: [],
        },
      ],
      ipPermissionsEgress: [
        {
          ipProtocol: '-1',
          groups: [],
          ipRanges: [{ cidrIp: '0.0.0.0/0' }],
          ipv6Ranges: [],
          prefixListIds: [],
        },
      ],
      tagSet: ec2TagSet(undefined, ownershipTags(rng)),
      securityGroupArn: ec2Arn(ctx.scope, 'security-group', key),
    };
  },
);

/** A kind whose key is a sorted `word-xxxxx` name (key pairs, IAM, RDS, Lambda). */
function namedKind(
  kind: string,
  type: string,
  level: KindSpec['level'],
  weight: number,
  words: readonly string[],
  uid: KindSpec['uid'],
  item: KindSpec['item'],
): KindSpec {
  return {
    kind,
    type,
    provider: 'aws',
    level,
    weight,
    key: (ctx) => sortedName(words, ctx.stream, ctx.index, ctx.count),
    uid,
    item,
  };
}

const keyPair = namedKind(
  'ec2.keyPair',
  'aws_key_pair',
  'aws-region',
  0.6,
  PEOPLE,
  (scope, key) => ec2Arn(scope, 'key-pair', key),
  (ctx, key) => ({
    keyPairId: ec2Id('key', ctx.stream, ctx.index, ctx.count),
    keyFingerprint: ctx.rng.hex(40).replace(/(..)(?!$)/g, '$1:'),
    keyName: key,
    keyType: 'ed25519',
    tagSet: ec2TagSet(undefined, ownershipTags(ctx.rng)),
    createTime: pastIso(ctx, 900),
  }),
);

const vpc = ec2Kind('ec2.vpc', 'aws_vpc', 0.5, 'vpc', 'vpc', (ctx, key) => ({
  vpcId: key,
  ownerId: ctx.scope.account,
  state: 'available',
  cidrBlock: `10.${ctx.index % 256}.0.0/16`,
  dhcpOptionsId: `dopt-0${ctx.rng.hex(16)}`,
  instanceTenancy: 'default',
  isDefault: false,
  cidrBlockAssociationSet: [
    {
      associationId: `vpc-cidr-assoc-0${ctx.rng.hex(16)}`,
      cidrBlock: `10.${ctx.index % 256}.0.0/16`,
      cidrBlockState: { state: 'associated' },
    },
  ],
  tagSet: ec2TagSet(nameTag(ctx), ownershipTags(ctx.rng)),
}));

const subnet = ec2Kind('ec2.subnet', 'aws_subnet', 3, 'subnet', 'subnet', (ctx, key) => ({
  subnetId: key,
  subnetArn: ec2Arn(ctx.scope, 'subnet', key),
  state: 'available',
  vpcId: vpcOf(ctx, ctx.index),
  ownerId: ctx.scope.account,
  cidrBlock: `10.${ctx.index % 256}.${(ctx.index >> 8) % 256}.0/24`,
  availableIpAddressCount: ctx.rng.int(10, 250),
  availabilityZone: az(ctx, 0),
  defaultForAz: false,
  mapPublicIpOnLaunch: ctx.rng.chance(0.2),
  tagSet: ec2TagSet(nameTag(ctx), ownershipTags(ctx.rng)),
}));

const routeTable = ec2Kind('ec2.routeTable', 'aws_route_table', 1.5, 'rtb', 'route-table', (ctx, key) => ({
  routeTableId: key,
  vpcId: vpcOf(ctx, ctx.index),
  ownerId: ctx.scope.account,
  routeSet: [
    {
      destinationCidrBlock: `10.${ctx.index % 256}.0.0/16`,
      gatewayId: 'local',
      state: 'active',
      origin: 'CreateRouteTable',
    },
  ],
  associationSet: [],
  propagatingVgwSet: [],
  tagSet: ec2TagSet(nameTag(ctx), ownershipTags(ctx.rng)),
}));

const internetGateway = ec2Kind(
  'ec2.internetGateway',
  'aws_internet_gateway',
  0.4,
  'igw',
  'internet-gateway',
  (ctx, key) => ({
    internetGatewayId: key,
    ownerId: ctx.scope.account,
    attachmentSet: [{ vpcId: vpcOf(ctx, ctx.index), state: 'available' }],
    tagSet: ec2TagSet(nameTag(ctx), ownershipTags(ctx.rng)),
  }),
);

/** S3 bucket: the object carries its home region and optional sub-resources for the detail calls. */
const bucket: KindSpec = {
  kind: 's3.bucket',
  type: 'aws_s3_bucket',
  provider: 'aws',
  level: 'aws-account',
  weight: 0.8,
  key: (ctx) => `${sortedName(APPS, ctx.stream, ctx.index, ctx.count)}-${ctx.scope.account}`,
  uid: (_scope, key) => `arn:aws:s3:::${key}`,
  item: (ctx, key) => {
    const { rng } = ctx;
    const tags = rng.chance(0.7) ? ownershipTags(rng) : undefined;
    return {
      Name: key,
      CreationDate: pastIso(ctx, 1500),
      Region: rng.pick(ctx.layout.awsRegions),
      Tags: tags,
      Versioning: rng.pick(['Enabled', 'Suspended', undefined]),
      Encrypted: rng.chance(0.6),
      Lifecycle: rng.chance(0.3) ? { days: rng.pick([30, 90, 365]) } : undefined,
      Policy: rng.chance(0.25)
        ? JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [`arn:aws:s3:::${key}`, `arn:aws:s3:::${key}/*`],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          })
        : undefined,
    };
  },
};

function iamId(ctx: GenContext, prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = prefix;
  while (out.length < 21) out += alphabet[ctx.rng.next() % 32];
  return out;
}

function iamKind(
  kind: string,
  type: string,
  weight: number,
  words: readonly string[],
  arnPart: string,
  item: KindSpec['item'],
): KindSpec {
  return namedKind(
    kind,
    type,
    'aws-account',
    weight,
    words,
    (scope, key) => `arn:aws:iam::${scope.account}:${arnPart}/${key}`,
    item,
  );
}

const user = iamKind('iam.user', 'aws_iam_user', 0.5, PEOPLE, 'user', (ctx, key) => ({
  Path: '/',
  UserName: key,
  UserId: iamId(ctx, 'AIDA'),
  Arn: `arn:aws:iam::${ctx.scope.account}:user/${key}`,
  CreateDate: pastIso(ctx, 1500),
  ...(ctx.rng.chance(0.6) ? { PasswordLastUsed: pastIso(ctx, 30) } : {}),
}));

const role = iamKind('iam.role', 'aws_iam_role', 1, ROLES, 'role', (ctx, key) => ({
  Path: '/',
  RoleName: key,
  RoleId: iamId(ctx, 'AROA'),
  Arn: `arn:aws:iam::${ctx.scope.account}:role/${key}`,
  CreateDate: pastIso(ctx, 1500),
  AssumeRolePolicyDocument: encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: `${ctx.rng.pick(['ec2', 'lambda', 'ecs-tasks'])}.amazonaws.com` },
          Action: 'sts:AssumeRole',
        },
      ],
    }),
  ),
  Description: `Role for ${key}`,
  MaxSessionDuration: 3600,
}));

const policy = iamKind('iam.policy', 'aws_iam_policy', 0.4, ROLES, 'policy', (ctx, key) => {
  const created = pastIso(ctx, 1500);
  return {
    PolicyName: key,
    PolicyId: iamId(ctx, 'ANPA'),
    Arn: `arn:aws:iam::${ctx.scope.account}:policy/${key}`,
    Path: '/',
    DefaultVersionId: `v${ctx.rng.int(1, 5)}`,
    AttachmentCount: ctx.rng.int(0, 6),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: created,
    UpdateDate: created,
  };
});

const ENGINES = [
  { engine: 'postgres', version: '16.4', port: 5432 },
  { engine: 'mysql', version: '8.0.39', port: 3306 },
  { engine: 'aurora-postgresql', version: '15.8', port: 5432 },
];

const dbInstance = namedKind(
  'rds.dbInstance',
  'aws_db_instance',
  'aws-region',
  0.3,
  DATABASES,
  (scope, key) => `arn:aws:rds:${regionOf(scope)}:${scope.account}:db:${key}`,
  (ctx, key) => {
    const { rng, scope } = ctx;
    const region = regionOf(scope);
    const engine = rng.pick(ENGINES);
    const tags = ownershipTags(rng);
    return {
      DBInstanceIdentifier: key,
      DBInstanceClass: rng.pick(['db.t4g.medium', 'db.r6g.large', 'db.m6g.xlarge']),
      Engine: engine.engine,
      DBInstanceStatus: 'available',
      MasterUsername: 'dbadmin',
      DBName: key.split('-')[0],
      Endpoint: {
        Address: `${key}.c${rng.hex(11)}.${region}.rds.amazonaws.com`,
        Port: engine.port,
        HostedZoneId: 'Z2R2ITUGPM61AM',
      },
      AllocatedStorage: rng.pick([20, 100, 500]),
      InstanceCreateTime: pastIso(ctx, 1000),
      PreferredBackupWindow: '03:00-03:30',
      BackupRetentionPeriod: 7,
      VpcSecurityGroups: [
        {
          VpcSecurityGroupId: siblingKey(ctx, 'ec2.securityGroup', scope, ctx.index) ?? 'sg-0',
          Status: 'active',
        },
      ],
      AvailabilityZone: az(ctx, 1),
      MultiAZ: rng.chance(0.4),
      EngineVersion: engine.version,
      AutoMinorVersionUpgrade: true,
      PubliclyAccessible: false,
      StorageType: 'gp3',
      DbInstancePort: 0,
      StorageEncrypted: true,
      KmsKeyId: `arn:aws:kms:${region}:${scope.account}:key/${rng.uuid()}`,
      DbiResourceId: `db-${rng.hex(26).toUpperCase()}`,
      DeletionProtection: rng.chance(0.5),
      DBInstanceArn: `arn:aws:rds:${region}:${scope.account}:db:${key}`,
      MasterUserSecret: {
        SecretArn: `arn:aws:secretsmanager:${region}:${scope.account}:secret:rds!db-${rng.uuid()}-${rng.hex(6)}`,
        SecretStatus: 'active',
      },
      TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    };
  },
);

const RUNTIMES = ['nodejs22.x', 'python3.12', 'java21', 'provided.al2023'];

const lambdaFunction = namedKind(
  'lambda.function',
  'aws_lambda_function',
  'aws-region',
  1,
  APPS,
  (scope, key) => `arn:aws:lambda:${regionOf(scope)}:${scope.account}:function:${key}`,
  (ctx, key) => {
    const { rng, scope } = ctx;
    const region = regionOf(scope);
    return {
      FunctionName: key,
      FunctionArn: `arn:aws:lambda:${region}:${scope.account}:function:${key}`,
      Runtime: rng.pick(RUNTIMES),
      Role: `arn:aws:iam::${scope.account}:role/lambda-${key}`,
      Handler: 'index.handler',
      CodeSize: rng.int(1000, 50_000_000),
      Description: `${key} handler`,
      Timeout: rng.pick([3, 30, 60, 900]),
      MemorySize: rng.pick([128, 256, 512, 1024]),
      LastModified: pastIso(ctx, 300).replace('Z', '.000+0000'),
      CodeSha256: Buffer.from(rng.hex(64), 'hex').toString('base64'),
      Version: '$LATEST',
      Environment: {
        Variables: {
          LOG_LEVEL: rng.pick(['info', 'debug']),
          DATABASE_URL: `postgres://app:${rng.hex(16)}@db.internal:5432/${key.split('-')[0]}`,
          API_TOKEN: `tok_${rng.hex(24)}`,
        },
      },
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: rng.uuid(),
      PackageType: 'Zip',
      Architectures: [rng.chance(0.4) ? 'arm64' : 'x86_64'],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${key}` },
    };
  },
);

/** Every AWS kind. */
export const AWS_KINDS: readonly KindSpec[] = [
  instance,
  volume,
  snapshot,
  securityGroup,
  keyPair,
  vpc,
  subnet,
  routeTable,
  internetGateway,
  bucket,
  user,
  role,
  policy,
  dbInstance,
  lambdaFunction,
];
