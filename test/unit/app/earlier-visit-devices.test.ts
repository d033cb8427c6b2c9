// The Bluetooth devices of an earlier visit, connected again with no tap, on a clock the test moves:
// tried one at a time as the page loads, all named from the start; one that does not answer is said
// not to be found and tried again by itself, 15 s apart for the first minute and 30 s apart after, with
// the page shown or a session under way; at the person's word at once; and no more once forgotten.

import { describe, expect, it } from 'vitest';
import { notFoundWords } from '../../../src/app/device-words.ts';
import { CONNECT_TIMEOUT_MS } from '../../../src/sensors/ble/gatt-session.ts';
import { FakeClock } from '../../fake-clock.ts';
import { asBluetoothDevice, type FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import { earlierVisitPage, onClock, SESSION_RUNNING } from './devices-on-a-fake-clock.ts';

/** The page loading with `devices` known and granted: their first tries begun, the clock moved on `ms`. */
async function loadedWith(
  page: ReturnType<typeof earlierVisitPage>,
  clock: FakeClock,
  devices: ReadonlyArray<readonly [FakeDevice, 'polar' | 'pinetime']>,
  ms = 0,
): Promise<void> {
  const loaded = page.devices.tryInTurn(
    devices.map(([d, kind]) => ({ id: d.id, kind })),
    devices.map(([d]) => asBluetoothDevice(d)),
  );
  await clock.advance(ms);
  await loaded;
}

/** A page loaded with a strap of the last visit known, out of reach: its first try made, and when each was. */
async function loadedWithStrapAway(pace?: Parameters<typeof earlierVisitPage>[1]) {
  const clock = new FakeClock();
  const strap = fakeH10();
  const tries = onClock(strap, clock);
  strap.reachable = false;
  const page = earlierVisitPage(clock, pace);
  await loadedWith(page, clock, [[strap, 'polar']]);
  return { clock, strap, tries, page };
}

/** The latest of what the page was told of `key`. */
function lastTold<K extends 'awaiting' | 'firstTries' | 'problem'>(
  page: ReturnType<typeof earlierVisitPage>,
  key: K,
) {
  return page.told.filter((p) => key in p).at(-1)?.[key];
}

describe('the devices of an earlier visit', () => {
  it('are tried one at a time as the page loads, each named from the start', async () => {
    const clock = new FakeClock();
    const strap = fakeH10();
    const watch = fakePineTime();
    const strapTries = onClock(strap, clock);
    const watchTries = onClock(watch, clock);
    // The strap never answers: its try is given up after CONNECT_TIMEOUT_MS, and only then is the watch tried.
    strap.neverAnswer('connection');
    const page = earlierVisitPage(clock);
    const loaded = page.devices.tryInTurn(
      [
        { id: strap.id, kind: 'polar' },
        { id: watch.id, kind: 'pinetime' },
      ],
      [asBluetoothDevice(strap), asBluetoothDevice(watch)],
    );
    expect(page.told[0].firstTries?.map((d) => d.name)).toEqual(['Polar H10 0A1B2C3D', 'InfiniTime']);
    await clock.advance(CONNECT_TIMEOUT_MS + 100);
    await loaded;
    expect(strapTries).toEqual([0]);
    expect(watchTries).toEqual([CONNECT_TIMEOUT_MS / 1000]);
    expect([...page.connected.keys()]).toEqual([watch.id]);
    expect(lastTold(page, 'awaiting')?.map((d) => d.name)).toEqual(['Polar H10 0A1B2C3D']);
    expect(lastTold(page, 'problem')).toBe(notFoundWords(asBluetoothDevice(strap), 'polar'));
    page.close();
  });

  it('not found as the page loads, is tried every 15 s for the first minute, then every 30 s, until it is found', async () => {
    const { clock, strap, tries, page } = await loadedWithStrapAway();
    await clock.advance(120_000);
    expect(tries).toEqual([0, 15, 30, 45, 60, 90, 120]);
    strap.reachable = true;
    await clock.advance(30_000);
    expect(tries).toEqual([0, 15, 30, 45, 60, 90, 120, 150]);
    expect(page.connected.get(strap.id)?.connection$.value).toBe('connected');
    expect(lastTold(page, 'awaiting')).toEqual([]);
    await clock.advance(5 * 60_000);
    expect(tries).toHaveLength(8);
    page.close();
  });

  it('are tried together in each round, paced as one', async () => {
    const clock = new FakeClock();
    const strap = fakeH10();
    const watch = fakePineTime();
    const strapTries = onClock(strap, clock);
    const watchTries = onClock(watch, clock);
    strap.reachable = false;
    watch.reachable = false;
    const page = earlierVisitPage(clock);
    await loadedWith(page, clock, [
      [strap, 'polar'],
      [watch, 'pinetime'],
    ]);
    await clock.advance(90_000);
    expect(strapTries).toEqual([0, 15, 30, 45, 60, 90]);
    expect(watchTries).toEqual([0, 15, 30, 45, 60, 90]);
    page.close();
  });

  it('are not tried with the page hidden out of a session, and are again once a session runs', async () => {
    let pace = SESSION_RUNNING;
    const { clock, tries, page } = await loadedWithStrapAway(() => pace);
    await clock.advance(20_000);
    // The screen turned off before a session: nobody is waiting for the strap.
    pace = { sessionRunning: false, pageHidden: true };
    page.devices.scheduleRejoin();
    await clock.advance(80_000);
    expect(tries).toEqual([0, 15]);
    // A session started (the phone on the floor, its screen off): tried again, at the early pace.
    pace = { sessionRunning: true, pageHidden: true };
    page.devices.scheduleRejoin();
    await clock.advance(30_000);
    expect(tries).toEqual([0, 15, 115, 130]);
    page.close();
  });

  it('are tried at once at the person’s word, said again not to be found, and no more once forgotten', async () => {
    const { clock, strap, tries, page } = await loadedWithStrapAway();
    await clock.advance(5_000);
    const toldBefore = page.told.length;
    await page.devices.rejoinAwaitedNow(strap.id);
    expect(tries).toEqual([0, 5]);
    const toldSince = page.told.slice(toldBefore);
    expect(toldSince[0]).toEqual({ problem: null });
    expect(toldSince.filter((p) => 'problem' in p).at(-1)).toEqual({
      problem: notFoundWords(asBluetoothDevice(strap), 'polar'),
    });
    // Forgotten (×): no try is made of it again.
    page.forgotten.add(strap.id);
    page.devices.stopAwaiting((a) => a.device.id === strap.id);
    expect(lastTold(page, 'awaiting')).toEqual([]);
    await clock.advance(5 * 60_000);
    expect(tries).toEqual([0, 5]);
    page.close();
  });
});
