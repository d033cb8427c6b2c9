import { describe, expect, it } from 'vitest';
import { exercisesCountedBy, motionDeviceFor } from '../../../src/app/motion-routing.ts';
import type { Placement } from '../../../src/sensors/samples.ts';
import { PROGRAM } from '../../../src/workout/program.ts';

const device = (name: string, placement: Placement) => ({ name, placement });
const strap = device('strap', 'chest');
const watch = device('watch', 'wrist');
const allExercises = PROGRAM.map((e) => e.id);

describe('which device counts an exercise', () => {
  it('reads the trunk exercises from the chest and the lat pulldown from the wrist', () => {
    expect(motionDeviceFor('superman', [watch, strap])).toBe(strap);
    expect(motionDeviceFor('lat-pulldown', [strap, watch])).toBe(watch);
    expect(motionDeviceFor(null, [watch, strap])).toBe(strap);
  });

  it('leaves to the hand what a wrist cannot see, with a watch alone', () => {
    expect(motionDeviceFor('glute-bridge', [watch])).toBeNull();
    expect(motionDeviceFor('superman', [watch])).toBe(watch);
    expect(motionDeviceFor('superman', [])).toBeNull();
  });

  it('gives each device the exercises it counts: none to one nothing is read from', () => {
    const devices = [strap, watch];
    expect(exercisesCountedBy(watch, devices, allExercises)).toEqual(['lat-pulldown']);
    expect(exercisesCountedBy(strap, devices, allExercises)).toEqual(
      allExercises.filter((id) => id !== 'lat-pulldown'),
    );
    expect(exercisesCountedBy(watch, [watch], allExercises)).toEqual([
      'superman',
      'drawing-in',
      'lat-pulldown',
    ]);
    expect(exercisesCountedBy(device('heart-rate strap', 'chest'), devices, allExercises)).toEqual([]);
  });
});
