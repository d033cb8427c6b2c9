// A strap picked in the middle of a set, that takes its time to connect (up to CONNECT_TIMEOUT_MS
// for the connection alone): the set goes on with the virtual strap it had until the strap is
// connected, so no rep goes uncounted and no hold runs on unseen meanwhile; a strap that never
// connects leaves the same simulated person going on, not a new one starting over. Through the whole
// app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backbeat } from '../../../src/app/backbeat.ts';
import { CONNECT_TIMEOUT_MS } from '../../../src/sensors/ble/gatt-session.ts';
import type { SessionState } from '../../../src/workout/session.ts';
import type { FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10 } from '../sensors/ble/wearables.ts';
import { appWithStrap } from './heart-rate-strap-app.ts';

describe('a strap picked in the middle of a set that is slow to connect', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The app with `strap` in its chooser, a session under way with the virtual strap, a first rep counted. */
  async function oneRepIntoASetWithTheVirtualStrap(strap: FakeDevice): Promise<Backbeat> {
    // On the page's clock, from 0: the virtual strap's simulated person begins there.
    const openedAt = Date.now();
    const app = appWithStrap(strap, { now: () => Date.now() - openedAt });
    app.start();
    app.startSession();
    const counting = (s: SessionState) => s.phase === 'set' && (s.set?.count ?? 0) > 0;
    for (let s = 0; s < 600 && !counting(app.session.state); s++) await vi.advanceTimersByTimeAsync(1_000);
    expect(counting(app.session.state)).toBe(true);
    return app;
  }

  /** The states the session goes through while `ms` pass, second by second. */
  async function statesOver(app: Backbeat, ms: number): Promise<SessionState[]> {
    const states: SessionState[] = [];
    const watching = app.session.state$.subscribe((s) => states.push(s));
    for (let t = 0; t < ms; t += 1_000) await vi.advanceTimersByTimeAsync(1_000);
    watching.unsubscribe();
    return states;
  }

  /** The set went on, unpaused, its reps counted: the simulated person's reps after `countAtPick`. */
  function expectSetWentOn(states: readonly SessionState[], countAtPick: number): void {
    expect(states.filter((s) => s.pausedAtMs !== null)).toEqual([]);
    expect(Math.max(...states.map((s) => s.set?.count ?? s.completed.at(-1)?.count ?? 0))).toBeGreaterThan(
      countAtPick,
    );
  }

  it('goes on with the virtual strap while the strap connects, the strap listed as connecting, then reads the strap', async () => {
    const strap = fakeH10();
    let answer = () => {};
    strap.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    const app = await oneRepIntoASetWithTheVirtualStrap(strap);
    const virtual = app.devices.active.virtual;
    const countAtPick = app.session.state.set?.count ?? 0;

    const picking = app.devices.connect('polar');
    const states = await statesOver(app, 12_000);

    expectSetWentOn(states, countAtPick);
    expect(app.devices.active.virtual).toBe(virtual);
    // Being connected pauses nothing.
    expect(app.devices.state.connection).toBe('connecting');
    expect(app.devices.state.devices.map((d) => [d.kind, d.connection, d.heartRate, d.motion])).toEqual([
      ['virtual', 'connected', true, true],
      ['polar', 'connecting', false, false],
    ]);

    answer();
    await vi.advanceTimersByTimeAsync(1_000);
    await picking;
    expect(app.devices.active.virtual).toBeNull();
    expect(app.devices.state.devices.map((d) => [d.kind, d.connection])).toEqual([['polar', 'connected']]);
    app.dispose();
  });

  it('goes on with the same simulated person when the strap never connects', async () => {
    const strap = fakeH10();
    strap.neverAnswer('connection');
    const app = await oneRepIntoASetWithTheVirtualStrap(strap);
    const virtual = app.devices.active.virtual;
    const countAtPick = app.session.state.set?.count ?? 0;

    const picking = app.devices.connect('polar');
    const states = await statesOver(app, CONNECT_TIMEOUT_MS + 1_000);
    await picking;

    expect(app.devices.state.problem).not.toBeNull();
    expectSetWentOn(states, countAtPick);
    expect(app.devices.active.virtual).toBe(virtual);
    expect(app.devices.state.devices.map((d) => d.kind)).toEqual(['virtual']);
    app.dispose();
  });
});
