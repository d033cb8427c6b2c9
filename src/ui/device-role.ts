// A device's part where several share the work, or where one alone counts only some exercises (a
// watch): heart rate, and which exercises its motion counts (DeviceStatus.counts, from the rule that
// routes motion per exercise).

import type { DeviceStatus } from '../app/device-status.ts';
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

/**
 * The part the device panel says a device has (see deviceRoleText): where several share the work,
 * each one's; a device alone, only where it counts part of the program, and that the rest is by
 * hand. A watch alone showed just its battery, and the person learned set by set that four of seven
 * were theirs to count; a strap or the virtual strap alone counts everything, which goes unsaid.
 */
export function deviceRoleLine(device: Pick<DeviceStatus, 'heartRate' | 'counts'>, several: boolean): string {
  if (several) return deviceRoleText(device);
  const countsPart = device.counts.length > 0 && PROGRAM.some((e) => !device.counts.includes(e.id));
  return countsPart ? `${deviceRoleText(device)}; the rest by hand` : '';
}
