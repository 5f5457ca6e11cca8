import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DefinitionJson } from './definition';
import type { ActivityDescriptor } from './ports';

const folder = fileURLToPath(new URL('../../../../../../../workflows-json/', import.meta.url));

/** The seeded workflow files (tests only: read through node fs, never part of the app bundle). */
export function seededWorkflows(): { file: string; text: string; definition: DefinitionJson }[] {
  return readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const text = readFileSync(folder + file, 'utf8');
    return { file, text, definition: JSON.parse(text) as DefinitionJson };
  });
}

/** A descriptor with only what the model reads; the rest empty. */
export function descriptor(type: string, extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor {
  return {
    type, displayName: type, category: 'Test', description: '', inputs: [], outputs: [], outcomes: ['Done'],
    dynamicOutcomes: false, resumable: false, ...extra,
  };
}

export const testDescriptors = new Map<string, ActivityDescriptor>([
  ['Decision', descriptor('Decision', { outcomes: ['True', 'False'] })],
  ['End', descriptor('End', { outcomes: [] })],
  ['HumanTask', descriptor('HumanTask', {
    dynamicOutcomes: true, outcomes: [],
    inputs: [{ name: 'outcomes', default: ['Done'], description: '', options: null, required: false, type: 'String[]',
      uiHint: 'list' }],
  })],
  ['Fork', descriptor('Fork', { dynamicOutcomes: true, outcomes: [] })],
  ['Switch', descriptor('Switch', { dynamicOutcomes: true, outcomes: [] })],
]);
