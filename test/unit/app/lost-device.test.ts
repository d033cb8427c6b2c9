// A strap whose motion counts the set, given up for lost in the middle of it: the app pauses and says
// so; a person who resumes and counts by hand goes on counting, also while a Reconnect they tapped is
// under way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeH10 } from '../sensors/ble/wearables.ts';
import { appWithStrap } from './heart-rate-strap-app.ts';

describe('a strap lost in the middle of a set', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A strap connected, a session started with it, its first set begun by tap and one rep counted by +1. */
  async function oneRepIntoASetWithTheStrap() {
    const strap = fakeH10();
    const app = appWithStrap(strap);
    app.start();
    const connecting = app.devices.connect('polar');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    app.startSession();
    app.session.beginSet();
    app.session.adjustCount(1);
    return { strap, app };
  }

  /** The strap connected again, and the set going on, not paused, at `count`. */
  function expectSetGoingOnWith(app: ReturnType<typeof appWithStrap>, count: number): void {
    expect(app.devices.state.connection).toBe('connected');
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(app.session.state.set?.count).toBe(count);
  }

  it('pauses the set; resumed by the person, the set goes on through a Reconnect they tap', async () => {
    const { strap, app } = await oneRepIntoASetWithTheStrap();

    strap.reachable = false;
    strap.drop();
    expect(app.session.state.pausedFor).toBe('connection');
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.devices.state.connection).toBe('lost');
    expect(app.session.state.pausedFor).toBe('lost');
    expect(app.devices.state.problem).toMatch(/^Out of reach:/);

    app.session.resume();
    app.session.adjustCount(1);
    app.devices.reconnectDevice(app.devices.state.devices[0].id);
    await vi.advanceTimersByTimeAsync(100);
    expect(app.devices.state.connection).toBe('reconnecting');
    expect(app.devices.state.problem).toBeNull();
    expect(app.session.state.pausedAtMs).toBeNull();
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expectSetGoingOnWith(app, 2);
    app.dispose();
  });
  it('goes on by itself when the strap given up on comes back, paused or counted by hand meanwhile', async () => {
    const { strap, app } = await oneRepIntoASetWithTheStrap();

    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.session.state.pausedFor).toBe('lost');
    // Nobody taps Reconnect: the strap comes back, and is found by itself; the set goes on.
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expectSetGoingOnWith(app, 1);

    // Out of reach again, given up on, and the person goes on by hand: the taps stay counted.
    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.session.state.pausedFor).toBe('lost');
    app.session.resume();
    app.session.adjustCount(1);
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expectSetGoingOnWith(app, 2);
    app.dispose();
  });

  it('stays paused for the strap lost, out of reach, through its tries by itself that do not reach it', async () => {
    const { strap, app } = await oneRepIntoASetWithTheStrap();

    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.session.state.pausedFor).toBe('lost');
    const pausedFor: unknown[] = [];
    const watched = app.session.state$.subscribe((s) => pausedFor.push(s.pausedFor));
    const connections = () => strap.log.filter((l) => l === 'connection').length;
    const connectionsBefore = connections();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(connections()).toBe(connectionsBefore + 2);
    expect(new Set(pausedFor)).toEqual(new Set(['lost']));
    watched.unsubscribe();
    app.dispose();
  });

  it('stays paused for the strap lost, told once, when the strap found by itself drops again while it is set up', async () => {
    const { strap, app } = await oneRepIntoASetWithTheStrap();

    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.session.state.pausedFor).toBe('lost');
    const told = app.devices.state.problemsTold;
    const connections = () => strap.log.filter((l) => l === 'connection').length;
    const connectionsBefore = connections();
    // Back in reach for a moment: the app's own try reaches it, and it drops before it is set up.
    strap.reachable = true;
    const connect = strap.gatt.connect.bind(strap.gatt);
    strap.gatt.connect = async () => {
      strap.gatt.connect = connect;
      const server = await connect();
      queueMicrotask(() => {
        strap.reachable = false;
        strap.drop();
      });
      return server;
    };
    await vi.advanceTimersByTimeAsync(15_000);
    expect(connections()).toBe(connectionsBefore + 1);
    expect(app.session.state.pausedFor).toBe('lost');
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.devices.state.connection).toBe('lost');
    expect(app.session.state.pausedFor).toBe('lost');
    expect(app.devices.state.problemsTold).toBe(told);

    // In reach for good: a later try of its own reaches it, and the set goes on.
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expectSetGoingOnWith(app, 1);
    app.dispose();
  });
});
