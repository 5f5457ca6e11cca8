import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

const workflows = fileURLToPath(new URL('../../../../../../workflows-json/', import.meta.url));

/** Every literal outcome a seeded workflow's human task offers (`Done` when it names none). */
function seededOutcomes(): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const activity = node as Record<string, unknown>;
    if (activity.type === 'HumanTask') {
      const outcomes = (activity.outcomes as { value?: unknown } | undefined)?.value;
      (Array.isArray(outcomes) ? outcomes : ['Done']).forEach((o) => found.add(String(o)));
    }
    Object.values(activity).forEach(walk);
  };
  for (const file of readdirSync(workflows).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(workflows + file, 'utf8')));
  return [...found].sort();
}

describe('outcome names', () => {
  it('exist in both languages for every outcome the seeded workflows offer', () => {
    const outcomes = seededOutcomes();
    expect(outcomes).toContain('NeedsReturn');
    expect(outcomes.filter((o) => !(o in zh.outcomes))).toEqual([]);
    expect(outcomes.filter((o) => !(o in en.outcomes))).toEqual([]);
  });
});
