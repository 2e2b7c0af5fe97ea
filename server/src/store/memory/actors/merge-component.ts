/**
 * The walk over merge edges that both actor merges (on the heap and in SQLite tables) use to rebuild a cluster:
 * one implementation, so that the two give the same clusters in the same key order.
 */

/** The merge edges a walk follows: a key's one target, the keys that target it, and which keys are live. */
export interface MergeEdges {
  target(key: string): string | undefined;
  incoming(key: string): Iterable<string>;
  has(key: string): boolean;
}

/** The live keys connected to `start` by merge edges, in walk order (start first); `visit` sees each as it is reached. */
export function connectedKeys(start: string, edges: MergeEdges, visit: (key: string) => void): string[] {
  const keys: string[] = [];
  const seen = new Set<string>([start]);
  const stack = [start];
  const reach = (y: string | undefined): void => {
    if (y === undefined || seen.has(y) || !edges.has(y)) return;
    seen.add(y);
    stack.push(y);
  };
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    keys.push(x);
    visit(x);
    reach(edges.target(x));
    for (const y of edges.incoming(x)) reach(y);
  }
  return keys;
}
