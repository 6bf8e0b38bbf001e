/**
 * RDS DB instances. The API never returns the master password; `redactSecrets` still covers any
 * secret-looking field, and `MasterUserSecret` is only a reference to Secrets Manager.
 */
import { DescribeDBInstancesCommand, type DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import { type AwsListKind, listKind } from './list-kind.ts';
import { awsResource, tagMap } from './resource.ts';

export const RDS_KINDS: readonly AwsListKind[] = [
  listKind({
    type: 'aws_db_instance',
    service: 'rds',
    api: 'rds:DescribeDBInstances',
    command: (Marker) => new DescribeDBInstancesCommand({ Marker, MaxRecords: 100 }),
    items: (out: DescribeDBInstancesCommandOutput) => out.DBInstances,
    next: (out) => out.Marker,
    resource: (item, scope) =>
      awsResource(scope, {
        type: 'aws_db_instance',
        uid: item.DBInstanceArn ?? '',
        id: item.DbiResourceId ?? '',
        name: item.DBInstanceIdentifier ?? '',
        zone: item.AvailabilityZone,
        tags: tagMap(item.TagList),
        item,
      }),
  }),
];
