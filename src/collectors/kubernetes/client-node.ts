/**
 * @kubernetes/client-node, loaded on first use: importing it takes most of a second, which a
 * scan of other providers (or `wgo --help`) must not pay. Other files import its types only.
 */

/** The client-node module. */
export type ClientNode = typeof import('@kubernetes/client-node');

/** The client-node module (Node imports it once and hands back the same module after). */
export function clientNode(): Promise<ClientNode> {
  return import('@kubernetes/client-node');
}
