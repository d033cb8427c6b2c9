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
  /** The connection the silence is watched on: a drop or a close ends the watch (see reset). */
  let connection = 0;
  return {
    id: 'infinitime-motion',
    services: [INFINITIME_MOTION_SERVICE],
    required: true,
    async start({ link, decoder, now, out, sleep }: ProfileContext) {
      const service = await link.service(INFINITIME_MOTION_SERVICE);
      const motion = service && (await link.characteristic(service, INFINITIME_MOTION));
      if (motion) {
        const heard = { count: 0, last: '' };
        await link.subscribe(motion, (bytes) => {
          heard.count++;
          heard.last = bytes.join(',');
          decoder.notify(INFINITIME_MOTION, bytes, now());
        });
        // The firmware notifies only a change [IT SystemTask.cpp]: a wrist still as it connects would
        // send nothing until it moved, no hold timed and no set started by it. One read gives its
        // reading now (a read fires characteristicvaluechanged, so the listener passes it on
        // [WB-SPEC]). A read refused costs only that reading: the notifications still come.
        if (motion.properties.read) {
          await link.read(motion).catch(() => undefined);
          void watchSilence(++connection, () => link.read(motion), heard, { now, out, sleep });
        }
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
    reset() {
      connection++;
    },
  };

  /**
   * A still wrist and a stream that has stopped send alike nothing; what the watch holds tells them
   * apart: read after UNSENT_CHECK_MS with nothing heard, the reading of a still wrist is the last one
   * sent, where one the watch did not send (its motion changed, and it looks every 100 ms) says its
   * notifications have stopped. Told once (see ProfileOutput.motionUnsent), not read again until the
   * watch sends: each read is a reading passed on, which would stand for the stream it is not.
   */
  async function watchSilence(
    watched: number,
    read: () => Promise<Uint8Array>,
    heard: { count: number; last: string },
    { now, out, sleep }: Pick<ProfileContext, 'now' | 'out' | 'sleep'>,
  ): Promise<void> {
    let checked = heard.count;
    let unsent = false;
    while (true) {
      await sleep(UNSENT_CHECK_MS);
      if (watched !== connection) return;
      if (heard.count !== checked) {
        checked = heard.count;
        unsent = false;
        continue;
      }
      if (unsent) continue;
      const before = { ...heard };
      let bytes: Uint8Array;
      try {
        bytes = await read();
      } catch {
        // Refused or the link gone: a drop ends the watch, and no read tells anything else.
        return;
      }
      if (watched !== connection) return;
      // The read is heard once itself: any more were notifications, the stream running.
      const notified = heard.count - before.count > 1;
      checked = heard.count;
      if (!notified && before.count > 0 && bytes.join(',') !== before.last) {
        unsent = true;
        out.motionUnsent?.(now());
      }
    }
  }
}

/**
 * How long the watch sends nothing before what it holds is read: a second, so that its stream found
 * stopped is told within the 3 s the app gives any device's silence (MOTION_STOPPED_AFTER_MS).
 */
export const UNSENT_CHECK_MS = 1000;
