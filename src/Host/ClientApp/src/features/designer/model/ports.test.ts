import { describe, expect, it } from 'vitest';
import { declaredOutcomes, portsOf } from './ports';
import { testDescriptors } from './testing';

const lit = (value: unknown) => ({ type: 'Literal', value });

describe('ports', () => {
  it('takes fixed outcomes from the descriptor', () => {
    expect(declaredOutcomes({ id: 'd', type: 'Decision' }, testDescriptors.get('Decision'))).toEqual(['True', 'False']);
  });

  it('takes a HumanTask\'s outcomes from its outcomes input, else the input\'s default', () => {
    const human = testDescriptors.get('HumanTask');
    expect(declaredOutcomes({ id: 'h', type: 'HumanTask', outcomes: lit(['Pass', 'Fail']) }, human))
      .toEqual(['Pass', 'Fail']);
    expect(declaredOutcomes({ id: 'h', type: 'HumanTask' }, human)).toEqual(['Done']);
  });

  it('gives a Switch its cases and Default', () => {
    expect(declaredOutcomes({ id: 's', type: 'Switch', cases: lit(['Small', 'Large']) }, testDescriptors.get('Switch')))
      .toEqual(['Small', 'Large', 'Default']);
  });

  it('keeps a port a connection leaves from even when no outcome declares it', () => {
    const connections = [{ source: { activity: 's', port: 'Odd' }, target: { activity: 'x', port: 'In' } }];
    expect(portsOf({ id: 's', type: 'Switch', cases: { type: 'JavaScript', value: 'x' } },
      testDescriptors.get('Switch'), connections)).toEqual(['Default', 'Odd']);
    expect(portsOf({ id: 's', type: 'Unknown' }, undefined, connections)).toEqual(['Odd']);
  });
});
