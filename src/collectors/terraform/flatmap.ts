/**
 * Legacy flatmap attributes (state v3, and `attributes_flat` in v4 states upgraded from it) to
 * the nested JSON form that v4 states hold. The flatmap writes every leaf as a string under a
 * dotted key:
 *
 * - `NAME.#` = count: a list or set; its elements are `NAME.0`, `NAME.1`... for a list and
 *   `NAME.HASH` for a set (`egress.1799340084.cidr_blocks.0`). Elements come out in numeric
 *   order of their index or hash. (Before Terraform 0.7, maps were counted with `#` too: a `#`
 *   container with a non-numeric element key is read as a map.)
 * - `NAME.%` = count: a map; every key after `NAME.` is one map key, dots included
 *   (`tags.kubernetes.io/cluster/prod`).
 * - anything else with children: an object (a block), one attribute per next segment.
 *
 * Counts are hints: the elements present are the truth. Leaves stay strings ("true", "10"):
 * their types lived in the provider's schema, which a state reader does not have.
 */

interface Node {
  value?: string;
  readonly children: Map<string, Node>;
}

const INTEGER = /^-?\d+$/;

function newNode(): Node {
  return { children: new Map() };
}

/** Whether `node` has the count marker `mark` (`#` or `%`) as a leaf child. */
function hasMarker(node: Node, mark: '#' | '%'): boolean {
  const marker = node.children.get(mark);
  return marker !== undefined && marker.value !== undefined && marker.children.size === 0;
}

/** Every leaf under `node`, keyed by its dotted path below `node`. */
function collectLeaves(node: Node, prefix: string, out: Record<string, string>): void {
  for (const [segment, child] of node.children) {
    const key = prefix ? `${prefix}.${segment}` : segment;
    if (child.value !== undefined) out[key] = child.value;
    collectLeaves(child, key, out);
  }
}

function buildMap(node: Node, marker: '#' | '%'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [segment, child] of node.children) {
    if (segment === marker && child.children.size === 0) continue;
    if (child.value !== undefined) out[segment] = child.value;
    collectLeaves(child, segment, out);
  }
  return out;
}

function buildList(node: Node): unknown[] {
  return [...node.children]
    .filter(([segment]) => segment !== '#')
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => build(child));
}

function buildObject(node: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [segment, child] of node.children) out[segment] = build(child);
  return out;
}

function build(node: Node): unknown {
  if (node.children.size === 0) return node.value ?? null;
  if (hasMarker(node, '%')) return buildMap(node, '%');
  if (hasMarker(node, '#')) {
    const elements = [...node.children.keys()].filter((segment) => segment !== '#');
    return elements.every((segment) => INTEGER.test(segment)) ? buildList(node) : buildMap(node, '#');
  }
  return buildObject(node);
}

/**
 * Unflattens flatmap attributes into nested objects, lists and maps.
 *
 * @example unflatten({ 'tags.%': '1', 'tags.Name': 'web', 'ids.#': '1', 'ids.0': 'a' })
 *   // → { tags: { Name: 'web' }, ids: ['a'] }
 */
export function unflatten(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const root = newNode();
  for (const [key, value] of Object.entries(flat)) {
    let node = root;
    for (const segment of key.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return buildObject(root);
}
