import { describe, expect, it } from 'vitest';
import { clockFace, describeTargetChange, formatDuration, plural } from '../../../src/ui/format.ts';

describe('times and counts as the screens write them', () => {
  it('puts the unit beside a clock of seconds, and none beside minutes and seconds', () => {
    expect(clockFace(15)).toEqual({ digits: '15', suffix: 's' });
    expect(clockFace(67)).toEqual({ digits: '1:07', suffix: '' });
  });

  it('writes a duration for sentences the same way on every screen', () => {
    expect(formatDuration(152)).toBe('2 min 32 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(45)).toBe('45 s');
  });

  it('counts in the singular and plural', () => {
    expect(plural(1, 'set')).toBe('1 set');
    expect(plural(3, 'set')).toBe('3 sets');
  });

  it('says why a target moved', () => {
    expect(describeTargetChange({ exerciseId: 'elbow-plank', settingS: 30, todayS: 25, reason: 'x' })).toBe(
      'Lowered from 30 s: x.',
    );
  });
});
