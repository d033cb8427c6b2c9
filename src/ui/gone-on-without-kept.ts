// The devices a set or rest goes on without, and their lines, kept from one render to the next while
// the same devices are gone: the session's tick renders the app four times a second, and a new array
// each time updated the header and the set's lines with it. Pure: the app shell gives what it read.

import type { GoneOnWithout } from '../app/device-needs.ts';
import type { DeviceStatus } from '../app/device-status.ts';
import { goneOnWithoutLine } from '../app/device-words.ts';
import type { ExerciseId } from '../workout/program.ts';

/** The devices gone on without at the last call, of the exercise concerned, and their lines once asked. */
export class GoneOnWithoutKept {
  private kept: {
    readonly devices: readonly GoneOnWithout[];
    readonly exercise?: ExerciseId;
    lines?: readonly string[];
  } = { devices: [] };

  /**
   * `gone`, or the array kept at the last call where it holds the same devices and `exercise` (the
   * set's, in a rest the next set's) is the same.
   */
  keep(gone: readonly GoneOnWithout[], exercise: ExerciseId | undefined): readonly GoneOnWithout[] {
    const last = this.kept.devices;
    if (gone.length !== last.length || gone.some((d, i) => d !== last[i]) || exercise !== this.kept.exercise)
      this.kept = { devices: gone, exercise };
    return this.kept.devices;
  }

  /** The lines the set or rest says of the devices kept, made once for them (see goneOnWithoutLine). */
  lines(devices: readonly DeviceStatus[]): readonly string[] {
    const { exercise } = this.kept;
    this.kept.lines ??= this.kept.devices.map((d) => goneOnWithoutLine(devices, d, exercise));
    return this.kept.lines;
  }
}
