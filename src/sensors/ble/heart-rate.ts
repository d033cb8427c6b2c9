// Heart Rate Service 0x180D: subscribe to Heart Rate Measurement 0x2A37 (PROTOCOLS.md §1.1).
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../protocol/uuids.ts';
import type { Profile, ProfileContext } from './profile.ts';

export interface HeartRateProfile extends Profile {
  /**
   * The device has the heart-rate measurement: found as the profile last started. A profile
   * that runs after it reads this rather than ask the device again (an InfiniTime without motion is
   * kept for it).
   */
  readonly measurementFound: boolean;
}

/** Streams heart rate and RR intervals; `required` when heart rate is why the device was chosen. */
export function heartRateProfile(required = true): HeartRateProfile {
  let measurementFound = false;
  return {
    id: 'heart-rate',
    services: [HEART_RATE_SERVICE],
    required,
    get measurementFound() {
      return measurementFound;
    },
    async start({ link, decoder, now }: ProfileContext) {
      measurementFound = false;
      const service = await link.service(HEART_RATE_SERVICE);
      const characteristic = service && (await link.characteristic(service, HEART_RATE_MEASUREMENT));
      if (!characteristic) {
        if (required) throw new Error('The device has no heart-rate measurement.');
        return;
      }
      measurementFound = true;
      await link.subscribe(characteristic, (bytes) => decoder.notify(HEART_RATE_MEASUREMENT, bytes, now()));
    },
  };
}
