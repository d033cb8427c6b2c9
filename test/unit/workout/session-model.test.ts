import { interval, map, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { motionAwayFor, waitsForPosition } from '../../../src/workout/counted-by.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import { initialSessionState } from '../../../src/workout/session.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

describe('SessionModel in virtual time', () => {
  it('runs a two-minute hold, its rest and the next set in milliseconds of test time', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ expectObservable }) => {
      const model = new SessionModel(
        () => scheduler.now(),
        [{ exercise: exerciseById('drawing-in'), dosage: { sets: 2, target: 120, restS: 30 } }],
      );
      scheduler.schedule(() => model.start(), 1000);
      scheduler.schedule(() => model.goHeard(), 3000);
      scheduler.schedule(() => model.handleMotion({ type: 'hold-start', tMs: 4000, emittedMs: 4400 }), 4400);
      scheduler.schedule(() => model.pause(), 60_000);
      scheduler.schedule(() => model.resume(), 70_000);
      // The app's clock: a tick every 250 ms, for as long as the test looks.
      interval(250, scheduler)
        .pipe(take(700))
        .subscribe(() => model.tick());
      // Hold from 4 s for 120 s plus a 10 s pause ends at 134 s; 30 s of rest; the next set at 164 s.
      expectObservable(model.phase$.pipe(map((phase) => phase[0])), '^ 170s !').toBe(
        'r 999ms s 132999ms r 29999ms s',
      );
    });
  });
});

describe('SessionModel.restore', () => {
  it('keeps where the devices connected now are worn, and which are out of reach, over the saved session', () => {
    const model = new SessionModel(
      () => 5000,
      [{ exercise: exerciseById('lat-pulldown'), dosage: { sets: 2, target: 12, restS: 60 } }],
    );
    model.senseDevices(true, ['lat-pulldown'], { 'lat-pulldown': 'wrist' });
    model.senseMotionAway(['lat-pulldown'], false);
    const sensed = model.state;
    // A session saved before: its snapshot keeps neither (see toSnapshot).
    const saved = initialSessionState(sensed.plan);
    model.restore({ ...saved, phase: 'set', startedMs: 0, nowMs: 5000 });
    expect(model.state.motionPlacements).toEqual({ 'lat-pulldown': 'wrist' });
    expect(motionAwayFor(model.state, exerciseById('lat-pulldown'))).toBe(true);
    expect(model.state.motionAwaySinceMs).toEqual(sensed.motionAwaySinceMs);
  });

  it('keeps the strap that sees where the person is out of reach: the set picked up does not wait for a position', () => {
    const model = new SessionModel(
      () => 5000,
      [{ exercise: exerciseById('lat-pulldown'), dosage: { sets: 2, target: 12, restS: 60 } }],
    );
    model.senseDevices(true, ['superman', 'lat-pulldown'], { superman: 'chest', 'lat-pulldown': 'wrist' });
    model.senseMotionAway(['superman'], true);
    model.restore({ ...initialSessionState(model.state.plan), phase: 'set', startedMs: 0, nowMs: 5000 });
    expect(model.state.positionAway).toBe(true);
    expect(waitsForPosition(model.state, exerciseById('lat-pulldown'))).toBe(false);
  });
});

describe('SessionModel.pause for a device', () => {
  it('keeps with the drop where the device that dropped was worn, and nothing with the next pause', () => {
    let now = 1000;
    const model = new SessionModel(
      () => now,
      [{ exercise: exerciseById('lat-pulldown'), dosage: { sets: 2, target: 12, restS: 60 } }],
    );
    model.start();
    now = 3000;
    model.goHeard();
    now = 10_000;
    // The watch that counts the lat pulldown given up on; a Polar H9 beside it counts nothing.
    model.pause('lost', 'wrist');
    now = 52_000;
    model.resume();
    now = 60_000;
    model.pause();
    now = 65_000;
    model.resume();
    expect(model.state.pauses).toEqual([
      { atMs: 10_000, ms: 42_000, deviceLost: true, saidAtOnce: true, placement: 'wrist' },
      { atMs: 60_000, ms: 5_000 },
    ]);
  });
});

describe('SessionModel.pause for two devices', () => {
  it('keeps no device with a drop that a second device worn elsewhere joined', () => {
    let now = 1000;
    const model = new SessionModel(
      () => now,
      [{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } }],
    );
    model.start();
    now = 3000;
    model.goHeard();
    now = 10_000;
    // The watch drops out of reach, then the chest strap beside it is given up on: the app can no
    // longer say which of the two the pause is for.
    model.pause('connection', 'wrist');
    now = 20_000;
    model.pause('lost', undefined);
    now = 52_000;
    model.resume();
    expect(model.state.pauses).toEqual([{ atMs: 10_000, ms: 42_000, deviceLost: true }]);
  });
});
