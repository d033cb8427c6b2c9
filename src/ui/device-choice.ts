// What became of a device the person chose in the header. Pure: the panel brings a problem of their
// own making into view (see BbDevicePanel), not one that comes by itself later.
import type { DeviceKind, DeviceState } from '../app/devices.ts';

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
