// PineTime / InfiniTime Motion Service (since InfiniTime 1.7): raw motion notifications, change-
// driven and at most every 100 ms, timed on receipt (PROTOCOLS.md §3 [IT]).
import { INFINITIME_MOTION, INFINITIME_MOTION_SERVICE } from '../../protocol/uuids.ts';
import type { HeartRateProfile } from './heart-rate.ts';
import { deviceProblem } from './problems.ts';
import type { Profile, ProfileContext } from './profile.ts';

/**
 * The watch's motion, and what it is kept for without it: `heartRate`, the heart-rate profile that
 * runs before this one on each connection, tells whether the watch has its heart-rate measurement.
 */
export function infiniTimeMotionProfile(heartRate: Pick<HeartRateProfile, 'measurementFound'>): Profile {
  return {
    id: 'infinitime-motion',
    services: [INFINITIME_MOTION_SERVICE],
    required: true,
    async start({ link, decoder, now, out }: ProfileContext) {
      const service = await link.service(INFINITIME_MOTION_SERVICE);
      const motion = service && (await link.characteristic(service, INFINITIME_MOTION));
      if (motion) {
        await link.subscribe(motion, (bytes) => decoder.notify(INFINITIME_MOTION, bytes, now()));
        // The firmware notifies only a change [IT SystemTask.cpp]: a wrist still as it connects would
        // send nothing until it moved, no hold timed and no set started by it. One read gives its
        // reading now (a read fires characteristicvaluechanged, so the listener passes it on
        // [WB-SPEC]). A read refused costs only that reading: the notifications still come.
        if (motion.properties.read) await link.read(motion).catch(() => undefined);
        return;
      }
      // Before InfiniTime 1.7: kept for its heart rate, as a Polar without its motion data is, and
      // counted by hand. With neither it would give nothing.
      if (!heartRate.measurementFound) {
        throw new Error(
          'This watch has no motion service and no heart rate: update InfiniTime to 1.7 or later.',
        );
      }
      out.problem(deviceProblem('no-motion-service'));
    },
  };
}
