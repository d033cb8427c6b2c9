import { describe, expect, it } from 'vitest';
import { deviceRoleText } from '../../../src/ui/device-role.ts';
import { PROGRAM } from '../../../src/workout/program.ts';

const everyExercise = PROGRAM.map((e) => e.id);

describe('what a device does where several share the work', () => {
  it('says the strap gives heart rate and counts all but the one the watch counts', () => {
    const trunk = everyExercise.filter((id) => id !== 'lat-pulldown');
    expect(deviceRoleText({ heartRate: true, counts: trunk })).toBe(
      'heart rate; counts all but the wide-grip lat pulldown',
    );
    expect(deviceRoleText({ heartRate: false, counts: ['lat-pulldown'] })).toBe(
      'counts the wide-grip lat pulldown',
    );
  });

  it('names the few exercises a watch counts beside a heart-rate strap', () => {
    expect(deviceRoleText({ heartRate: false, counts: ['superman', 'drawing-in', 'lat-pulldown'] })).toBe(
      'counts the superman, drawing-in and wide-grip lat pulldown',
    );
    expect(deviceRoleText({ heartRate: true, counts: [] })).toBe('heart rate');
  });

  it('says every exercise for one that counts them all, and nothing for one with no part', () => {
    expect(deviceRoleText({ heartRate: true, counts: everyExercise })).toBe(
      'heart rate; counts every exercise',
    );
    expect(deviceRoleText({ heartRate: false, counts: [] })).toBe('');
  });
});
