// Device Information 0x180A: model and firmware for the panel and bug reports (PROTOCOLS.md §1.3).
// Serial Number 0x2A25 is blocklisted for the web [WB-BL] and never read.
import { parseDeviceInfoString } from '../../protocol/device-info.ts';
import { DEVICE_INFORMATION, DEVICE_INFORMATION_SERVICE } from '../../protocol/uuids.ts';
import type { Profile, ProfileContext } from './profile.ts';

export function deviceInfoProfile(): Profile {
  let known = false;
  return {
    id: 'device-info',
    services: [DEVICE_INFORMATION_SERVICE],
    required: false,
    async start({ link, out }: ProfileContext) {
      // The strings do not change: read them on the first connection only, not on every reconnect.
      if (known) return;
      const service = await link.service(DEVICE_INFORMATION_SERVICE);
      if (!service) return;
      const read = async (uuid: string): Promise<string | undefined> => {
        const characteristic = await link.characteristic(service, uuid);
        if (!characteristic) return undefined;
        const r = parseDeviceInfoString(await link.read(characteristic));
        return r.ok && r.value ? r.value : undefined;
      };
      const model = await read(DEVICE_INFORMATION.modelNumber);
      const firmware = await read(DEVICE_INFORMATION.firmwareRevision);
      known = true;
      out.details({ ...(model ? { model } : {}), ...(firmware ? { firmware } : {}) });
    },
  };
}
