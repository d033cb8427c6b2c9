// The Bluetooth devices given up for lost, tried again by themselves, on a clock the test moves. A
// strap's own reconnection gives it up RECONNECT_WINDOW_MS (71.5 s) after it dropped; from then on these
// tries look for it, 15 s apart for the first minute and 30 s apart after (see tryAgainDelayMs), all the
// devices lost in one round. A reload ends them: the next page tries the strap as a device of an
// earlier visit.

import { merge } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LostDeviceRetries } from '../../../src/app/lost-device-retries.ts';
import {
  type ConnectionState,
  type GattSession,
  RECONNECT_WINDOW_MS,
} from '../../../src/sensors/ble/gatt-session.ts';
import { FakeClock } from '../../fake-clock.ts';
import { asBluetoothDevice, type FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10 } from '../sensors/ble/wearables.ts';
import { earlierVisitPage, onClock, SESSION_RUNNING, sessionOf } from './devices-on-a-fake-clock.ts';

/** A strap, the page's link to it, when (in s on the clock) each connection to it began, and the link's states. */
interface Strap {
  readonly device: FakeDevice;
  readonly session: GattSession;
  readonly attemptsAtS: number[];
  readonly states: ConnectionState[];
}

function strapOn(clock: FakeClock, name: string): Strap {
  const device = fakeH10(undefined, name);
  const attemptsAtS = onClock(device, clock);
  const session = sessionOf(asBluetoothDevice(device), 'polar', clock);
  const states: ConnectionState[] = [];
  session.connection$.subscribe((c) => states.push(c));
  return { device, session, attemptsAtS, states };
}

async function connectedStrap(clock: FakeClock, name = 'Polar H10 0A1B2C3D'): Promise<Strap> {
  const strap = strapOn(clock, name);
  const connecting = strap.session.connect();
  await clock.advance(50);
  await connecting;
  strap.attemptsAtS.length = 0;
  return strap;
}

/** The retries of `straps` given up on, scheduled as the Devices model does: on each change of a connection. */
function retriesOf(clock: FakeClock, straps: readonly Strap[]): { dispose(): void } {
  const retries = new LostDeviceRetries(
    {
      lostSessions: () => straps.map((s) => s.session).filter((s) => s.connection$.value === 'lost'),
      pace: () => SESSION_RUNNING,
    },
    clock,
  );
  const watched = merge(...straps.map((s) => s.session.connection$)).subscribe(() => retries.schedule());
  return {
    dispose: () => {
      watched.unsubscribe();
      retries.dispose();
    },
  };
}

/** Drops `straps` out of reach at the clock's time now; the times of what follows are from this moment. */
function dropOutOfReach(clock: FakeClock, ...straps: Strap[]): number {
  for (const strap of straps) {
    strap.device.reachable = false;
    strap.device.drop();
  }
  return clock.now() / 1000;
}

/** A strap connected, dropped out of reach, and given up on by its own reconnection at the end of its window. */
async function givenUpOn() {
  const clock = new FakeClock();
  const strap = await connectedStrap(clock);
  const retries = retriesOf(clock, [strap]);
  const droppedS = dropOutOfReach(clock, strap);
  await clock.advance(RECONNECT_WINDOW_MS);
  expect(strap.session.connection$.value).toBe('lost');
  return { clock, strap, retries, droppedS, ownTries: strap.attemptsAtS.length };
}

const sinceS = (fromS: number, times: readonly number[]) => times.map((t) => t - fromS);

