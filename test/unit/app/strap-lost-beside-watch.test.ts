// A Polar H10 and a watch worn together, one of them out of reach in the middle of a set: once it has
// been away a few seconds (HANDED_OVER_AFTER_MS), long before it is given up for lost, the other
// counts what it can see in its place (a superman from the wrist, a lat pulldown from the chest), and
// the voice says so; one back within those seconds keeps its set; what it cannot see (a glute bridge from the wrist) pauses as
// before. The device back keeps out of the set under way, and counts again from the next set.
// Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backbeat } from '../../../src/app/backbeat.ts';
import { HANDED_OVER_AFTER_MS } from '../../../src/app/device-streams.ts';
import { setTakenOverText } from '../../../src/workout/device-drops.ts';
import { currentPlanned } from '../../../src/workout/session.ts';
import {
  droppedInTheFirstSetOf,
  GIVEN_UP_AFTER_MS,
  listeningVoice,
  sessionAtFirstSetOf,
  strapAndWatchConnected,
} from './heart-rate-strap-app.ts';

describe('a strap or a watch given up for lost beside the other', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The H10 and the PineTime connected, with a voice that writes down what it says. */
  async function strapAndWatch() {
    const said: string[] = [];
    const connected = await strapAndWatchConnected({ cueHosts: listeningVoice(said) });
    return { ...connected, said };
  }

  const countedBy = (app: Backbeat, name: string) =>
    app.devices.state.devices.find((d) => d.name.startsWith(name))?.counts;

  it('has the watch count a superman in the strap’s place, the set going on, and says so', async () => {
    const { app, strap, said } = await strapAndWatch();
    expect(countedBy(app, 'Polar')).toContain('superman');
    await droppedInTheFirstSetOf(app, 'superman', strap, GIVEN_UP_AFTER_MS);

    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['lost', 'connected']);
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(countedBy(app, 'InfiniTime')).toEqual(['superman', 'drawing-in', 'lat-pulldown']);
    expect(countedBy(app, 'Polar')).toEqual(['glute-bridge', 'bird-dog', 'bat-hang', 'elbow-plank']);
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');
    expect(said).toContain('Strap out of reach: the watch counts from here');
    expect(said.join('\n')).not.toMatch(/until the strap is back/);
    app.dispose();
  });

  it('has the watch count a superman once the strap has been silent a few seconds, long before it is given up for lost', async () => {
    const { app, strap, said } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'superman', strap, HANDED_OVER_AFTER_MS + 500);

    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['reconnecting', 'connected']);
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(countedBy(app, 'InfiniTime')).toContain('superman');
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');
    expect(said).toContain('Strap out of reach: the watch counts from here');

    // Given up for lost at the end of its window, the set goes on with the watch, and nothing more is said of the strap.
    const saidBefore = said.length;
    await vi.advanceTimersByTimeAsync(GIVEN_UP_AFTER_MS);
    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['lost', 'connected']);
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(countedBy(app, 'InfiniTime')).toContain('superman');
    expect(said.slice(saidBefore).join('\n')).not.toMatch(/strap|paused/i);
    app.dispose();
  });

  it('keeps the strap counting a superman it is back in within a few seconds, the watch not taking it over', async () => {
    const { app, strap, said } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'superman', strap, 1_000);
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(HANDED_OVER_AFTER_MS);

    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['connected', 'connected']);
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(countedBy(app, 'Polar')).toContain('superman');
    expect(app.session.state.motionPlacements?.superman).toBe('chest');
    expect(said.join('\n')).not.toMatch(/the watch counts/);
    app.dispose();
  });

  it('keeps the watch counting the set it took over from a strap back after a few seconds, the strap counting the next', async () => {
    const { app, strap } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'superman', strap, HANDED_OVER_AFTER_MS + 500);
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(20_000);

    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['connected', 'connected']);
    expect(app.session.state.phase).toBe('set');
    expect(countedBy(app, 'InfiniTime')).toContain('superman');
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');

    app.session.adjustCount(1);
    app.session.skip();
    await vi.advanceTimersByTimeAsync(100);
    expect(countedBy(app, 'Polar')).toContain('superman');
    expect(app.session.state.motionPlacements?.superman).toBe('chest');
    app.dispose();
  });

  it('keeps with the set that the watch counted it from the rep after those the strap had', async () => {
    const { app, strap } = await strapAndWatch();
    sessionAtFirstSetOf(app, 'superman');
    app.session.beginSet();
    app.session.adjustCount(1);
    app.session.adjustCount(1);
    await vi.advanceTimersByTimeAsync(3_000);
    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(GIVEN_UP_AFTER_MS);
    expect(app.session.state.pausedAtMs).toBeNull();

    app.session.skip();
    const [set] = app.session.state.completed.filter((s) => s.exerciseId === 'superman');
    expect(set?.takenOver).toEqual({
      from: 'chest',
      placement: 'wrist',
      how: 'lost',
      countBefore: 2,
      heldMsBefore: null,
    });
    expect(setTakenOverText(set!)).toBe('the watch counted from rep 3');
    app.dispose();
  });

  it('pauses a glute bridge, which a wrist cannot see, until the strap is back, as before', async () => {
    const { app, strap, said } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'glute-bridge', strap, GIVEN_UP_AFTER_MS);

    expect(app.session.state.pausedFor).toBe('lost');
    expect(countedBy(app, 'Polar')).toContain('glute-bridge');
    expect(said).toContain(
      'The strap is out of reach. Tap Reconnect, or Resume and count with plus one until the strap is back',
    );
    app.dispose();
  });

  it('has the strap count a lat pulldown in the watch’s place, and says so', async () => {
    const { app, watch, said } = await strapAndWatch();
    expect(countedBy(app, 'InfiniTime')).toEqual(['lat-pulldown']);
    await droppedInTheFirstSetOf(app, 'lat-pulldown', watch, GIVEN_UP_AFTER_MS);

    expect(app.session.state.pausedAtMs).toBeNull();
    expect(countedBy(app, 'Polar')).toContain('lat-pulldown');
    expect(countedBy(app, 'InfiniTime')).toEqual([]);
    expect(said).toContain('Watch out of reach: the strap counts from here');
    app.dispose();
  });

  it('says in a rest that the watch counts the next set, where the strap goes in the rest before a superman', async () => {
    const { app, strap, said } = await strapAndWatch();
    app.startSession();
    for (let guard = 0; currentPlanned(app.session.state)?.exercise.id !== 'superman'; guard++) {
      if (guard > 40) throw new Error('no superman in the plan');
      app.session.skip();
    }
    app.session.beginSet();
    app.session.adjustCount(1);
    app.session.skip();
    expect(app.session.state.phase).toBe('rest');
    strap.reachable = false;
    strap.drop();
    // The rest is paused while the strap reconnects, and goes on once the watch takes the next set.
    await vi.advanceTimersByTimeAsync(HANDED_OVER_AFTER_MS + 500);

    expect(app.session.state.phase).toBe('rest');
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(said).toContain('Strap out of reach: the watch counts the next set');
    app.dispose();
  });

  it('keeps the watch counting the set under way when the strap comes back, and the strap counts the next', async () => {
    const { app, strap } = await strapAndWatch();
    await droppedInTheFirstSetOf(app, 'superman', strap, GIVEN_UP_AFTER_MS);
    expect(countedBy(app, 'InfiniTime')).toContain('superman');

    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['connected', 'connected']);
    expect(app.session.state.phase).toBe('set');
    expect(countedBy(app, 'InfiniTime')).toContain('superman');
    expect(app.session.state.motionPlacements?.superman).toBe('wrist');
    // What the watch took over and no set of it is under way goes back to the strap at once.
    expect(countedBy(app, 'Polar')).toContain('drawing-in');

    app.session.adjustCount(1);
    app.session.skip();
    expect(app.session.state.phase).toBe('rest');
    await vi.advanceTimersByTimeAsync(100);
    expect(countedBy(app, 'Polar')).toContain('superman');
    expect(countedBy(app, 'InfiniTime')).toEqual(['lat-pulldown']);
    expect(app.session.state.motionPlacements?.superman).toBe('chest');
    app.dispose();
  });
});
