// The devices the device panel lists, read from the app's state of them, and whether a recording of
// them would keep anything. Pure: the panel and its menu render by them, and their unit tests read
// them without a browser.
import type { DeviceKind, DeviceState, DeviceStatus } from '../app/device-status.ts';

/** Phone motion and the virtual strap send no packets: a recording of them would be empty. */
const SENDS_NO_PACKETS = new Set<DeviceKind>(['phone', 'virtual']);

/** What of the devices' state the list is read from. */
type ListedFrom = Pick<
  DeviceState,
  'devices' | 'source' | 'connection' | 'battery' | 'malformedPackets' | 'countsMotion'
>;

/** Each device in use; of a state built before the devices list existed (a test's fixture), one. */
export function devicesListed(state: ListedFrom): readonly DeviceStatus[] {
  if (state.devices.length) return state.devices;
  return state.source ? [fallbackStatus(state)] : [];
}

/** Some device in use sends packets, which a recording keeps. */
export function someRecordable(devices: readonly Pick<DeviceStatus, 'kind'>[]): boolean {
  return devices.some((d) => !SENDS_NO_PACKETS.has(d.kind));
}

/** A state built before the devices list existed (a test's fixture): one line from `source`. */
function fallbackStatus(state: ListedFrom): DeviceStatus {
  const source = state.source!;
  return {
    id: source.id,
    name: source.name,
    kind: source.kind === 'bluetooth' ? 'heart-rate' : source.kind,
    placement: source.placement,
    connection: state.connection,
    battery: state.battery ?? null,
    malformedPackets: state.malformedPackets,
    sampleRateHz: null,
    heartRate: true,
    motion: state.countsMotion,
    // Which exercises it counts the fixture does not tell: said of none, no part is said (see deviceRoleLine).
    counts: [],
    handedOver: [],
    motionStopped: false,
    findingPulse: false,
  };
}
