// PineTime / InfiniTime Motion Service (since InfiniTime 1.7): raw motion notifications, change-
// driven and at most every 100 ms, timed on receipt (PROTOCOLS.md §3 [IT]).
import { INFINITIME_MOTION, INFINITIME_MOTION_SERVICE } from '../../protocol/uuids.ts';
import type { Profile, ProfileContext } from './profile.ts';

export function infiniTimeMotionProfile(): Profile {
  return {
    id: 'infinitime-motion',
    services: [INFINITIME_MOTION_SERVICE],
    required: true,
    async start({ link, decoder, now }: ProfileContext) {
      const service = await link.service(INFINITIME_MOTION_SERVICE);
      const motion = service && (await link.characteristic(service, INFINITIME_MOTION));
      if (!motion) throw new Error('This watch has no motion service: update InfiniTime to 1.7 or later.');
      await link.subscribe(motion, (bytes) => decoder.notify(INFINITIME_MOTION, bytes, now()));
    },
  };
}
