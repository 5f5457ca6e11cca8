import { describe, expect, it } from 'vitest';
import { fromFlow, toFlow, type ActivityNode } from './definition';
import { seededWorkflows, testDescriptors } from './testing';

describe('definition JSON ↔ canvas', () => {
  const workflows = seededWorkflows();

  it('reads every seeded workflow', () => {
    expect(workflows.map((w) => w.file)).toContain('complaint.json');
  });

  it.each(workflows.map((w) => [w.file, w] as const))('leaves %s byte-identical after a round trip', (_, w) => {
    const { nodes, edges } = toFlow(w.definition, testDescriptors);
    expect(nodes).toHaveLength(w.definition.root.activities.length);
    expect(edges).toHaveLength(w.definition.root.connections.length);
    const written = fromFlow(w.definition, structuredClone(nodes), structuredClone(edges));
    expect(JSON.stringify(written)).toBe(JSON.stringify(JSON.parse(w.text)));
  });

  it('writes a moved node\'s position and a new connection, changing nothing else', () => {
    const complaint = seededWorkflows().find((w) => w.file === 'complaint.json')!.definition;
    const { nodes, edges } = toFlow(complaint, testDescriptors);
    const moved: ActivityNode[] = nodes.map((n) => (n.id === 'end' ? { ...n, position: { x: 5, y: 7 } } : n));
    const added = [...edges,
      { id: 'new', source: 'closed', sourceHandle: 'Done', target: 'start', targetHandle: 'In' }];
    const written = fromFlow(complaint, moved, added);
    const end = written.root.activities.find((a) => a.id === 'end')!;
    expect(end.metadata?.designer?.position).toEqual({ x: 5, y: 7 });
    expect(written.root.connections.at(-1)).toEqual({
      source: { activity: 'closed', port: 'Done' }, target: { activity: 'start', port: 'In' },
    });
    expect(written.root.activities.filter((a) => a.id !== 'end')).toEqual(complaint.root.activities.filter(
      (a) => a.id !== 'end'));
    expect(written.variables).toBe(complaint.variables);
  });

  it('shows HumanTask outcomes and ports that connections use as node ports', () => {
    const complaint = seededWorkflows().find((w) => w.file === 'complaint.json')!.definition;
    const { nodes } = toFlow(complaint, testDescriptors);
    expect(nodes.find((n) => n.id === 'triage')!.data.ports).toEqual(['Simple', 'NeedsReturn', 'OnSite']);
    expect(nodes.find((n) => n.id === 'fork')!.data.ports).toEqual(['Respond', 'Sla']);
  });
});
