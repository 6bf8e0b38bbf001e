/** Amazon Resource Names as the AWS provider stores them in `arn` attributes. */

/** The parts of an ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  /** Empty for global services (IAM, S3). */
  readonly region: string;
  /** Empty where AWS leaves it out (S3 buckets, EBS snapshots). */
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

/** Parses an ARN; `undefined` for anything that is not one. */
export function parseArn(value: string | undefined): Arn | undefined {
  const match = value === undefined ? null : ARN.exec(value);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { partition, service, region, account, resource };
}
