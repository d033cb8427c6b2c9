import { describe, expect, it } from 'vitest';
import {
  fromPlanEntries,
  fromSnapshot,
  shiftSetRecord,
  toPlanEntries,
  toSnapshot,
} from '../../../src/store/codec.ts';
import type { StateSnapshot } from '../../../src/store/records.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { strapSees } from '../../devices-sensed.ts';
import { supermanSet } from '../../set-record.ts';

const state = (): SessionState =>
  (<SessionAction[]>[
    { type: 'start', nowMs: 10_000 },
    { type: 'motion', event: { type: 'form', tMs: 14_000, emittedMs: 14_000, issue: 'over-extension' } },
  ]).reduce(reduceSession, initialSessionState());

describe('the session state as saved', () => {
  it('keeps nothing of the devices out of reach: the page that picks the session up knows its own', () => {
    const away = (<SessionAction[]>[
      strapSees(),
      { type: 'start', nowMs: 10_000 },
      { type: 'motion-reach', away: ['superman'], positionAway: true, nowMs: 12_000 },
    ]).reduce(reduceSession, initialSessionState());
    expect(away.motionAwaySinceMs).toEqual({ superman: 12_000 });
    const saved = toSnapshot(away, 10_000);
    expect(saved).not.toHaveProperty('motionAwaySinceMs');
    expect(saved).not.toHaveProperty('positionAway');
    const back = fromSnapshot(saved, toPlanEntries(away.plan), [], 50_000);
    expect(back.motionAwaySinceMs).toBeUndefined();
    expect(back.positionAway).toBeUndefined();
  });

  it('moves the time of the form warning on screen with the clock, as it does the set', () => {
    const saved = toSnapshot(state(), 10_000);
    expect(saved.set?.formWarning).toEqual({ issue: 'over-extension', atMs: 4000 });
    const back = fromSnapshot(saved, toPlanEntries(state().plan), [], 50_000);
    expect(back.set?.formWarning).toEqual({ issue: 'over-extension', atMs: 54_000 });
    expect(back.set?.startedMs).toBe(50_000);
  });

  it('moves the moment the person left the position with the clock, so the set waits again on time', () => {
    const left = (<SessionAction[]>[
      strapSees(),
      { type: 'start', nowMs: 10_000 },
      {
        type: 'position',
        event: { type: 'position', status: 'in', posture: 'face-down', tMs: 11_000, emittedMs: 12_000 },
      },
      {
        type: 'position',
        event: { type: 'position', status: 'away', posture: 'side', tMs: 13_000, emittedMs: 14_000 },
      },
    ]).reduce(reduceSession, initialSessionState());
    const saved = toSnapshot(left, 10_000);
    expect(saved.set?.leftMs).toBe(4000);
    expect(fromSnapshot(saved, toPlanEntries(left.plan), [], 50_000).set?.leftMs).toBe(54_000);
  });

  it('moves the moment the set\'s "Go" was said with the clock, as it does the set\'s start', () => {
    const begun = (<SessionAction[]>[
      strapSees(),
      { type: 'start', nowMs: 10_000 },
      {
        type: 'position',
        event: { type: 'position', status: 'in', posture: 'face-down', tMs: 11_000, emittedMs: 12_000 },
      },
    ]).reduce(reduceSession, initialSessionState());
    const saved = toSnapshot(begun, 10_000);
    expect(saved.set).toMatchObject({ startedMs: 1000, goSaidMs: 2000 });
    expect(fromSnapshot(saved, toPlanEntries(begun.plan), [], 50_000).set).toMatchObject({
      startedMs: 51_000,
      goSaidMs: 52_000,
    });
  });

  it("moves the moment a set's work began with the clock, in the set under way and in one kept", () => {
    const working = (<SessionAction[]>[
      { type: 'start', nowMs: 10_000 },
      { type: 'go-heard', nowMs: 24_000 },
    ]).reduce(reduceSession, initialSessionState());
    const saved = toSnapshot(working, 10_000);
    expect(saved.set?.workBeganMs).toBe(14_000);
    expect(fromSnapshot(saved, toPlanEntries(working.plan), [], 50_000).set?.workBeganMs).toBe(64_000);
    const record = { ...supermanSet(), startedMs: 20_000, workBeganMs: 34_000, endedMs: 60_000 };
    expect(shiftSetRecord(record, -10_000)).toMatchObject({
      startedMs: 10_000,
      workBeganMs: 24_000,
      endedMs: 50_000,
    });
  });

  it('moves the moment a glute bridge reached the top of its rep with the clock, so "Down" comes on time', () => {
    const atTop = (<SessionAction[]>[
      { type: 'start', nowMs: 10_000 },
      { type: 'motion', event: { type: 'top', tMs: 14_000, emittedMs: 14_400 } },
    ]).reduce(
      reduceSession,
      initialSessionState([
        { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      ]),
    );
    const saved = toSnapshot(atTop, 10_000);
    expect(saved.set?.atTopSinceMs).toBe(4000);
    expect(fromSnapshot(saved, toPlanEntries(atTop.plan), [], 50_000).set?.atTopSinceMs).toBe(54_000);
  });

  it('moves the moment a glute bridge left the top of its rep with the clock, so a set resumed ends as stopped on time', () => {
    const leftTop = (<SessionAction[]>[
      { type: 'start', nowMs: 10_000 },
      { type: 'motion', event: { type: 'top', tMs: 14_000, emittedMs: 14_400 } },
      { type: 'motion', event: { type: 'top-left', tMs: 30_000, emittedMs: 30_200 } },
    ]).reduce(
      reduceSession,
      initialSessionState([
        { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      ]),
    );
    const saved = toSnapshot(leftTop, 10_000);
    expect(saved.set?.leftTopMs).toBe(20_000);
    expect(fromSnapshot(saved, toPlanEntries(leftTop.plan), [], 50_000).set?.leftTopMs).toBe(70_000);
  });

  // Left on the page's clock, a snapshot of a session begun 10 s into the page had the person drawing
  // in 10 s after they did, 6 s after the snapshot itself: read from it, the hold ran on from "Go".
  it('moves the moments of a drawing-in hold held from "Go", its "Hold" and the person settling into it, with the clock', () => {
    const settling = (<SessionAction[]>[
      strapSees(),
      { type: 'start', nowMs: 10_000 },
      { type: 'motion', event: { type: 'hold-start', tMs: 9000, emittedMs: 11_000 } },
      {
        type: 'position',
        event: { type: 'position', status: 'in', posture: 'face-down', tMs: 9500, emittedMs: 11_200 },
      },
      { type: 'go-heard', nowMs: 16_000 },
      { type: 'motion', event: { type: 'hold-end', tMs: 18_000, emittedMs: 18_400, reason: 'left-pose' } },
      { type: 'tick', nowMs: 22_000 },
    ]).reduce(
      reduceSession,
      initialSessionState([
        { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 20 } },
      ]),
    );
    const saved = toSnapshot(settling, 10_000);
    expect(saved.set).toMatchObject({ holdStartMs: 6000, holdConfirmedMs: 1200, settlingInMs: 8000 });
    expect(fromSnapshot(saved, toPlanEntries(settling.plan), [], 50_000).set).toMatchObject({
      holdStartMs: 56_000,
      holdConfirmedMs: 51_200,
      settlingInMs: 58_000,
    });
    const settled = reduceSession(settling, {
      type: 'motion',
      event: { type: 'hold-start', tMs: 21_000, emittedMs: 23_000 },
    });
    expect(toSnapshot(settled, 10_000).set?.settledMs).toBe(11_000);
    expect(
      fromSnapshot(toSnapshot(settled, 10_000), toPlanEntries(settled.plan), [], 50_000).set?.settledMs,
    ).toBe(61_000);
  });

  it('resumes a snapshot saved before the set kept its form warning', () => {
    const { formWarning: _new, ...set } = toSnapshot(state(), 10_000).set!;
    const old: StateSnapshot = { ...toSnapshot(state(), 10_000), set };
    const back = fromSnapshot(old, toPlanEntries(state().plan), [], 50_000);
    expect(back.set).not.toHaveProperty('formWarning');
    expect(back.set?.formIssues).toEqual(['over-extension']);
  });

  it('keeps that a pause was made for a device, so the page that resumes it can say how the device is', () => {
    const forTheDevice = reduceSession(state(), { type: 'pause', nowMs: 12_000, reason: 'lost' });
    const saved = toSnapshot(forTheDevice, 10_000);
    expect(saved.pausedFor).toBe('lost');
    expect(fromSnapshot(saved, toPlanEntries(forTheDevice.plan), [], 50_000)).toMatchObject({
      pausedAtMs: 52_000,
      pausedFor: 'lost',
    });
    const byThePerson = reduceSession(state(), { type: 'pause', nowMs: 12_000 });
    expect(toSnapshot(byThePerson, 10_000)).not.toHaveProperty('pausedFor');
  });

  it('keeps where the device a pause was made for is worn, so the page that resumes it names that device', () => {
    const forTheWatch = reduceSession(state(), {
      type: 'pause',
      nowMs: 12_000,
      reason: 'lost',
      device: 'wrist',
    });
    const saved = toSnapshot(forTheWatch, 10_000);
    expect(saved.pausedForDevice).toBe('wrist');
    expect(fromSnapshot(saved, toPlanEntries(forTheWatch.plan), [], 50_000)).toMatchObject({
      pausedFor: 'lost',
      pausedForDevice: 'wrist',
    });
    // Saved before it was kept: the device is unnamed, as where it was not known.
    const { pausedForDevice: _new, ...old } = saved;
    expect(fromSnapshot(old, toPlanEntries(forTheWatch.plan), [], 50_000)).not.toHaveProperty(
      'pausedForDevice',
    );
  });

  it('keeps the pauses over, moved with the clock, for a session resumed on another page', () => {
    const paused = (<SessionAction[]>[
      { type: 'pause', nowMs: 12_000 },
      { type: 'resume', nowMs: 19_000 },
    ]).reduce(reduceSession, state());
    const saved = toSnapshot(paused, 10_000);
    expect(saved.pauses).toEqual([{ atMs: 2000, ms: 7000 }]);
    const back = fromSnapshot(saved, toPlanEntries(paused.plan), [], 50_000);
    expect(back.pauses).toEqual([{ atMs: 52_000, ms: 7000 }]);
    // A snapshot of a session never paused, or saved before pauses were kept, has none.
    expect(toSnapshot(state(), 10_000)).not.toHaveProperty('pauses');
    expect(fromSnapshot(toSnapshot(state(), 10_000), toPlanEntries(state().plan), [], 0)).not.toHaveProperty(
      'pauses',
    );
  });
});

describe('the plan as saved', () => {
  const plank = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 53, restS: 60 } };

  it("keeps the hold last time a session's first plank goal was set from, for the page that resumes it", () => {
    const entries = toPlanEntries([{ ...plank, firstHoldLastTimeS: 48 }]);
    expect(fromPlanEntries(entries)).toEqual([{ ...plank, firstHoldLastTimeS: 48 }]);
  });

  it('reads a plan saved before it was kept, or a goal not set from one, with none', () => {
    const [entry] = toPlanEntries([plank]);
    expect(entry).not.toHaveProperty('firstHoldLastTimeS');
    expect(fromPlanEntries([{ exerciseId: 'elbow-plank', dosage: plank.dosage }])[0]).not.toHaveProperty(
      'firstHoldLastTimeS',
    );
  });

  it('keeps which exercises the voice explains, so the page that resumes the session still explains them', () => {
    const superman = { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 45 } };
    const plan = [superman, { ...plank, sayHow: true }];
    expect(fromPlanEntries(toPlanEntries(plan))).toEqual(plan);
  });

  it('reads a plan saved before it kept which exercises are explained with none explained', () => {
    const [entry] = toPlanEntries([plank]);
    expect(entry).not.toHaveProperty('sayHow');
    expect(fromPlanEntries([{ exerciseId: 'elbow-plank', dosage: plank.dosage }])[0]).not.toHaveProperty(
      'sayHow',
    );
  });
});
