// Battery Service 0x180F, Battery Level 0x2A19: read once, then follow notifications where the
// device offers them (PROTOCOLS.md §1.2). Optional: many devices have no battery service.
import { BATTERY_LEVEL, BATTERY_SERVICE } from '../../protocol/uuids.ts';
import type { Profile, ProfileContext } from './profile.ts';

export function batteryProfile(): Profile {
  return {
    id: 'battery',
    services: [BATTERY_SERVICE],
    required: false,
    async start({ link, decoder, now }: ProfileContext) {
      const service = await link.service(BATTERY_SERVICE);
      const level = service && (await link.characteristic(service, BATTERY_LEVEL));
      if (!level) return;
      if (level.properties.notify) {
        await link.subscribe(level, (bytes) => decoder.notify(BATTERY_LEVEL, bytes, now()));
      }
      if (level.properties.read) {
        // A read also fires characteristicvaluechanged [WB-SPEC]; when subscribed, the listener
        // has already passed it on.
        const bytes = await link.read(level);
        if (!level.properties.notify) decoder.notify(BATTERY_LEVEL, bytes, now());
      }
    },
  };
}
