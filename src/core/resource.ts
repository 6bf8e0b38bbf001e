/**
 * The resource model: one object a provider reported, in the form every later stage (merge,
 * store, output, drift) relies on. See CONTRACT.md section 1 for the uid of each type.
 */

/** The tool that manages a resource, taken from a Terraform state entry on merge. */
export interface ManagedBy {
  readonly tool: 'terraform';
  /** Terraform's own address, with module path and index key: `module.app.aws_instance.web[0]`. */
  readonly address: string;
  /** The state's location as the user named it (a path relative to `--path`, or a URL). */
  readonly state: string;
}

/** One resource in a snapshot. */
export interface Resource {
  /** Canonical identity: globally unique and stable across scans (CONTRACT.md section 1). */
  uid: string;
  /** `aws`, `gcp`, `kubernetes`, `terraform` or a custom provider's name. */
  provider: string;
  /** Terraform's type name (`aws_instance`), or the same pattern where Terraform has none. */
  type: string;
  /** The provider's own id (`i-0abc...`, a numeric id, `metadata.uid`). */
  id: string;
  name: string;
  /** AWS account id, GCP project id or Kubernetes cluster name. */
  account?: string;
  region?: string;
  zone?: string;
  namespace?: string;
  /** AWS tags, GCP labels, Kubernetes labels. */
  tags: Record<string, string>;
  /** The provider's description of the object, with secrets redacted. */
  configuration: Record<string, unknown>;
  /** Collectors that reported it, sorted; more than one after a merge. */
  sources: string[];
  managedBy?: ManagedBy;
  /** ISO 8601 time the collector saw it. */
  observedAt: string;
}

/** The string that replaces every secret value (CONTRACT.md section 4). */
export const REDACTED = '(redacted)';
