// Where a device of an earlier visit not reached yet is worn, as its kind tells from its name: what a
// pause picked up on a new page names before the device answers.

import { describe, expect, it } from 'vitest';
import { awaitedPlacement } from '../../../src/app/device-status.ts';

describe('where a device of an earlier visit is worn', () => {
  it('is the chest for a Polar H10 or H9, the arm for another Polar, by its name', () => {
    expect(awaitedPlacement({ name: 'Polar H10 0A1B2C3D', kind: 'polar' })).toBe('chest');
    expect(awaitedPlacement({ name: 'Polar H9 0A1B2C3D', kind: 'polar' })).toBe('chest');
    expect(awaitedPlacement({ name: 'H10', kind: 'polar' })).toBe('chest');
    expect(awaitedPlacement({ name: 'Polar Sense 0A1B2C3D', kind: 'polar' })).toBe('arm');
    expect(awaitedPlacement({ name: 'Polar OH1 0A1B2C3D', kind: 'polar' })).toBe('arm');
  });

  it('is the wrist for a watch and the chest for a micro:bit, whatever their names', () => {
    expect(awaitedPlacement({ name: 'InfiniTime', kind: 'pinetime' })).toBe('wrist');
    expect(awaitedPlacement({ name: 'Bangle.js 1a2b', kind: 'bangle' })).toBe('wrist');
    expect(awaitedPlacement({ name: 'BBC micro:bit [zuvat]', kind: 'microbit' })).toBe('chest');
  });

  it('is nowhere motion is read from for a plain heart-rate strap', () => {
    expect(awaitedPlacement({ name: 'HRM-Dual', kind: 'heart-rate' })).toBeNull();
  });
});
