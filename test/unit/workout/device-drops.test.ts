import { describe, expect, it } from 'vitest';
import { CONNECTION_LOST_SAID_AFTER_MS } from '../../../src/cues/cue-planner.ts';
import {
  type DevicePause,
  dropIn,
  droppedPlacement,
  sessionDrop,
  sessionDropText,
  sessionPauses,
  setAwayText,
  setAwayWords,
  setDropText,
  setTakenOverText,
  withDropPlacement,
} from '../../../src/workout/device-drops.ts';
import { UNSAID_DROP_MS } from '../../../src/workout/pauses.ts';
import type { Pause } from '../../../src/workout/session-state.ts';

// A superman set whose strap was given up on twice, found again by itself and then gone on without,
// and a drop in the rest after it, back within its reconnecting: as an H10 carried out of reach kept them.
const SET = { startedMs: 6070, endedMs: 237_649 };
const PAUSES: Pause[] = [
  { atMs: 17_260, ms: 102_300, deviceLost: true },
  { atMs: 133_960, ms: 72_000, deviceLost: true },
  { atMs: 242_900, ms: 18_000, deviceDropped: true, seenMs: 18_000 },
];

describe('dropIn', () => {
  it("sums the device's pauses that fell in the set, and leaves out the rest's", () => {
    expect(dropIn(SET, PAUSES)).toEqual({ ms: 174_300, times: 2 });
    expect(dropIn({ startedMs: 262_000, endedMs: 300_000 }, PAUSES)).toBeNull();
  });

  it("takes a drop the strap came back from as the device's, and none of the person's own pauses", () => {
    const pauses: Pause[] = [
      { atMs: 10_000, ms: 12_000, deviceDropped: true, seenMs: 12_000 },
      { atMs: 30_000, ms: 40_000 },
    ];
    expect(dropIn({ startedMs: 0, endedMs: 90_000 }, pauses)).toEqual({ ms: 12_000, times: 1 });
    // A session kept before drops were: its pauses read as they did.
    expect(dropIn({ startedMs: 0, endedMs: 90_000 }, [{ atMs: 10_000, ms: 12_000 }])).toBeNull();
    expect(dropIn({ startedMs: 0, endedMs: 90_000 }, undefined)).toBeNull();
  });
  it("counts of a pause that spans the set's end or its start only the part within the set", () => {
    // Strap given up on 10 s into a set skipped at 30 s, the next set begun while still paused at
    // 31 s, Resume at 150 s: as the session reducer keeps them.
    const pauses: Pause[] = [{ atMs: 10_000, ms: 140_000, deviceLost: true }];
    expect(dropIn({ startedMs: 0, endedMs: 30_000 }, pauses)).toEqual({ ms: 20_000, times: 1 });
    expect(dropIn({ startedMs: 31_000, endedMs: 170_000 }, pauses)).toEqual({ ms: 119_000, times: 1 });
    expect(dropIn({ startedMs: 150_000, endedMs: 170_000 }, pauses)).toBeNull();
  });
});

describe('a drop the voice never said', () => {
  // A superman set whose strap dropped for a second and was back before "Paused: connection lost":
  // the session marks the set's device away all the same, and keeps the pause.
  const set = { startedMs: 0, endedMs: 40_000, deviceAway: true as const };
  const moment: Pause = { atMs: 12_000, ms: 1_100, deviceDropped: true, seenMs: 1_000 };

  it('is no drop to write: the person heard nothing of it', () => {
    expect(dropIn(set, [moment])).toBeNull();
    expect(sessionDrop([moment])).toBeNull();
    expect(setAwayText(set, [moment], 'chest')).toBeNull();
    // Kept before seenMs was: its length is all there is to go by.
    expect(sessionDrop([{ atMs: 12_000, ms: 1_900, deviceDropped: true }])).toBeNull();
  });

  it('leaves a drop that was said, beside it, told as before', () => {
    const said: Pause = { atMs: 20_000, ms: 9_000, deviceDropped: true, seenMs: 9_000 };
    expect(setAwayText(set, [moment, said], 'chest')).toBe('strap out of reach: 9 s not counted');
    expect(sessionDrop([moment, said])).toEqual({ ms: 9_000, times: 1 });
    // Said at 2 s: one seen that long was heard of, however soon it ended after.
    expect(sessionDrop([{ atMs: 0, ms: 2_100, deviceDropped: true, seenMs: 2_000 }])).toEqual({
      ms: 2_100,
      times: 1,
    });
    // A set that went on without its device, nothing paused in it, still says so.
    expect(setAwayText({ ...set, startedMs: 50_000, endedMs: 80_000 }, [moment], 'chest')).toBe(
      'strap out of reach during the set',
    );
  });

  it('is timed as the voice times the news of a drop', () => {
    expect(UNSAID_DROP_MS).toBe(CONNECTION_LOST_SAID_AFTER_MS);
  });
});

