// A device's part where several share the work: heart rate, and which exercises its motion counts
// (DeviceStatus.counts, from the rule that routes motion per exercise).

import type { DeviceStatus } from '../app/devices.ts';
import { PROGRAM } from '../workout/program.ts';
import { listed } from './format.ts';

/**
 * "heart rate; counts all but the wide-grip lat pulldown": the exercises counted are named when they
 * are the fewer, else those left to another device or to the hand; empty for a device with no part.
 */
export function deviceRoleText({ heartRate, counts }: Pick<DeviceStatus, 'heartRate' | 'counts'>): string {
  const named = (exercises: typeof PROGRAM) => listed(exercises.map((e) => e.name.toLowerCase()));
  const counted = PROGRAM.filter((e) => counts.includes(e.id));
  const left = PROGRAM.filter((e) => !counts.includes(e.id));
  const counting =
    counted.length === 0
      ? null
      : left.length === 0
        ? 'counts every exercise'
        : counted.length <= left.length
          ? `counts the ${named(counted)}`
          : `counts all but the ${named(left)}`;
  return [heartRate ? 'heart rate' : null, counting].filter((part) => part !== null).join('; ');
}
