import { describe, expect, it } from 'vitest';
import { zonesNote } from '../../../src/ui/zones-note.ts';

describe('the note on heart-rate zones in the settings', () => {
  it('asks for an age or a maximum while there is neither', () => {
    expect(zonesNote({ age: null, maxHr: null })).toBe('Give your age or maximum to see heart-rate zones.');
  });

  it('takes 220 minus the age where no maximum is given', () => {
    expect(zonesNote({ age: 40, maxHr: null })).toBe('Zones use a maximum of 180 bpm (220 minus age 40).');
  });

  it("takes the person's own maximum over their age", () => {
    expect(zonesNote({ age: 40, maxHr: 191 })).toBe('Zones use a maximum of 191 bpm (as you set it).');
  });
});
