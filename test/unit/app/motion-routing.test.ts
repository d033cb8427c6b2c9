import { describe, expect, it } from 'vitest';
import {
  exercisesCountedBy,
  exercisesHandedOverBy,
  motionDeviceFor,
} from '../../../src/app/motion-routing.ts';
import type { Placement } from '../../../src/sensors/samples.ts';
import { PROGRAM } from '../../../src/workout/program.ts';

const device = (name: string, placement: Placement, lost = false) => ({ name, placement, lost });
const strap = device('strap', 'chest');
const watch = device('watch', 'wrist');
const strapLost = device('strap', 'chest', true);
const watchLost = device('watch', 'wrist', true);
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

describe('which device counts an exercise, one of them given up for lost', () => {
  it('hands what the lost one counts to the other where it can see it, and to no one where it cannot', () => {
    expect(motionDeviceFor('superman', [strapLost, watch])).toBe(watch);
    expect(motionDeviceFor('drawing-in', [strapLost, watch])).toBe(watch);
    expect(motionDeviceFor('lat-pulldown', [strap, watchLost])).toBe(strap);
    // A wrist cannot see a glute bridge: the set waits for the strap, as with the strap alone.
    expect(motionDeviceFor('glute-bridge', [strapLost, watch])).toBe(strapLost);
    expect(motionDeviceFor('superman', [strapLost, watchLost])).toBe(strapLost);
  });

  it('keeps where the position is read from on the one best placed, lost or not', () => {
    expect(motionDeviceFor(null, [strapLost, watch])).toBe(strapLost);
  });

  it('keeps the set under way with the device counting it, though the one best placed is back', () => {
    expect(motionDeviceFor('superman', [strap, watch], watch)).toBe(watch);
    expect(motionDeviceFor('superman', [strap, watch], null)).toBe(strap);
    // Lost in its turn, or blind to the exercise, it keeps nothing.
    expect(motionDeviceFor('superman', [strap, watchLost], watchLost)).toBe(strap);
    expect(motionDeviceFor('glute-bridge', [strap, watch], watch)).toBe(strap);
  });

  it('names what each device counts, and what the lost one has handed over', () => {
    const devices = [strapLost, watch];
    expect(exercisesCountedBy(watch, devices, allExercises)).toEqual([
      'superman',
      'drawing-in',
      'lat-pulldown',
    ]);
    expect(exercisesCountedBy(strapLost, devices, allExercises)).toEqual([
      'glute-bridge',
      'bird-dog',
      'bat-hang',
      'elbow-plank',
    ]);
    expect(exercisesHandedOverBy(strapLost, devices, allExercises)).toEqual(['superman', 'drawing-in']);
    expect(exercisesHandedOverBy(watch, devices, allExercises)).toEqual([]);
    expect(exercisesHandedOverBy(watchLost, [strap, watchLost], allExercises)).toEqual(['lat-pulldown']);
    expect(exercisesHandedOverBy(strap, [strap, watch], allExercises)).toEqual([]);
  });

  it('counts the set under way where it is kept, and hands nothing over once the strap is back', () => {
    const set = { exercise: 'superman' as const, counting: watch };
    expect(exercisesCountedBy(watch, [strap, watch], allExercises, set)).toEqual([
      'superman',
      'lat-pulldown',
    ]);
    expect(exercisesCountedBy(strap, [strap, watch], allExercises, set)).not.toContain('superman');
    expect(exercisesHandedOverBy(strap, [strap, watch], allExercises, set)).toEqual([]);
  });
});

describe('which device counts an exercise, one of them connected with its motion stopped', () => {
  const strapSilent = { ...strap, motionStopped: true };
  const watchSilent = { ...watch, motionStopped: true };

  it('hands what the silent one counts to the other where it can see it, as for one lost', () => {
    expect(motionDeviceFor('lat-pulldown', [strap, watchSilent])).toBe(strap);
    expect(motionDeviceFor('superman', [strapSilent, watch])).toBe(watch);
    expect(motionDeviceFor('glute-bridge', [strapSilent, watch])).toBe(strapSilent);
    expect(exercisesHandedOverBy(watchSilent, [strap, watchSilent], allExercises)).toEqual(['lat-pulldown']);
    expect(exercisesCountedBy(watchSilent, [strap, watchSilent], allExercises)).toEqual([]);
  });

  it('keeps the set under way with the device counting it once the silent one sends again', () => {
    expect(motionDeviceFor('lat-pulldown', [strap, watch], strap)).toBe(strap);
    expect(motionDeviceFor('lat-pulldown', [strap, watchSilent], watchSilent)).toBe(strap);
  });
});