describe('which device dropped', () => {
  // A Polar H9 (kept as worn on the chest) beside a watch that counts a lat pulldown, the watch given
  // up on in the set: the session's devices alone cannot say which of the two it was.
  const sources = [
    { kind: 'bluetooth', placement: 'chest' },
    { kind: 'bluetooth', placement: 'wrist' },
  ] as const;
  const set = { startedMs: 0, endedMs: 90_000 };
  const watchLost: DevicePause = { atMs: 10_000, ms: 42_000, deviceLost: true, placement: 'wrist' };

  it('is said from the pause that kept it, whatever the session was recorded from', () => {
    expect(droppedPlacement(sources)).toBeUndefined();
    expect(setAwayText(set, [watchLost], droppedPlacement(sources))).toBe(
      'watch out of reach: 42 s not counted',
    );
    const drop = sessionDrop([watchLost]);
    expect(drop && sessionDropText(drop, droppedPlacement(sources))).toBe('watch out of reach 42 s');
  });

  it('says "device" of drops of two devices, and reads a pause kept before it was as before', () => {
    const strapLost: DevicePause = { atMs: 60_000, ms: 5_000, deviceLost: true, placement: 'chest' };
    expect(setAwayText(set, [watchLost, strapLost], undefined)).toBe(
      'device out of reach twice: 47 s not counted',
    );
    const { placement: _, ...older } = watchLost;
    expect(setAwayText(set, [older], 'chest')).toBe('strap out of reach: 42 s not counted');
    expect(setAwayText(set, [older], undefined)).toBe('device out of reach: 42 s not counted');
  });

  it("is kept with the drop as the session's pause ends, and nowhere else", () => {
    const paused = { pauses: [] as DevicePause[] };
    const ended = { pauses: [{ atMs: 10_000, ms: 42_000, deviceLost: true as const }] };
    expect(withDropPlacement(paused, ended, 'wrist').pauses).toEqual([watchLost]);
    // Where it is not known, the pause is kept as it was.
    expect(withDropPlacement(paused, ended, undefined)).toBe(ended);
    // The person's own pause, or a pause that did not end, is no device's.
    const own = { pauses: [{ atMs: 10_000, ms: 42_000 }] };
    expect(withDropPlacement(paused, own, 'wrist')).toBe(own);
    expect(withDropPlacement(ended, ended, 'chest')).toBe(ended);
  });
});

describe('sessionDrop', () => {
  it("sums the device's pauses of the whole session, in its sets and its rests, none of the person's", () => {
    expect(sessionDrop([...PAUSES, { atMs: 300_000, ms: 20_000 }])).toEqual({ ms: 192_300, times: 3 });
    expect(sessionDrop([{ atMs: 300_000, ms: 20_000 }])).toBeNull();
    expect(sessionDrop(undefined)).toBeNull();
  });
});

describe('sessionPauses', () => {
  it('reads the pauses from the snapshot, or from beside it where the session was kept without one', () => {
    const own = [{ atMs: 300_000, ms: 20_000 }];
    expect(sessionPauses({ snapshot: { pauses: PAUSES } })).toEqual(PAUSES);
    expect(sessionPauses({ snapshot: null, pauses: PAUSES })).toEqual(PAUSES);
    expect(sessionPauses({ snapshot: { pauses: own }, pauses: PAUSES })).toEqual(own);
    expect(sessionPauses({ snapshot: {} })).toBeUndefined();
    expect(sessionPauses({ snapshot: null })).toBeUndefined();
  });
});

