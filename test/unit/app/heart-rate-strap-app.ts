// The app as a person with a plain heart-rate strap has it: the chooser picks that strap. Or as one
// with several devices has it: the chooser picks each in turn.
import { vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import type { DeviceKind } from '../../../src/app/device-status.ts';
import type { CueHosts } from '../../../src/cues/cue-player.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import type { ExerciseId } from '../../../src/workout/program.ts';
import { currentPlanned } from '../../../src/workout/session.ts';
import { StandInUtterance } from '../../utterance.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';

/** Longer than the reconnection window (RECONNECT_WINDOW_MS): a device away this long is given up for lost. */
export const GIVEN_UP_AFTER_MS = 72_000;

/** A strap with the Heart Rate Service alone: no motion. */
export function heartRateStrap(): FakeDevice {
  return new FakeDevice('HRM-Dual', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
    },
  ]);
}

/** How the app is opened: its clock (the real one, driven by fake timers), and whether it speaks. */
export interface StrapAppOptions {
  readonly now?: () => number;
  readonly cueHosts?: CueHosts | null;
}

/** The app with no store; the chooser picks `strap`, or none. */
export function appWithStrap(strap: FakeDevice | null, options: StrapAppOptions = {}): Backbeat {
  const bluetooth = { requestDevice: async () => (strap ? asBluetoothDevice(strap) : Promise.reject()) };
  return new Backbeat({
    now: options.now ?? (() => Date.now()),
    navigator: { bluetooth } as unknown as Navigator,
    persistence: { openStore: null, page: null },
    cueHosts: options.cueHosts ?? null,
  });
}

/** The app with no store; the chooser picks each of `devices` in turn, one per time it is opened. */
export function appPickingInTurn(devices: readonly FakeDevice[], options: StrapAppOptions = {}): Backbeat {
  const picks = [...devices];
  const bluetooth = { requestDevice: async () => asBluetoothDevice(picks.shift()!) };
  return new Backbeat({
    now: options.now ?? (() => Date.now()),
    navigator: { bluetooth } as unknown as Navigator,
    persistence: { openStore: null, page: null },
    cueHosts: options.cueHosts ?? null,
  });
}

/** Connects `kinds` one after the other, under fake timers, as the chooser picks the app's devices in turn. */
export async function connectInTurn(app: Backbeat, kinds: readonly DeviceKind[]): Promise<void> {
  for (const kind of kinds) {
    const connecting = app.devices.connect(kind);
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
  }
}

/** How the app worn with a strap and a watch is opened, and what the watch's motion reads at first. */
export interface StrapAndWatchOptions extends StrapAppOptions {
  readonly watchMotion?: Uint8Array;
}

/** The app started, a Polar H10 and then a PineTime connected to it, under fake timers. */
export async function strapAndWatchConnected(options: StrapAndWatchOptions = {}) {
  const strap = fakeH10();
  const watch = fakePineTime(options.watchMotion);
  const app = appPickingInTurn([strap, watch], options);
  app.start();
  await connectInTurn(app, ['polar', 'pinetime']);
  return { app, strap, watch };
}

/** Starts a session and skips every set before the first of `exercise`. */
export function sessionAtFirstSetOf(app: Backbeat, exercise: ExerciseId): void {
  app.startSession();
  for (let guard = 0; currentPlanned(app.session.state)?.exercise.id !== exercise; guard++) {
    if (guard > 40) throw new Error(`no set of ${exercise} in the plan`);
    app.session.skip();
  }
}

/**
 * A session started, its first set of `exercise` begun, and 3 s into it `device` out of reach, its
 * connection dropped; then `awayMs` gone by, as long as the test needs the device away.
 */
export async function droppedInTheFirstSetOf(
  app: Backbeat,
  exercise: ExerciseId,
  device: FakeDevice,
  awayMs: number,
): Promise<void> {
  sessionAtFirstSetOf(app, exercise);
  app.session.beginSet();
  await vi.advanceTimersByTimeAsync(3_000);
  device.reachable = false;
  device.drop();
  await vi.advanceTimersByTimeAsync(awayMs);
}

/**
 * The page closed, as on a reload: what it had to save, saved first (the store's work waits on the
 * fake clock, moved on meanwhile), then a moment for what closing it set going.
 */
export async function closedOnceSaved(page: Backbeat): Promise<void> {
  const saved = page.persistence.flush();
  await vi.advanceTimersByTimeAsync(50);
  await saved;
  page.dispose();
  await vi.advanceTimersByTimeAsync(100);
}

/** A voice that says each line as soon as it is handed over, and writes it down in `said`. */
export function listeningVoice(said: string[]): CueHosts {
  const speechSynthesis = {
    speak(utterance: StandInUtterance) {
      said.push(utterance.text);
      setTimeout(() => utterance.dispatchEvent(new Event('end')), 0);
    },
    cancel() {},
    getVoices: () => [],
  };
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
  return {
    window: { speechSynthesis, SpeechSynthesisUtterance: StandInUtterance } as unknown as CueHosts['window'],
    navigator: {} as CueHosts['navigator'],
    document,
  };
}
