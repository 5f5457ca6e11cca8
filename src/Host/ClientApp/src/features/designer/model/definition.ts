import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor } from './ports';
import { portsOf } from './ports';

/** An expression as the definition JSON stores it, e.g. `{ "type": "Literal", "value": ["Pass", "Fail"] }`. */
export interface ExpressionJson {
  type: string;
  value?: unknown;
}

export interface Position {
  x: number;
  y: number;
}

/** One activity of a flowchart (Elsa-3 shaped): inputs are its other properties, the canvas position is metadata. */
export interface ActivityJson {
  id: string;
  type: string;
  name?: string;
  metadata?: { designer?: { position?: Position; [key: string]: unknown }; [key: string]: unknown };
  [input: string]: unknown;
}

export interface ConnectionJson {
  source: { activity: string; port?: string };
  target: { activity: string; port?: string };
}

export interface DefinitionJson {
  definitionId?: string;
  name?: string;
  root: { type: string; activities: ActivityJson[]; connections: ConnectionJson[]; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ActivityNodeData extends Record<string, unknown> {
  /** The activity as read, position included: writing it back changes only what the canvas changed. */
  activity: ActivityJson;
  /** Outcome ports, in the order the node shows them. */
  ports: string[];
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  /** The connection as read, written back unchanged while its endpoints are the same. */
  connection?: ConnectionJson;
}

export type ActivityNode = Node<ActivityNodeData, 'activity'>;
export type ConnectionEdge = Edge<ConnectionEdgeData>;

export const DefaultSourcePort = 'Done';
export const DefaultTargetPort = 'In';

export function positionOf(activity: ActivityJson): Position | undefined {
  return activity.metadata?.designer?.position;
}

export function edgeId(c: ConnectionJson): string {
  const source = `${c.source.activity}:${c.source.port ?? DefaultSourcePort}`;
  return `${source}->${c.target.activity}:${c.target.port ?? DefaultTargetPort}`;
}

/** The definition's flowchart as React Flow nodes and edges; activities without a position start at 0,0. */
export function toFlow(
  definition: DefinitionJson,
  descriptors: ReadonlyMap<string, ActivityDescriptor>,
): { nodes: ActivityNode[]; edges: ConnectionEdge[] } {
  const { activities, connections } = definition.root;
  const edges: ConnectionEdge[] = connections.map((connection) => ({
    id: edgeId(connection),
    source: connection.source.activity,
    sourceHandle: connection.source.port ?? DefaultSourcePort,
    target: connection.target.activity,
    targetHandle: connection.target.port ?? DefaultTargetPort,
    data: { connection },
  }));
  const nodes: ActivityNode[] = activities.map((activity) => ({
    id: activity.id,
    type: 'activity',
    position: positionOf(activity) ?? { x: 0, y: 0 },
    data: { activity, ports: portsOf(activity, descriptors.get(activity.type), connections) },
  }));
  return { nodes, edges };
}

/** Writes the activity's canvas position into its metadata, keeping every other key where it was. */
export function withPosition(activity: ActivityJson, position: Position): ActivityJson {
  const current = positionOf(activity);
  if (current && current.x === position.x && current.y === position.y) return activity;
  const metadata = activity.metadata ?? {};
  const designer = metadata.designer ?? {};
  return {
    ...activity,
    metadata: { ...metadata, designer: { ...designer, position: { x: position.x, y: position.y } } },
  };
}

function toConnection(edge: ConnectionEdge): ConnectionJson {
  const original = edge.data?.connection;
  const sourcePort = edge.sourceHandle ?? DefaultSourcePort;
  const targetPort = edge.targetHandle ?? DefaultTargetPort;
  if (original
    && original.source.activity === edge.source && (original.source.port ?? DefaultSourcePort) === sourcePort
    && original.target.activity === edge.target && (original.target.port ?? DefaultTargetPort) === targetPort)
    return original;
  return { source: { activity: edge.source, port: sourcePort }, target: { activity: edge.target, port: targetPort } };
}

/**
 * The definition with the canvas's activities and connections, in the canvas's order. Everything else (name,
 * variables, the root's other keys) is taken from `definition`, key order kept, so an untouched canvas writes the
 * JSON it read byte for byte.
 */
export function fromFlow(definition: DefinitionJson, nodes: ActivityNode[], edges: ConnectionEdge[]): DefinitionJson {
  return {
    ...definition,
    root: {
      ...definition.root,
      activities: nodes.map((n) => withPosition(n.data.activity, n.position)),
      connections: edges.map(toConnection),
    },
  };
}