describe('droppedPlacement', () => {
  it("is the one Bluetooth device with motion's placement, and none where two could have dropped", () => {
    const h10 = { kind: 'bluetooth', placement: 'chest' } as const;
    const watch = { kind: 'bluetooth', placement: 'wrist' } as const;
    expect(droppedPlacement([h10])).toBe('chest');
    expect(droppedPlacement([watch, { kind: 'bluetooth', placement: null }])).toBe('wrist');
    // The virtual strap it took the place of drops out of nothing.
    expect(droppedPlacement([{ kind: 'virtual', placement: 'chest' }, watch])).toBe('wrist');
    expect(droppedPlacement([h10, watch])).toBeUndefined();
    expect(droppedPlacement([])).toBeUndefined();
  });
});

describe('the words', () => {
  it('say the device as it was worn, how often, and the time not counted', () => {
    expect(setDropText({ ms: 174_300, times: 2 }, 'chest')).toBe(
      'strap out of reach twice: 2 min 54 s not counted',
    );
    expect(setDropText({ ms: 12_400, times: 1 }, 'wrist')).toBe('watch out of reach: 12 s not counted');
    expect(setDropText({ ms: 31_000, times: 3 }, undefined)).toBe(
      'device out of reach 3 times: 31 s not counted',
    );
    // A moment's drop is a drop all the same.
    expect(setDropText({ ms: 300, times: 1 }, 'chest')).toBe('strap out of reach: 1 s not counted');
    expect(sessionDropText({ ms: 192_300, times: 3 }, 'chest')).toBe('strap out of reach 3 min 12 s');
  });
});

describe('setAwayText', () => {
  it('says the time a set stood still for its device, or that it went on without it', () => {
    expect(setAwayText({ ...SET, deviceAway: true, countedAway: 1 }, PAUSES, 'chest')).toBe(
      'strap out of reach twice: 2 min 54 s not counted',
    );
    // A plank begun with the strap given up on in the rest before it, timed by hand.
    const plank = { startedMs: 262_000, endedMs: 300_000, deviceAway: true as const };
    expect(setAwayText(plank, PAUSES, 'chest')).toBe('strap out of reach during the set');
    // Its reps tapped with +1 said beside it already, or no word of the device's going: nothing more.
    expect(setAwayText({ ...plank, countedAway: 2 }, PAUSES, 'wrist', true)).toBeNull();
    expect(setAwayText({ ...plank, countedAway: 2 }, PAUSES, 'wrist')).toBe(
      'watch out of reach during the set',
    );
    expect(setAwayText({ startedMs: 262_000, endedMs: 300_000 }, PAUSES, 'chest')).toBeNull();
  });

  it('says of a device that stayed connected, its motion stopped, that its motion stopped', () => {
    const stopped = { startedMs: 262_000, endedMs: 300_000, deviceAway: true, deviceStopped: true } as const;
    expect(setAwayText(stopped, PAUSES, 'chest')).toBe('strap motion stopped during the set');
    expect(setAwayText({ ...stopped, countedAway: 2 }, PAUSES, 'chest', true)).toBeNull();
    expect(setAwayWords(stopped)).toBe('motion stopped');
    expect(setAwayWords({})).toBe('out of reach');
  });
});

describe('setTakenOverText', () => {
  const watchForStrap = { from: 'chest', placement: 'wrist', how: 'lost' } as const;

  it('says from which rep, breath or second the watch counted a set in the place of a strap given up for lost', () => {
    const superman = {
      exerciseId: 'superman',
      takenOver: { ...watchForStrap, countBefore: 3, heldMsBefore: null },
    } as const;
    expect(setTakenOverText(superman)).toBe('the watch counted from rep 4');
    const batHang = { ...superman, exerciseId: 'bat-hang' } as const;
    expect(setTakenOverText(batHang)).toBe('the watch counted from breath 4');
    const drawingIn = {
      exerciseId: 'drawing-in',
      takenOver: { ...watchForStrap, countBefore: 0, heldMsBefore: 25_800 },
    } as const;
    expect(setTakenOverText(drawingIn)).toBe('the watch timed it from 25 s');
  });

  it('says nothing of a set one device counted whole', () => {
    expect(setTakenOverText({ exerciseId: 'superman' })).toBeNull();
  });
});
