import ELK from 'elkjs/lib/elk.bundled.js';
import type { ActivityNode, ConnectionEdge, Position } from './definition';

export const NodeWidth = 200;
export const PortRowHeight = 18;

function heightOf(node: ActivityNode): number {
  return 56 + node.data.ports.length * PortRowHeight;
}

/** Left-to-right layered positions for every node (elkjs), for definitions drawn without positions. */
export async function autoLayout(nodes: ActivityNode[], edges: ConnectionEdge[]): Promise<Map<string, Position>> {
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: nodes.map((n) => ({ id: n.id, width: NodeWidth, height: heightOf(n) })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions = new Map<string, Position>();
  for (const child of graph.children ?? [])
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}

/** The nodes moved to their laid-out positions (new objects; the input is not changed). */
export function applyLayout(nodes: ActivityNode[], positions: Map<string, Position>): ActivityNode[] {
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p ? { ...n, position: p } : n;
  });
}

/** True when some activity was stored without a canvas position, so the canvas should lay it out first. */
export function needsLayout(nodes: ActivityNode[]): boolean {
  return nodes.some((n) => n.data.activity.metadata?.designer?.position === undefined);
}
