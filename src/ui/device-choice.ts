// What became of a device the person chose in the header. Pure: the panel brings a problem of their
// own making into view (see BbDevicePanel), not one that comes by itself later.
import type { DeviceKind, DeviceStatus } from '../app/devices.ts';

/** A device the person just chose (from the menu, a file to replay, a switch), on its way or failed. */
export interface DeviceChoice {
  readonly kind: DeviceKind;
  /** The problem shown when the choice was made: still shown, it is not the choice's. */
  readonly problemBefore: string | null;
}

/**
 * 'problem' once a problem other than the one shown before is told; 'connected' once a device of the
 * kind chosen is connected (a problem after that is not the choice's); else 'pending'. A device that
 * gives up (no motion came) is still pending: the problem that says why follows it.
 */
export function outcomeOfChoice(
  choice: DeviceChoice,
  devices: readonly DeviceStatus[],
  problem: string | null,
): 'pending' | 'connected' | 'problem' {
  if (problem !== null && problem !== choice.problemBefore) return 'problem';
  if (devices.some((d) => d.kind === choice.kind && d.connection === 'connected')) return 'connected';
  return 'pending';
}
