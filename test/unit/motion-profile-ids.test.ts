import { describe, expect, it } from 'vitest';
import { isMotionProfileId } from '../../src/motion/detector.ts';

describe('motion profile ids', () => {
  it('knows the seven exercises and the generic mode, nothing else', () => {
    expect(isMotionProfileId('superman')).toBe(true);
    expect(isMotionProfileId('generic')).toBe(true);
    expect(isMotionProfileId('burpee')).toBe(false);
  });
});
