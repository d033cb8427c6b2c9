// A set paused for a strap out of reach (one whose motion counts the set), and the page reloaded: the new page connects the strap of
// the last visit by itself (no chooser), and the person taps "Resume where I was" while that is still
// under way. The pause waits for the strap, as it would have on the page it began on: it goes on by
// itself once the strap is connected, and says the strap out of reach if it does not answer. Through
// the whole app in Node, its store and all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { asBluetoothDevice, type FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10 } from '../sensors/ble/wearables.ts';
import { closedOnceSaved, connectInTurn } from './heart-rate-strap-app.ts';

let pagesOpened = 0;

/** What the store does, done: the fake clock moved on meanwhile, as the store's own work waits on it. */
async function done(work: Promise<void>): Promise<void> {
  await vi.advanceTimersByTimeAsync(50);
  await work;
}

/** A page of the app on `storeName`, whose browser lets it use `strap` again (getDevices). */
function openPage(strap: FakeDevice, storeName: string, storage: MemoryStorage): Backbeat {
  const device = asBluetoothDevice(strap);
  const bluetooth = { requestDevice: async () => device, getDevices: async () => [device] };
  return new Backbeat({
    now: () => Date.now(),
    navigator: { bluetooth } as unknown as Navigator,
    settingsStorage: storage,
    persistence: { openStore: () => SessionStore.open({ name: storeName }), page: null },
    cueHosts: null,
  });
}

/**
 * The pause says the strap out of reach, and nothing else, through two of its tries 15 s apart; then
 * the strap is in reach again and 15 s go by. What the pause said on the way, in order.
 */
async function outOfReachThroughTriesUntilBack(strap: FakeDevice, page: Backbeat): Promise<unknown[]> {
  const pausedFor: unknown[] = [];
  const watched = page.session.state$.subscribe((s) => pausedFor.push(s.pausedFor));
  const connections = () => strap.log.filter((l) => l === 'connection').length;
  const connectionsBefore = connections();
  await vi.advanceTimersByTimeAsync(30_000);
  expect(connections()).toBe(connectionsBefore + 2);
  expect(new Set(pausedFor)).toEqual(new Set(['lost']));
  strap.reachable = true;
  await vi.advanceTimersByTimeAsync(15_000);
  watched.unsubscribe();
  return pausedFor;
}

/**
 * A set one rep in, paused for its strap gone out of reach, on a page now closed; the next page is
 * opened with the strap answering its connection once `answer` is called.
 */
async function reloadedWhileTheStrapConnects() {
  const storeName = `restored-strap-pause-reload-${++pagesOpened}`;
  const storage = new MemoryStorage();
  const strap = fakeH10();
  const before = openPage(strap, storeName, storage);
  before.start();
  await vi.advanceTimersByTimeAsync(100);
  await connectInTurn(before, ['polar']);
  before.startSession();
  before.session.beginSet();
  before.session.adjustCount(1);
  strap.reachable = false;
  strap.drop();
  await vi.advanceTimersByTimeAsync(100);
  expect(before.session.state.pausedFor).toBe('connection');
  await closedOnceSaved(before);

  let answer = () => {};
  strap.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
  const after = openPage(strap, storeName, storage);
  after.start();
  await vi.advanceTimersByTimeAsync(100);
  expect(after.persistence.history.state.unfinished).not.toBeNull();
  return { strap, after, answer: () => answer() };
}

describe('a set paused for the strap, resumed after a reload while the strap of the last visit is connected again', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the strap, and goes on by itself once it is connected', async () => {
    const { strap, after, answer } = await reloadedWhileTheStrapConnects();
    strap.reachable = true;
    await done(after.persistence.resume());
    expect(after.session.state.pausedAtMs).not.toBeNull();
    expect(after.session.state.pausedFor).toBe('connection');

    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(after.devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Polar H10 0A1B2C3D', 'connected'],
    ]);
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.set?.count).toBe(1);
    await done(after.persistence.flush());
    after.dispose();
  });

  it('says the strap out of reach when it does not answer', async () => {
    const { after, answer } = await reloadedWhileTheStrapConnects();
    await done(after.persistence.resume());
    expect(after.session.state.pausedFor).toBe('connection');

    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(after.devices.state.awaiting.map((a) => [a.name, a.trying])).toEqual([
      ['Polar H10 0A1B2C3D', false],
    ]);
    expect(after.session.state.pausedAtMs).not.toBeNull();
    expect(after.session.state.pausedFor).toBe('lost');
    await done(after.persistence.flush());
    after.dispose();
  });

  it('says the strap out of reach through its tries by itself, and goes on once one reaches it', async () => {
    const { strap, after, answer } = await reloadedWhileTheStrapConnects();
    await done(after.persistence.resume());
    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(after.session.state.pausedFor).toBe('lost');

    const pausedFor = await outOfReachThroughTriesUntilBack(strap, after);
    expect(after.devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Polar H10 0A1B2C3D', 'connected'],
    ]);
    expect(after.devices.state.awaiting).toEqual([]);
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.set?.count).toBe(1);
    // Out of reach until it was back, and no "connection lost" on the way.
    expect(new Set(pausedFor)).toEqual(new Set(['lost', undefined]));
    await done(after.persistence.flush());
    after.dispose();
  });
});

describe('a set paused for the strap, resumed after a reload once the strap there is given up on', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the strap out of reach through its tries by itself, and goes on once one reaches it', async () => {
    const { strap, after, answer } = await reloadedWhileTheStrapConnects();
    // Connected again on the new page, then out of reach there until it is given up on.
    strap.reachable = true;
    answer();
    await vi.advanceTimersByTimeAsync(100);
    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(after.devices.state.devices.map((d) => d.connection)).toContain('lost');
    await done(after.persistence.resume());
    expect(after.session.state.pausedFor).toBe('lost');

    await outOfReachThroughTriesUntilBack(strap, after);
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.set?.count).toBe(1);
    await done(after.persistence.flush());
    after.dispose();
  });
});
