/**
 * RDS DB instances. The API never returns the master password; `redactSecrets` still covers any
 * secret-looking field, and `MasterUserSecret` is only a reference to Secrets Manager.
 */
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import type { AwsListKind } from './list-kind.ts';
import { awsResource, tagMap } from './resource.ts';

export const RDS_KINDS: readonly AwsListKind<'rds'>[] = [
  {
    type: 'aws_db_instance',
    service: 'rds',
    api: 'rds:DescribeDBInstances',
    async page(client, Marker, abortSignal, scope) {
      const out = await client.send(new DescribeDBInstancesCommand({ Marker, MaxRecords: 100 }), {
        abortSignal,
      });
      return {
        resources: (out.DBInstances ?? []).map((item) =>
          awsResource(scope, {
            type: 'aws_db_instance',
            uid: item.DBInstanceArn ?? '',
            id: item.DbiResourceId ?? '',
            name: item.DBInstanceIdentifier ?? '',
            zone: item.AvailabilityZone,
            tags: tagMap(item.TagList),
            item,
          }),
        ),
        next: out.Marker,
      };
    },
  },
];
