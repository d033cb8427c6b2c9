import { describe, expect, it } from 'vitest';
import { deviceRoleLine, deviceRoleText } from '../../../src/ui/device-role.ts';
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

describe('what the device panel says a device does', () => {
  const watch = { heartRate: true, counts: ['superman', 'drawing-in', 'lat-pulldown'] as const };

  it('says what a device alone counts where it counts only part of the program (a watch), and that the rest is by hand', () => {
    expect(deviceRoleLine(watch, false)).toBe(
      'heart rate; counts the superman, drawing-in and wide-grip lat pulldown; the rest by hand',
    );
  });

  it('says nothing of a device alone that counts every exercise, or none (its own line says "count with +1")', () => {
    expect(deviceRoleLine({ heartRate: true, counts: everyExercise }, false)).toBe('');
    expect(deviceRoleLine({ heartRate: false, counts: everyExercise }, false)).toBe('');
    expect(deviceRoleLine({ heartRate: true, counts: [] }, false)).toBe('');
  });

  it("says each one's part where several share the work, the rest being the other's", () => {
    expect(deviceRoleLine(watch, true)).toBe(
      'heart rate; counts the superman, drawing-in and wide-grip lat pulldown',
    );
    expect(deviceRoleLine({ heartRate: true, counts: [] }, true)).toBe('heart rate');
  });
});
