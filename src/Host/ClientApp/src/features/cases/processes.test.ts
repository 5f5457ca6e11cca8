import { describe, expect, it } from 'vitest';
import { childProcesses } from './processes';

const task = (id: string, instanceId: string, status: string, createdAt: string) => ({
  id,
  instanceId,
  status,
  createdAt,
});

describe('childProcesses', () => {
  it('groups the tasks of instances other than the case\'s own, in the order they began', () => {
    const tasks = [
      task('t1', 'case', 'completed', '2026-12-01T08:00:00Z'),
      task('t4', 'visit', 'completed', '2026-12-01T12:00:00Z'),
      task('t3', 'return', 'open', '2026-12-01T10:00:00Z'),
      task('t2', 'return', 'completed', '2026-12-01T09:00:00Z'),
    ];
    const children = childProcesses(tasks, 'case');
    expect(children.map((c) => [c.instanceId, c.tasks.map((t) => t.id), c.running])).toEqual([
      ['return', ['t2', 't3'], true],
      ['visit', ['t4'], false],
    ]);
  });

  it('finds none when every task is the case\'s own', () => {
    expect(childProcesses([task('t1', 'case', 'open', '2026-12-01T08:00:00Z')], 'case')).toEqual([]);
  });
});
