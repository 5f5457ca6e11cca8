import type { components } from '../../../shared/api/schema';
import type { ActivityJson, ConnectionJson, ExpressionJson } from './definition';

export type ActivityDescriptor = components['schemas']['ActivityDescriptor'];

/**
 * The input that names the outcomes of an activity with dynamic outcomes, mirroring the server's
 * `IDynamicOutcomes` (HumanTask, Fork, Switch); `extra` are outcomes it always has besides.
 */
const dynamicOutcomeInputs: Record<string, { input: string; extra: string[] }> = {
  HumanTask: { input: 'outcomes', extra: [] },
  Fork: { input: 'branches', extra: [] },
  Switch: { input: 'cases', extra: ['Default'] },
};

function literalList(expression: unknown): string[] | undefined {
  const e = expression as ExpressionJson | undefined;
  if (!e || e.type !== 'Literal' || !Array.isArray(e.value)) return undefined;
  return e.value.map(String);
}

/** The outcomes an activity declares: from its descriptor, or from its literal list input when they are dynamic. */
export function declaredOutcomes(activity: ActivityJson, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return [];
  const dynamic = dynamicOutcomeInputs[activity.type];
  if (!descriptor.dynamicOutcomes || !dynamic) return [...descriptor.outcomes];
  const fallback = descriptor.inputs.find((i) => i.name === dynamic.input)?.default;
  const listed = literalList(activity[dynamic.input]) ?? (Array.isArray(fallback) ? fallback.map(String) : []);
  return [...listed, ...dynamic.extra.filter((e) => !listed.includes(e))];
}

/**
 * The node's outcome ports: the declared outcomes, then any port a connection leaves from that is not declared (an
 * outcome computed by an expression, or an unknown type), so that no connection is ever dropped from the canvas.
 */
export function portsOf(
  activity: ActivityJson,
  descriptor: ActivityDescriptor | undefined,
  connections: readonly ConnectionJson[],
): string[] {
  const ports = declaredOutcomes(activity, descriptor);
  for (const c of connections) {
    const port = c.source.port ?? 'Done';
    if (c.source.activity === activity.id && !ports.includes(port)) ports.push(port);
  }
  return ports;
}
