// The one way to another device a session's header offers. Pure: the panel shows it as a button
// (see BbDevicePanel.renderSwitch); the rest of the device menu waits for the start screen, so that
// the header read from the mat stays short.
import type { DeviceState } from '../app/device-status.ts';
import type { SessionState } from '../workout/session.ts';

/** 'connect-strap': "Connect a Bluetooth strap"; 'use-virtual': "Use the virtual strap". */
export type SessionSwitch = 'connect-strap' | 'use-virtual' | null;

/** Where the session is, as far as the header's room goes. */
export interface SessionMoment {
  /**
   * A phone's screen (see PHONE_SCREEN): a row more of the header is taken from the set's count or
   * the rest's timer read from the mat, and from the buttons under them, which then go off screen.
   */
  readonly phoneScreen: boolean;
  /**
   * A phone with its text at twice its size (see NARROW): the header's devices are a line that takes
   * no room until it is opened (see devicesAtAGlance), so the switch waits in it, as elsewhere, and
   * the set or rest has no room for it among its buttons.
   */
  readonly narrow: boolean;
  /** The person paused the session (not the app, nor Finish's question): they are at the phone. */
  readonly pausedByThePerson: boolean;
}

/**
 * Beside the virtual strap, a strap to connect: the virtual strap is the default, and a person who
 * pressed Start before putting their strap on had no way to it but a failure first (a strap picked
 * mid-session loses nothing while it connects). On a phone, once the person has paused to put the
 * strap on, the set or rest itself (see strapOfferedOnScreen), or the header while a problem is shown;
 * elsewhere the header has room for it in every set and rest.
 * None while one picked is connecting beside it, nor without Web Bluetooth. From a strap, the virtual
 * strap only while a problem says why it may be wanted: a strap that counts has no need of it.
 */
export function switchInSession(
  state: Pick<DeviceState, 'source' | 'devices' | 'firstTries' | 'problem' | 'noBluetooth'>,
  moment: SessionMoment,
): SessionSwitch {
  if (state.source?.kind !== 'virtual') return state.problem ? 'use-virtual' : null;
  if (!strapToConnect(state)) return null;
  // On a phone the set or rest paused by the person offers it (see strapOfferedOnScreen).
  if (offeredByTheScreens(moment) && !state.problem) return null;
  return 'connect-strap';
}

/**
 * A set or rest paused by the person on a phone offers the strap among its own buttons: the set
 * beside How to do it, the rest in Start now's place, where the header's row for it took 48 px of a
 * 360×640 phone from the ring (256 px to 208 in a set). A problem shown already offers it in the
 * header's line.
 */
export function strapOfferedOnScreen(
  state: Pick<DeviceState, 'source' | 'devices' | 'firstTries' | 'problem' | 'noBluetooth'>,
  moment: SessionMoment,
): boolean {
  return (
    offeredByTheScreens(moment) &&
    moment.pausedByThePerson &&
    !state.problem &&
    state.source?.kind === 'virtual' &&
    strapToConnect(state)
  );
}

/** A phone's screen with room in its set and rest for the strap, where the header has none. */
function offeredByTheScreens(moment: SessionMoment): boolean {
  return moment.phoneScreen && !moment.narrow;
}

/**
 * The browser can connect a strap, and no device is on its way, picked now or of an earlier visit on
 * its first try as the page loads: a second pick would ask for it again.
 */
export function strapToConnect(state: Pick<DeviceState, 'devices' | 'firstTries' | 'noBluetooth'>): boolean {
  return (
    state.noBluetooth === null &&
    state.firstTries.length === 0 &&
    !state.devices.some((d) => d.kind !== 'virtual')
  );
}

/**
 * Paused by the person's own tap: not by the app while a device reconnects, nor to ask Finish's
 * question, where the person is answering it.
 */
export function pausedByThePerson(
  state: Pick<SessionState, 'pausedAtMs' | 'pausedFor' | 'pausedToAsk'>,
): boolean {
  return state.pausedAtMs !== null && !state.pausedFor && !state.pausedToAsk;
}
