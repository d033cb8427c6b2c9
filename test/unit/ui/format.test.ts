import { describe, expect, it } from 'vitest';
import {
  clockFace,
  describeSessionFacts,
  describeTargetChange,
  formatDuration,
  plural,
} from '../../../src/ui/format.ts';

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

describe('describeSessionFacts', () => {
  const summary = {
    durationMs: 300_000,
    sets: 3,
    reps: 0,
    holdMs: 0,
    avgBpm: null,
    maxBpm: null,
    recoveryBpm: null,
  };

  it('tells what a session counted and held, leaving out what it had none of', () => {
    expect(describeSessionFacts({ ...summary, holdMs: 138_600, avgBpm: 92 })).toBe(
      '5 min · 3 sets · 2 min 18 s held · 92 bpm average',
    );
    expect(describeSessionFacts({ ...summary, sets: 1, reps: 15 })).toBe(
      '5 min · 1 set · 15 reps and breaths',
    );
    expect(describeSessionFacts({ ...summary, durationMs: 20_000, reps: 13, holdMs: 44_000 })).toBe(
      'under a minute · 3 sets · 13 reps and breaths · 44 s held',
    );
    expect(describeSessionFacts({ ...summary, sets: 1, reps: 1 })).toBe('5 min · 1 set · 1 rep or breath');
  });
});
