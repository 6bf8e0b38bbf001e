/**
 * Canonical uids (CONTRACT.md section 1). Every collector and the Terraform state reader build
 * uids here, so an object seen by a cloud collector and by a state file gets the same uid and the
 * merger can join them exactly.
 */

/** The ARN of an EC2 object that AWS names `TYPE/ID` within an account and region. */
export function ec2Arn(region: string, account: string, resourceType: Ec2ArnType, id: string): string {
  return `arn:aws:ec2:${region}:${account}:${resourceType}/${id}`;
}

/** Resource types in EC2 ARNs that carry the account. */
export type Ec2ArnType =
  | 'instance'
  | 'volume'
  | 'security-group'
  | 'key-pair'
  | 'vpc'
  | 'subnet'
  | 'route-table'
  | 'internet-gateway';

/** EBS snapshots are AWS's exception: their ARN has no account. */
export function ebsSnapshotArn(region: string, snapshotId: string): string {
  return `arn:aws:ec2:${region}::snapshot/${snapshotId}`;
}

export function s3BucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** `//compute.googleapis.com/projects/P/zones/Z/instances/NAME` and its siblings. */
export function gcpComputeUid(
  project: string,
  scope: { zone: string } | { region: string } | 'global',
  collection: string,
  name: string,
): string {
  const where =
    scope === 'global' ? 'global' : 'zone' in scope ? `zones/${scope.zone}` : `regions/${scope.region}`;
  return `//compute.googleapis.com/projects/${project}/${where}/${collection}/${name}`;
}

export function gcsBucketUid(bucket: string): string {
  return `//storage.googleapis.com/${bucket}`;
}

export function gkeClusterUid(project: string, location: string, name: string): string {
  return `//container.googleapis.com/projects/${project}/locations/${location}/clusters/${name}`;
}

export function gcpServiceAccountUid(project: string, email: string): string {
  return `//iam.googleapis.com/projects/${project}/serviceAccounts/${email}`;
}

/**
 * `k8s://CLUSTER/GROUP/VERSION/KIND/NAMESPACE/NAME`, with GROUP `core` for the core group and
 * NAMESPACE `_` for cluster-scoped objects. CLUSTER is the kubeconfig cluster name, not the
 * context name.
 */
export function kubernetesUid(
  cluster: string,
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? 'core' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  return `k8s://${cluster}/${group}/${version}/${kind}/${namespace || '_'}/${name}`;
}

/**
 * The uid of a Terraform state entry that has no cloud uid: `tf://STATE/ADDRESS`. A deposed
 * object (the old half of a create-before-destroy replacement) shares its address with the
 * current object, so it takes the deposed key as a suffix: `tf://STATE/ADDRESS#deposed=KEY`.
 */
export function terraformUid(state: string, address: string, deposedKey?: string): string {
  const uid = `tf://${state}/${address}`;
  return deposedKey === undefined ? uid : `${uid}#deposed=${deposedKey}`;
}
