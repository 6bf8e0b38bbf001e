/**
 * The resource types the AWS collector produces (CONTRACT.md section 1), known without loading
 * the SDK.
 */
export const AWS_TYPES: readonly string[] = [
  'aws_instance',
  'aws_ebs_volume',
  'aws_ebs_snapshot',
  'aws_security_group',
  'aws_key_pair',
  'aws_vpc',
  'aws_subnet',
  'aws_route_table',
  'aws_internet_gateway',
  'aws_s3_bucket',
  'aws_iam_user',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_db_instance',
  'aws_lambda_function',
];
