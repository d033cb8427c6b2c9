// A pause in the middle of a set, through the whole pipeline in Node: the virtual strap's simulated
// person, the detectors and the session, on one virtual clock.
import { TestScheduler } from 'rxjs/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { createRecording, recordPacket } from '../../../src/protocol/recording.ts';
import { HEART_RATE_MEASUREMENT } from '../../../src/protocol/uuids.ts';
import type { VirtualPersonStatus } from '../../../src/sensors/virtual/virtual-strap.ts';
import { motionAwayFor } from '../../../src/workout/counted-by.ts';
import { currentPlanned } from '../../../src/workout/session.ts';
import { asBluetoothDevice } from '../sensors/ble/fake-device.ts';
import { accFrames, fakeH10 } from '../sensors/ble/wearables.ts';

// Pauses from one moment to the next across more than one rep: at rest, on the way up, at the top,
// on the way down. Watched through the pause, most of them cost a rep.
const PAUSE_AT_MS = [17_000, 17_500, 18_000, 18_500, 19_000, 19_500, 20_000, 20_500, 21_000, 21_500];

describe.each(PAUSE_AT_MS)(
  'a pause of six seconds at %d ms, in the middle of a superman set',
  (pauseAtMs) => {
    it('stops the simulated person, and loses no rep: ten done, one fewer by hand, nine counted', () => {
      const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
      scheduler.run(({ flush }) => {
        const app = new Backbeat({
          now: () => scheduler.now(),
          navigator: {} as Navigator,
          persistence: { openStore: null, page: null },
        });
        let person: VirtualPersonStatus | null = null;
        /** What the person did in the first set, as they say once they rest. */
        let performed: number | null = null;
        const watching = app.virtualPerson$.subscribe((status) => {
          person = status;
          if (status?.current.activity.kind === 'rest') performed ??= status.previous?.repsDone ?? null;
        });
        const reps = () => (person as VirtualPersonStatus | null)?.current.repsDone ?? Number.NaN;
        app.start();
        const during: number[] = [];
        scheduler.schedule(() => app.startSession(), 1000);
        // +1, −1, −1 along the way, then the pause.
        scheduler.schedule(() => app.session.adjustCount(1), 12_000);
        scheduler.schedule(() => app.session.adjustCount(-1), 12_500);
        scheduler.schedule(() => app.session.adjustCount(-1), 13_000);
        scheduler.schedule(() => {
          app.session.pause();
          during.push(reps(), app.session.state.set?.count ?? -1);
        }, pauseAtMs);
        scheduler.schedule(() => {
          during.push(reps(), app.session.state.set?.count ?? -1);
          app.session.resume();
        }, pauseAtMs + 6000);
        scheduler.schedule(() => {
          watching.unsubscribe();
          app.dispose();
        }, 120_000);
        flush();
        // Nothing moved while paused: neither the person nor the count.
        expect(during[2]).toBe(during[0]);
        expect(during[3]).toBe(during[1]);
        const [first] = app.session.state.completed;
        expect(performed).toBe(10);
        expect(first?.count).toBe(9);
        expect(first?.corrections).toBe(-1);
      });
    });
  },
);

describe('a pause the app makes by itself', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps why: a replay whose motion counts the set has played to its end', async () => {
    vi.useFakeTimers();
    const app = new Backbeat({
      now: () => Date.now(),
      navigator: {} as Navigator,
      persistence: { openStore: null, page: null },
    });
    app.start();
    app.devices.replay(
      createRecording([
        recordPacket('hrs', Uint8Array.of(0x00, 0x50), 0, { characteristic: HEART_RATE_MEASUREMENT }),
        recordPacket('pmd-data', accFrames('ACC_50HZ_2G')[0], 500),
        recordPacket('hrs', Uint8Array.of(0x00, 0x51), 1000, { characteristic: HEART_RATE_MEASUREMENT }),
      ]),
    );
    app.startSession();
    expect(app.devices.state.devices[0].counts.length).toBeGreaterThan(0);
    expect(app.session.state.phase).toBe('set');
    expect(app.session.state.pausedAtMs).toBeNull();
    await vi.advanceTimersByTimeAsync(2000);
    expect(app.session.state.pausedAtMs).not.toBeNull();
    expect(app.session.state.pausedFor).toBe('replay');
    app.session.resume();
    expect(app.session.state.pausedFor).toBeUndefined();
    app.dispose();
  });

  it('keeps why: a strap that dropped, then could not be reached again until the person reconnects it', async () => {
    const { app, h10 } = await sessionWithH10();
    expect(app.session.state.phase).toBe('set');
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(app.session.state.pausedFor).toBe('connection');
    const pausedAtMs = app.session.state.pausedAtMs;
    // 0.5 + 1 + 2 + 4 + 8 × 8 s of tries: then it is lost, and the same pause says so.
    await vi.advanceTimersByTimeAsync(72_000);
    expect(app.devices.state.connection).toBe('lost');
    expect(app.session.state.pausedFor).toBe('lost');
    expect(app.session.state.pausedAtMs).toBe(pausedAtMs);
    h10.reachable = true;
    app.devices.reconnectDevice(app.devices.state.devices[0]!.id);
    await vi.advanceTimersByTimeAsync(600);
    expect(app.devices.state.connection).toBe('connected');
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(app.session.state.pausedFor).toBeUndefined();
    app.dispose();
  });
});

describe('a strap out of reach', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves its exercises unseen while it reconnects, and seen again before the set it paused goes on', async () => {
    const { app, h10 } = await sessionWithH10();
    const exercise = currentPlanned(app.session.state)!.exercise;
    expect(app.session.state.set?.waiting).toBe(true);
    h10.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(app.session.state.pausedFor).toBe('connection');
    expect(motionAwayFor(app.session.state, exercise)).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(app.devices.state.connection).toBe('connected');
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(app.session.state.motionAwaySinceMs).toBeUndefined();
    // The strap sees the person again: the set waits for their position, as before it dropped.
    expect(app.session.state.set?.waiting).toBe(true);
    app.dispose();
  });
});

/** An app on fake timers with a fake H10 connected and a session started. */
async function sessionWithH10(): Promise<{ app: Backbeat; h10: ReturnType<typeof fakeH10> }> {
  vi.useFakeTimers();
  const h10 = fakeH10();
  const bluetooth = { requestDevice: async () => asBluetoothDevice(h10) };
  const app = new Backbeat({
    now: () => Date.now(),
    navigator: { bluetooth } as unknown as Navigator,
    persistence: { openStore: null, page: null },
  });
  app.start();
  const connecting = app.devices.connect('polar');
  await vi.advanceTimersByTimeAsync(50);
  await connecting;
  app.startSession();
  return { app, h10 };
}
