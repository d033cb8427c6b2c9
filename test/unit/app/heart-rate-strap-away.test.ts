// A plain heart-rate strap out of reach in the middle of a session: it sees nothing of the exercise,
// so its drop takes away the heart rate and nothing else. The set, a hold timed by tap and a rest go
// on; the voice says once, a moment later, to keep going. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backbeat } from '../../../src/app/backbeat.ts';
import { createRecording, recordPacket } from '../../../src/protocol/recording.ts';
import { HEART_RATE_MEASUREMENT } from '../../../src/protocol/uuids.ts';
import type { ExerciseId } from '../../../src/workout/program.ts';
import { appWithStrap, connectInTurn, heartRateStrap, sessionAtFirstSetOf } from './heart-rate-strap-app.ts';

/** The line that the strap is away, as the coach's lines give it (a sentence ends with its stop). */
const KEEP_GOING = 'Heart rate out of reach: keep going.';

describe('a heart-rate-only strap out of reach in the middle of a session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The strap connected and a session started with it, at the first set of `exercise`; what is said, kept. */
  async function sessionWithTheStrapAt(exercise: ExerciseId) {
    const strap = heartRateStrap();
    const app = appWithStrap(strap);
    const lines: string[] = [];
    app.lines$.subscribe((line) => lines.push(line));
    const paused: number[] = [];
    app.session.state$.subscribe((state) => state.pausedAtMs !== null && paused.push(state.nowMs));
    app.start();
    await connectInTurn(app, ['heart-rate']);
    sessionAtFirstSetOf(app, exercise);
    await vi.advanceTimersByTimeAsync(5_000);
    return { strap, app, lines, paused };
  }

  /** The seconds the hold under way has run, to the nearest (the session's clock ticks a few times a second). */
  function heldNow(app: Backbeat): number {
    const { set, nowMs } = app.session.state;
    return Math.round((nowMs - (set?.holdStartMs ?? nowMs)) / 1000);
  }

  it('lets a hold timed by tap run on, and says once, after a moment, to keep going', async () => {
    const { strap, app, lines, paused } = await sessionWithTheStrapAt('drawing-in');
    app.session.startHold();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(heldNow(app)).toBe(5);
    const before = lines.length;

    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(1_750);
    expect(app.devices.state.connection).toBe('reconnecting');
    expect(lines.slice(before)).not.toContain(KEEP_GOING);
    // Said at the session's first tick 2 s on: it ticks four times a second.
    await vi.advanceTimersByTimeAsync(500);
    expect(lines.slice(before)).toContain(KEEP_GOING);

    // Held on for as long as the strap is away, as the person does: the hold's time runs on.
    await vi.advanceTimersByTimeAsync(27_750);
    expect(heldNow(app)).toBe(35);
    expect(paused).toEqual([]);
    const saidInTheDrop = lines.slice(before);
    expect(saidInTheDrop.filter((line) => line === KEEP_GOING)).toHaveLength(1);
    expect(saidInTheDrop.join(' ')).not.toMatch(/Paused|reconnecting|Go on/i);

    // Back: quiet, the heart rate shows again on the screen.
    strap.reachable = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(app.devices.state.connection).toBe('connected');
    expect(lines.slice(before).join(' ')).not.toMatch(/heart rate is back|Paused|Go on/i);
    expect(app.session.state.pauses ?? []).toEqual([]);
    app.dispose();
  });

  it('says the +1 tapped while it is away, and lets the rest after the set run on to its end', async () => {
    const { strap, app, lines, paused } = await sessionWithTheStrapAt('bird-dog');
    strap.reachable = false;
    strap.drop();
    await vi.advanceTimersByTimeAsync(3_000);
    app.session.adjustCount(1);
    expect(lines.at(-1)).toBe('Right, one.');

    app.session.skip();
    expect(app.session.state.phase).toBe('rest');
    const restEndsMs = app.session.state.restEndsMs;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(app.session.state.restEndsMs).toBe(restEndsMs);
    expect(paused).toEqual([]);
    expect(lines.filter((line) => line === KEEP_GOING)).toHaveLength(1);
    app.dispose();
  });

  it('says nothing of a drop the strap is back from within a moment', async () => {
    const { strap, app, lines, paused } = await sessionWithTheStrapAt('superman');
    const before = lines.length;
    strap.drop();
    await vi.advanceTimersByTimeAsync(600);
    expect(app.devices.state.connection).toBe('connected');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lines.slice(before)).toEqual([]);
    expect(paused).toEqual([]);
    app.dispose();
  });

  it('is a replay of heart rate alone too: played to its end, it pauses nothing', async () => {
    const app = appWithStrap(null);
    app.start();
    app.devices.replay(
      createRecording([
        recordPacket('hrs', Uint8Array.of(0x00, 0x50), 0, { characteristic: HEART_RATE_MEASUREMENT }),
        recordPacket('hrs', Uint8Array.of(0x00, 0x51), 1000, { characteristic: HEART_RATE_MEASUREMENT }),
      ]),
    );
    app.startSession();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(app.devices.state.connection).toBe('ended');
    expect(app.session.state.pausedAtMs).toBeNull();
    app.dispose();
  });
});
