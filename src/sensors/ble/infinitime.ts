// PineTime / InfiniTime Motion Service (since InfiniTime 1.7): raw motion notifications, change-
// driven and at most every 100 ms, timed on receipt (PROTOCOLS.md §3 [IT]).
import { INFINITIME_MOTION, INFINITIME_MOTION_SERVICE } from '../../protocol/uuids.ts';
import type { HeartRateProfile } from './heart-rate.ts';
import { deviceProblem } from './problems.ts';
import type { Profile, ProfileContext } from './profile.ts';

/** What a watch gives, by the services it has. */
export type InfiniTimeCapability = 'counts' | 'heart-rate-only' | 'nothing';

/**
 * A watch with the motion service counts; one without it (InfiniTime before 1.7) still gives heart
 * rate, as a Polar without its motion data does, and is kept for it, counted by hand. One with
 * neither would give nothing.
 */
export function infiniTimeCapability(has: {
  readonly motion: boolean;
  readonly heartRate: boolean;
}): InfiniTimeCapability {
  if (has.motion) return 'counts';
  return has.heartRate ? 'heart-rate-only' : 'nothing';
}

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
        return;
      }
      if (infiniTimeCapability({ motion: false, heartRate: heartRate.measurementFound }) === 'nothing') {
        throw new Error(
          'This watch has no motion service and no heart rate: update InfiniTime to 1.7 or later.',
        );
      }
      out.problem(deviceProblem('no-motion-service'));
    },
  };
}
