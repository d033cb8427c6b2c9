// What became of a device the person chose in the header. Pure: the panel brings a problem of their
// own making into view (see BbDevicePanel), not one that comes by itself later.
import type { DeviceKind, DeviceState, DeviceStatus } from '../app/device-status.ts';

/** A device the person just chose (from the menu, a file to replay, a switch), on its way or failed. */
export interface DeviceChoice {
  readonly kind: DeviceKind;
  /** How many problems had been told when the choice was made: one still shown is not the choice's. */
  readonly problemsToldBefore: number;
}

/**
 * 'problem' once a problem is told after the choice, even in the words of the one shown before it
 * (the same file chosen again); 'connected' once a device of the kind chosen is connected (a problem
 * after that is not the choice's); else 'pending'. A device that gives up (no motion came) is still
 * pending: the problem that says why follows it.
 */
export function outcomeOfChoice(
  choice: DeviceChoice,
  state: Pick<DeviceState, 'devices' | 'problem' | 'problemsTold'>,
): 'pending' | 'connected' | 'problem' {
  if (state.problem !== null && state.problemsTold > choice.problemsToldBefore) return 'problem';
  if (state.devices.some((d) => d.kind === choice.kind && d.connection === 'connected')) return 'connected';
  return 'pending';
}

/**
 * The kinds in use that choosing again would only give again: the virtual strap and phone motion, of
 * which there is one, while they run. The menu shows them as the current ones, not as buttons (a tap
 * on the virtual strap in use did nothing, and one on phone motion started it over, its set's count
 * with it). A Bluetooth kind opens the browser's chooser, for another device of it; phone motion
 * that is not running is tried again.
 */
export function kindsInUse(devices: readonly Pick<DeviceStatus, 'kind' | 'connection'>[]): Set<DeviceKind> {
  return new Set(
    devices
      .filter((d) => (d.kind === 'virtual' || d.kind === 'phone') && d.connection === 'connected')
      .map((d) => d.kind),
  );
}
