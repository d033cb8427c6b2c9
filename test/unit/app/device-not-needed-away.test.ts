// A Polar H10 (the floor exercises, the heart rate, where the person lies) and a watch (the lat
// pulldown) in one session: the strap dropping out in the middle of a lat pulldown set the watch
// counts takes nothing that set needs. The set goes on, and the voice says once, a moment later,
// that the strap is out of reach. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseId } from '../../../src/workout/program.ts';
import { currentPlanned } from '../../../src/workout/session.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import { appPickingInTurn, connectInTurn, sessionAtFirstSetOf } from './heart-rate-strap-app.ts';

describe('a strap out of reach beside a watch that counts the set under way', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The H10 and the watch connected, in that order, and a session at the first set of `exercise`. */
  async function sessionWithStrapAndWatchAt(exercise: ExerciseId) {
    const h10 = fakeH10();
    const watch = fakePineTime();
    const app = appPickingInTurn([h10, watch]);
    const lines: string[] = [];
    app.lines$.subscribe((line) => lines.push(line));
    /** Whether the session was ever paused (the person pauses nothing here). */
    let paused = false;
    app.session.state$.subscribe((state) => {
      paused ||= state.pausedAtMs !== null;
    });
    app.start();
    await connectInTurn(app, ['polar', 'pinetime']);
    expect(app.devices.state.devices.map((d) => d.counts.includes('lat-pulldown'))).toEqual([false, true]);
    sessionAtFirstSetOf(app, exercise);
    // Begun by hand, as a person seated at the machine would be seen to be by the strap.
    app.session.beginSet();
    await vi.advanceTimersByTimeAsync(3_000);
    return { h10, app, lines, paused: () => paused };
  }

  it('lets a lat pulldown set the watch counts go on, and says the strap out of reach once', async () => {
    const { h10, app, lines, paused } = await sessionWithStrapAndWatchAt('lat-pulldown');
    expect(app.session.state.set?.waiting ?? false).toBe(false);
    const before = lines.length;
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(app.devices.state.devices[0]?.connection).toBe('reconnecting');
    expect(paused()).toBe(false);
    expect(app.session.state.phase).toBe('set');
    const said = lines.slice(before);
    expect(said.filter((line) => line === 'Strap out of reach: keep going.')).toHaveLength(1);
    expect(said.join(' ')).not.toMatch(/Paused|plus one/i);

    // The plank after it, which the strap times, comes with the strap still away: it begins without
    // it, its hold started and ended by tap, and is not paused for it.
    const planking = lines.length;
    const atPlank = () =>
      app.session.state.phase === 'set' && currentPlanned(app.session.state)?.exercise.id === 'elbow-plank';
    for (let guard = 0; !atPlank(); guard++) {
      if (guard > 10) throw new Error('no plank after the lat pulldown');
      app.session.skip();
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(paused()).toBe(false);
    expect(app.session.state.set?.waiting ?? false).toBe(false);
    expect(lines.slice(planking).join(' ')).toMatch(/Tap Start hold when you are in position/);
    app.dispose();
  });

  it('goes on timing a plank begun without the strap by tap when the strap is given up on', async () => {
    const { h10, app, lines, paused } = await sessionWithStrapAndWatchAt('lat-pulldown');
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(app.devices.state.devices[0]?.connection).toBe('reconnecting');
    for (let guard = 0; currentPlanned(app.session.state)?.exercise.id !== 'elbow-plank'; guard++) {
      if (guard > 10) throw new Error('no plank after the lat pulldown');
      app.session.skip();
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(app.session.state.phase).toBe('set');
    // The person starts the hold by tap, and holds on past the point the strap is given up on.
    app.session.startHold();
    const holding = lines.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(app.devices.state.devices[0]?.connection).toBe('lost');
    expect(paused()).toBe(false);
    expect(app.session.state.set?.holdStartMs).not.toBeNull();
    expect(lines.slice(holding).join(' ')).not.toMatch(/Paused|Tap Reconnect/i);
    app.dispose();
  });

  it('begins the next lat pulldown set at once while the strap that sees the person seated is away, and waits for the seat again once it is back', async () => {
    const { h10, app, lines, paused } = await sessionWithStrapAndWatchAt('lat-pulldown');
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    const setTwo = lines.length;
    // The first set ended, and its rest cut short: the second comes with the strap still away.
    app.session.skip();
    app.session.skip();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(app.session.state.set?.setNumber).toBe(2);
    expect(app.session.state.set?.waiting ?? false).toBe(false);
    const saidInSetTwo = lines.slice(setTwo).join(' ');
    expect(saidInSetTwo).not.toMatch(/Sit upright at the machine/);
    expect(saidInSetTwo).toMatch(/\bGo\b/);
    // The watch counts it: nothing to count by hand.
    expect(saidInSetTwo).not.toMatch(/plus one/i);
    expect(paused()).toBe(false);

    // Back in the rest before the third set: that set waits to see the person seated again.
    app.session.skip();
    expect(app.session.state.phase).toBe('rest');
    h10.reachable = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(app.devices.state.devices[0]?.connection).toBe('connected');
    const setThree = lines.length;
    app.session.skip();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(app.session.state.set?.setNumber).toBe(3);
    expect(app.session.state.set?.waiting).toBe(true);
    expect(lines.slice(setThree).join(' ')).toMatch(/Sit upright at the machine to start/);
    app.dispose();
  });

  it('begins a lat pulldown set waiting for the person seated on Resume, once the strap is given up on', async () => {
    const { h10, app, lines } = await sessionWithStrapAndWatchAt('lat-pulldown');
    app.session.skip();
    app.session.skip();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(app.session.state.set).toMatchObject({ setNumber: 2, waiting: true });
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(100);
    // Waiting to see the person seated, the set needs the strap: it waits for it.
    expect(app.session.state.pausedFor).toBe('connection');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(app.session.state.pausedFor).toBe('lost');
    const resumed = lines.length;
    app.session.resume();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(app.session.state.set?.waiting ?? false).toBe(false);
    const said = lines.slice(resumed).join(' ');
    expect(said).toMatch(/\bGo\b/);
    expect(said).not.toMatch(/Sit upright at the machine|plus one/i);
    app.dispose();
  });

  it('still pauses a floor exercise the strap counts', async () => {
    const { h10, app } = await sessionWithStrapAndWatchAt('superman');
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(app.session.state.pausedFor).toBe('connection');
    app.dispose();
  });
});