describe('a strap out of reach', () => {
  it('back within the 71.5 s window is found by its own reconnection, and the retries make no try', async () => {
    const clock = new FakeClock();
    const strap = await connectedStrap(clock);
    const retries = retriesOf(clock, [strap]);
    const droppedS = dropOutOfReach(clock, strap);
    await clock.advance(60_000);
    strap.device.reachable = true;
    await clock.advance(RECONNECT_WINDOW_MS - 60_000 - 1);
    expect(strap.session.connection$.value).toBe('connected');
    // Its own tries, 0.5 + 1 + 2 + 4 + 8 … s apart; the one at 63.5 s reaches it.
    expect(sinceS(droppedS, strap.attemptsAtS)).toEqual([
      0.5, 1.5, 3.5, 7.5, 15.5, 23.5, 31.5, 39.5, 47.5, 55.5, 63.5,
    ]);
    await clock.advance(5 * 60_000);
    expect(strap.attemptsAtS).toHaveLength(11);
    expect(strap.states).not.toContain('lost');
    retries.dispose();
    strap.session.close();
  });

  it('back just after the window is found by the first retry, 15 s after it was given up', async () => {
    const { clock, strap, retries, droppedS, ownTries } = await givenUpOn();
    await clock.advance(3_500);
    strap.device.reachable = true;
    await clock.advance(15_000 - 3_500 - 1);
    expect(strap.session.connection$.value).toBe('lost');
    await clock.advance(1);
    expect(strap.session.connection$.value).toBe('connected');
    expect(sinceS(droppedS, strap.attemptsAtS.slice(ownTries))).toEqual([86.5]);
    // Found: no try follows.
    await clock.advance(5 * 60_000);
    expect(sinceS(droppedS, strap.attemptsAtS.slice(ownTries))).toEqual([86.5]);
    retries.dispose();
    strap.session.close();
  });

  it('staying away is tried every 15 s for the first minute, then every 30 s; lost again, at 15 s again', async () => {
    const { clock, strap, retries, droppedS, ownTries } = await givenUpOn();
    await clock.advance(125_000);
    expect(sinceS(droppedS, strap.attemptsAtS.slice(ownTries))).toEqual([
      86.5, 101.5, 116.5, 131.5, 161.5, 191.5,
    ]);
    strap.device.reachable = true;
    await clock.advance(30_000);
    expect(strap.session.connection$.value).toBe('connected');

    // Given up on a second time: its tries start again from the first.
    const droppedAgainS = dropOutOfReach(clock, strap);
    await clock.advance(RECONNECT_WINDOW_MS);
    const ownTriesAgain = strap.attemptsAtS.length;
    await clock.advance(30_000);
    expect(sinceS(droppedAgainS, strap.attemptsAtS.slice(ownTriesAgain))).toEqual([86.5, 101.5]);
    retries.dispose();
    strap.session.close();
  });

  it('two lost at once are tried in the same rounds, paced as one, the one still away after the other is found', async () => {
    const clock = new FakeClock();
    const chest = await connectedStrap(clock, 'Polar H10 0A1B2C3D');
    const spare = await connectedStrap(clock, 'Polar H10 99887766');
    const retries = retriesOf(clock, [chest, spare]);
    const droppedS = dropOutOfReach(clock, chest, spare);
    await clock.advance(RECONNECT_WINDOW_MS);
    expect([chest.session.connection$.value, spare.session.connection$.value]).toEqual(['lost', 'lost']);
    const ownTries = [chest.attemptsAtS.length, spare.attemptsAtS.length];
    await clock.advance(65_000);
    // One round every 15 s for the first minute, each trying both: not one round each, nor twice as fast.
    const rounds = [86.5, 101.5, 116.5, 131.5];
    expect(sinceS(droppedS, chest.attemptsAtS.slice(ownTries[0]))).toEqual(rounds);
    expect(sinceS(droppedS, spare.attemptsAtS.slice(ownTries[1]))).toEqual(rounds);
    chest.device.reachable = true;
    await clock.advance(30_000);
    expect(chest.session.connection$.value).toBe('connected');
    expect(spare.session.connection$.value).toBe('lost');
    // The one still away goes on at the later pace.
    await clock.advance(60_000);
    expect(sinceS(droppedS, chest.attemptsAtS.slice(ownTries[0]))).toEqual([...rounds, 161.5]);
    expect(sinceS(droppedS, spare.attemptsAtS.slice(ownTries[1]))).toEqual([...rounds, 161.5, 191.5, 221.5]);
    retries.dispose();
    chest.session.close();
    spare.session.close();
  });

  it('given up on before a reload is tried as the next page loads, then as a device of an earlier visit', async () => {
    const clock = new FakeClock();
    const strap = await connectedStrap(clock);
    const firstPage = retriesOf(clock, [strap]);
    const droppedS = dropOutOfReach(clock, strap);
    await clock.advance(RECONNECT_WINDOW_MS + 15_000);
    expect(sinceS(droppedS, strap.attemptsAtS).filter((t) => t > 71.5)).toEqual([86.5]);

    // Reloaded at 90 s: the first page's tries end with it.
    await clock.advance(90_000 - (RECONNECT_WINDOW_MS + 15_000));
    firstPage.dispose();
    strap.session.close();
    const attemptsAtS = onClock(strap.device, clock);
    const nextPage = earlierVisitPage(clock);
    const loaded = nextPage.devices.tryInTurn(
      [{ id: strap.device.id, kind: 'polar' }],
      [asBluetoothDevice(strap.device)],
    );
    await clock.advance(0);
    await loaded;
    await clock.advance(65_000);
    // At once as the page loads, then 15 s apart, as a strap not found as the page opened.
    expect(sinceS(droppedS, attemptsAtS)).toEqual([90, 105, 120, 135, 150]);
    strap.device.reachable = true;
    await clock.advance(30_000);
    expect(nextPage.connected.get(strap.device.id)?.connection$.value).toBe('connected');
    expect(sinceS(droppedS, attemptsAtS)).toEqual([90, 105, 120, 135, 150, 180]);
    nextPage.close();
  });
});
