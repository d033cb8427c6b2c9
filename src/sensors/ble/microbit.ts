// BBC micro:bit Accelerometer Service: set the period, read back what the device chose, stream the
// data (PROTOCOLS.md §5 [MB]).
import { buildMicrobitPeriod, parseMicrobitPeriod } from '../../protocol/microbit.ts';
import {
  MICROBIT_ACCELEROMETER_DATA,
  MICROBIT_ACCELEROMETER_PERIOD,
  MICROBIT_ACCELEROMETER_SERVICE,
} from '../../protocol/uuids.ts';
import type { Profile, ProfileContext } from './profile.ts';

/** 20 ms (50 Hz) is in both period lists, the profile's and the Foundation's [MB]. */
const WANTED_PERIOD_MS = 20;

export function microbitProfile(): Profile {
  return {
    id: 'microbit-accelerometer',
    services: [MICROBIT_ACCELEROMETER_SERVICE],
    required: true,
    async start({ link, decoder, out, now }: ProfileContext) {
      const service = await link.service(MICROBIT_ACCELEROMETER_SERVICE);
      const data = service && (await link.characteristic(service, MICROBIT_ACCELEROMETER_DATA));
      if (!service || !data) {
        throw new Error('This micro:bit has no accelerometer service: flash a program that enables it.');
      }
      const period = await link.characteristic(service, MICROBIT_ACCELEROMETER_PERIOD);
      const write = buildMicrobitPeriod(WANTED_PERIOD_MS);
      if (period && write.ok) {
        await link.write(period, write.value);
        // The firmware coerces the period to one it supports and writes it back [MB codal].
        const actual = parseMicrobitPeriod(await link.read(period));
        if (actual.ok && actual.value > 0) out.details({ sampleRateHz: 1000 / actual.value });
      }
      await link.subscribe(data, (bytes) => decoder.notify(MICROBIT_ACCELEROMETER_DATA, bytes, now()));
    },
  };
}
