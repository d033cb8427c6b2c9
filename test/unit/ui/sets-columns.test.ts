import { describe, expect, it } from 'vitest';
import { fitsFourColumns } from '../../../src/ui/sets-columns.ts';

describe('whether the summary lays its sets out in four columns', () => {
  it('tries four columns until they are measured, as the first layout of any width', () => {
    expect(fitsFourColumns(148, null)).toBe(true);
    expect(fitsFourColumns(328, null)).toBe(true);
  });

  it('keeps to four columns in a box as wide as they were measured, or wider', () => {
    expect(fitsFourColumns(272, 272)).toBe(true);
    expect(fitsFourColumns(576, 272)).toBe(true);
  });

  it('wraps in two columns in a box narrower than four were measured to take', () => {
    // Text at 1.4 times its size on a 360 px phone: a box of 228 px, four columns of 272.
    expect(fitsFourColumns(228, 272)).toBe(false);
    expect(fitsFourColumns(271, 272)).toBe(false);
  });
});
