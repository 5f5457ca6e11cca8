import { describe, expect, it } from 'vitest';
import { toFlow, type ActivityJson, type DefinitionJson } from './definition';
import { applyLayout, autoLayout, needsLayout } from './layout';
import { seededWorkflows, testDescriptors } from './testing';

function withoutPositions(definition: DefinitionJson): DefinitionJson {
  const strip = (activity: ActivityJson): ActivityJson => {
    const copy = { ...activity };
    delete copy.metadata;
    return copy;
  };
  return { ...definition, root: { ...definition.root, activities: definition.root.activities.map(strip) } };
}

describe('auto-layout', () => {
  const complaint = seededWorkflows().find((w) => w.file === 'complaint.json')!.definition;

  it('is needed only when an activity has no position', () => {
    expect(needsLayout(toFlow(complaint, testDescriptors).nodes)).toBe(false);
    expect(needsLayout(toFlow(withoutPositions(complaint), testDescriptors).nodes)).toBe(true);
  });

  it('places every node, each connection going left to right, no two nodes on one spot', async () => {
    const { nodes, edges } = toFlow(withoutPositions(complaint), testDescriptors);
    const laid = applyLayout(nodes, await autoLayout(nodes, edges));
    const at = new Map(laid.map((n) => [n.id, n.position]));
    expect(new Set(laid.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(laid.length);
    expect(at.get('start')!.x).toBeLessThan(at.get('received')!.x);
    expect(at.get('received')!.x).toBeLessThan(at.get('fork')!.x);
  });
});
