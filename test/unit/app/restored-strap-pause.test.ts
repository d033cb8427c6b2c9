// A set paused for a strap out of reach (one whose motion counts the set), picked up on a new page ("Resume where I was") while the
// strap is still being connected there: the pause waits for the strap as a pause on the page it began
// on does, and goes on by itself once the strap is connected. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterInterruption, pausedAsDevicesAre } from '../../../src/workout/interruption.ts';
import { fakeH10 } from '../sensors/ble/wearables.ts';
import { appWithStrap } from './heart-rate-strap-app.ts';

describe('a set paused for the strap, picked up on a new page while the strap is being connected', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes on once the strap is connected, and pauses for it again when it drops', async () => {
    const strap = fakeH10();
    const before = appWithStrap(strap);
    before.start();
    const picked = before.devices.connect('polar');
    await vi.advanceTimersByTimeAsync(50);
    await picked;
    before.startSession();
    before.session.beginSet();
    before.session.adjustCount(1);
    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(100);
    const interrupted = before.session.state;
    expect(interrupted.pausedFor).toBe('connection');
    before.dispose();

    // The new page: the strap is picked again, and answers only after the session is resumed.
    strap.reachable = true;
    const connect = strap.gatt.connect.bind(strap.gatt);
    let answer = () => {};
    strap.gatt.connect = () => new Promise((resolve) => (answer = () => resolve(connect())));
    const after = appWithStrap(strap);
    after.start();
    void after.devices.connect('polar');
    await vi.advanceTimersByTimeAsync(50);
    expect(after.devices.state.connection).toBe('connecting');
    // As the store picks it up (see Persistence.resume): the strap is not back yet.
    after.session.restore(pausedAsDevicesAre(afterInterruption(interrupted), 'connection', Date.now()));

    answer();
    await vi.advanceTimersByTimeAsync(100);
    expect(after.devices.state.connection).toBe('connected');
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.set?.count).toBe(1);
    strap.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(after.devices.state.connection).toBe('reconnecting');
    expect(after.session.state.pausedFor).toBe('connection');
    after.dispose();
  });
});
