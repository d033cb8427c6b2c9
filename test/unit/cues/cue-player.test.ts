import { BehaviorSubject, filter, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  COUNTDOWN_S,
  type Cue,
  type CueSettings,
  FORM_WARNINGS,
  planCues,
  VIBRATION,
} from '../../../src/cues/cue-planner.ts';
import {
  type CueHosts,
  CuePlayer,
  type CuePlayerSettings,
  cuesOf,
  keepAwakeOf,
} from '../../../src/cues/cue-player.ts';
import { Speech, type SpeechHost } from '../../../src/cues/speech.ts';
import { spokenSentences } from '../../../src/cues/spoken-sentences.ts';
import { Tones } from '../../../src/cues/tones.ts';
import { MAX_QUEUED } from '../../../src/cues/waiting-lines.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { type Exercise, exerciseById, PROGRAM } from '../../../src/workout/program.ts';
import {
  currentPlanned,
  initialSessionState,
  type PlannedExercise,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { devicesCount, EVERY_EXERCISE, strapHeartRateOnly, strapSees } from '../../devices-sensed.ts';
import { FIVE_TO_ONE } from '../../spoken-countdown.ts';
import { StandInUtterance } from '../../utterance.ts';
import { VoiceInTime } from '../../voice-in-time.ts';
import { VoiceOnTheMat } from '../../voice-on-the-mat.ts';

const PLAN: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 30 } },
];
const rep = (tMs: number): SessionAction => ({
  type: 'motion',
  event: { type: 'rep', tMs, emittedMs: tMs, startMs: tMs - 1000, peakDeg: 14 } satisfies MotionEvent,
});

/** The states a session passes through, in order, from the real reducer. */
function states(...actions: SessionAction[]): SessionState[] {
  const out = [initialSessionState(PLAN)];
  for (const action of actions) out.push(reduceSession(out[out.length - 1], action));
  return out;
}

const LOUD: CueSettings = { muted: false, tones: true, vibration: true };
const MUTED: CueSettings = { muted: true, tones: true, vibration: true };
const say = (text: string, interrupt = false): Cue => ({ kind: 'say', text, interrupt });
const sayCount = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: false,
  topic: 'count',
  reply: true,
  ends: ['position', 'how'],
});
/** A number of a countdown: the announcement still being said gives way to it. */
const sayCountdown = (text: string): Cue => ({ kind: 'say', text, interrupt: true, topic: 'time' });
/** The superman's one point, right after the first set's line: no count, tap or "Go" drops it. */
const SUPERMAN_POINT = exerciseById('superman').keyPoint.slice(0, -1);
const sayPoint: Cue = { kind: 'say', text: SUPERMAN_POINT, interrupt: false, topic: 'point', kept: true };
const sayGo: Cue = { kind: 'say', text: 'Go', interrupt: false, topic: 'position' };

/** The timers and performance.now() on a clock the test moves, as the voice's waits read them. */
function onAFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
}

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('cuesOf', () => {
  it('plays the cues of each change of state at the moment it happens', () => {
    const [ready, started, oneRep] = states({ type: 'start', nowMs: 0 }, rep(2000));
    scheduler().run(({ cold, expectObservable }) => {
      const state$ = cold('a 999ms b 1999ms c', { a: ready, b: started, c: oneRep });
      const settings$ = cold('s', { s: LOUD });
      expectObservable(cuesOf(state$, settings$)).toBe('1000ms (akg) 1995ms (bcd)', {
        a: say(
          'Superman, set one of two. Two reps. Lie face down. Stretch your arms out past your head',
          true,
        ),
        k: sayPoint,
        g: sayGo,
        b: { kind: 'tone', tone: 'rep' },
        c: { kind: 'vibrate', patternMs: VIBRATION.rep },
        d: sayCount('one'),
      });
    });
  });

  it('applies a change of settings from the next cue on: muting mid-set keeps only the buzz', () => {
    const [ready, started, oneRep, twoReps] = states({ type: 'start', nowMs: 0 }, rep(2000), rep(4000));
    scheduler().run(({ cold, expectObservable }) => {
      const state$ = cold('a b 1s c 1s d', { a: ready, b: started, c: oneRep, d: twoReps });
      const settings$ = cold('l 1500ms m', { l: LOUD, m: MUTED });
      const cues$ = cuesOf(state$, settings$);
      expectObservable(cues$).toBe('- (akg) 996ms (bcd) 996ms e', {
        a: expect.objectContaining({ kind: 'say', interrupt: true }),
        k: sayPoint,
        g: sayGo,
        b: { kind: 'tone', tone: 'rep' },
        c: { kind: 'vibrate', patternMs: VIBRATION.rep },
        d: sayCount('one'),
        // The last rep ends the set: its buzz; the rep tone, the count and the rest call are muted.
        e: { kind: 'vibrate', patternMs: VIBRATION.rep },
      });
    });
  });

  it('tells a full store once, as the set it filled up in ends, not in the set', () => {
    const [ready, started, oneRep, rest] = states({ type: 'start', nowMs: 0 }, rep(2000), rep(4000));
    expect(rest.phase).toBe('rest');
    const afterRest = reduceSession(rest, { type: 'tick', nowMs: 4250 });
    scheduler().run(({ cold, expectObservable }) => {
      const state$ = cold('a b 1s c 1s d 249ms e', {
        a: ready,
        b: started,
        c: oneRep,
        d: rest,
        e: afterRest,
      });
      const full$ = cold('n 500ms f', { n: false, f: true });
      const lines$ = cuesOf(state$, cold('s', { s: LOUD }), full$).pipe(
        filter((cue) => cue.kind === 'say' && cue.text.startsWith('Storage')),
      );
      expectObservable(lines$).toBe('2003ms x', {
        x: say('Storage is full: this session is kept until you close the app; save it as a file at the end'),
      });
    });
  });

  it('counts a rest down in virtual time, one word per second', () => {
    const all = states({ type: 'start', nowMs: 0 }, rep(1000), rep(2000));
    const rest = all[all.length - 1];
    expect(rest.phase).toBe('rest');
    // Ticks every 250 ms across the 30 s rest: 120 ticks, run in virtual time.
    const ticks: SessionState[] = [];
    let s = rest;
    for (let t = 2250; t < 32_000; t += 250) ticks.push((s = reduceSession(s, { type: 'tick', nowMs: t })));
    scheduler().run(({ cold, expectObservable }) => {
      const values = Object.fromEntries([rest, ...ticks].map((state, i) => [`k${i}`, state]));
      const frames = Object.keys(values).map((key) => `(${key})`);
      // One state every 250 ms of virtual time, written as an explicit marble.
      const marble = frames.join(' 249ms ').replace(/\((k\d+)\)/g, (_m, key) => `${letter(key)}`);
      const letters = Object.fromEntries(Object.keys(values).map((key) => [letter(key), values[key]]));
      const cues$ = cuesOf(cold(marble, letters), cold('s', { s: LOUD }));
      // The time left at 17 s (15 s left), then "five" at 27 s (5 s left): 100 ticks after the rest
      // began at 2 s.
      expectObservable(cues$).toBe('15000ms t 9999ms a 999ms b 999ms c 999ms d 999ms e', {
        t: { kind: 'say', text: 'fifteen seconds left', interrupt: false, topic: 'time' },
        a: sayCountdown('five'),
        b: sayCountdown('four'),
        c: sayCountdown('three'),
        d: sayCountdown('two'),
        e: sayCountdown('one'),
      });
    });
  });
});

/** Marble letters for up to 120+ values, drawn from a range without marble syntax characters. */
function letter(key: string): string {
  return String.fromCharCode(0x100 + Number(key.slice(1)));
}

describe('keepAwakeOf', () => {
  it('keeps the screen on from the first set to the summary, through the rests', () => {
    const [ready, started, oneRep, rest] = states({ type: 'start', nowMs: 0 }, rep(1000), rep(2000));
    const nextSet = reduceSession(rest, { type: 'skip', nowMs: 3000 });
    const summary = reduceSession(nextSet, { type: 'finish', nowMs: 4000 });
    const again = reduceSession(summary, { type: 'reset' });
    scheduler().run(({ cold, expectObservable }) => {
      const state$ = cold('abcdefg', {
        a: ready,
        b: started,
        c: oneRep,
        d: rest,
        e: nextSet,
        f: summary,
        g: again,
      });
      expectObservable(keepAwakeOf(state$)).toBe('ft---f-', { f: false, t: true });
    });
  });
});

describe('tones where the browser has no Web Audio', () => {
  it('plays nothing and never throws, from the tap on Start to the end of the session', () => {
    // Node has no AudioContext at all, as some WebViews do not.
    expect(typeof (globalThis as { AudioContext?: unknown }).AudioContext).toBe('undefined');
    const tones = new Tones({});
    expect(tones.available).toBe(false);
    tones.unlock();
    expect(tones.play('rep')).toBe(0);
    tones.close();
  });
});

/** The app's speech queue by itself, speaking through `voice`. */
function speechThrough(voice: Pick<VoiceOnTheMat, 'speechSynthesis'>): Speech {
  return new Speech({
    speechSynthesis: voice.speechSynthesis,
    SpeechSynthesisUtterance: StandInUtterance,
  } as unknown as SpeechHost);
}

/** The cue player of a session of `plan` on the real reducer, speaking through `voice`. */
function voiced(voice: Pick<VoiceOnTheMat, 'speechSynthesis'>, plan: readonly PlannedExercise[]) {
  const state$ = new BehaviorSubject(initialSessionState(plan));
  const settings: CuePlayerSettings = { ...LOUD, tones: false, voiceUri: null, speechRate: 1 };
  const player = CuePlayer.forBrowser(state$, of(settings), {
    window: { speechSynthesis: voice.speechSynthesis, SpeechSynthesisUtterance: StandInUtterance },
    navigator: {},
    document: { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} },
  } as unknown as CueHosts);
  player.start();
  const act = (action: SessionAction) => state$.next(reduceSession(state$.value, action));
  return { player, act, state: () => state$.value };
}

/** The cue player of a session with no rest between sets, speaking through `voice`. */
function playedThrough(voice: VoiceOnTheMat) {
  const { player, act, state } = voiced(voice, [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 0 } },
  ]);
  // Three reps counted: the set ends at its target and the next begins at once, with no rest between.
  act({ type: 'start', nowMs: 0 });
  for (const tMs of [2000, 4000, 6000]) act(rep(tMs));
  expect(state().set).toMatchObject({ setNumber: 2, count: 0 });
  // Everything but the next set's start has been said, the first set's one point after its counts,
  // which no count drops; the voice is still on that start.
  voice.sayUpTo(SUPERMAN_POINT);
  return { player, act, state };
}

const CORRECTED = 'Superman, set one: four reps';

describe('a count put right from the set after it, with no rest between', () => {
  it('is heard though the new set counts its first rep before the voice is free', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = playedThrough(voice);
    act({ type: 'adjust-last', delta: 1, nowMs: 7000 });
    act(rep(8000));
    voice.sayAll();
    expect(voice.heard.slice(-3)).toEqual(['Superman, set two of two. Three reps. Go', CORRECTED, 'one']);
    player.dispose();
  });

  it('is heard as it begins though the new set counts a rep at that moment, and so is the count', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = playedThrough(voice);
    voice.sayAll();
    // The voice is free: the correction is being said when the rep comes, in the same instant.
    act({ type: 'adjust-last', delta: 1, nowMs: 7000 });
    act(rep(7000));
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([CORRECTED, 'one']);
    player.dispose();
  });

  it('does not take the place of a count of the set under way still waiting to be said', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = playedThrough(voice);
    const uncounted = state();
    act(rep(8000));
    // The session takes no correction once the new set has counted; its line is handed to the voice
    // as the planner says it, as if it had: a count waiting must not be dropped for news of another set.
    const corrected = reduceSession(uncounted, { type: 'adjust-last', delta: 1, nowMs: 8500 });
    for (const cue of planCues(uncounted, corrected, LOUD)) {
      if (cue.kind === 'say') {
        player.outputs.speech.say(cue.text, cue);
      }
    }
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual(['one', CORRECTED]);
    player.dispose();
  });

  it('put right twice before the voice is free, is said once, as it stands now', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = playedThrough(voice);
    act({ type: 'adjust-last', delta: 1, nowMs: 7000 });
    act({ type: 'adjust-last', delta: 1, nowMs: 7300 });
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([
      'Superman, set two of two. Three reps. Go',
      'Superman, set one: five reps',
    ]);
    player.dispose();
  });
});

/** Superman, two sets of three with a short rest, as a first session might have it. */
const SHORT_REST: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 5 } },
];
/** The first set's line; its one point and "Go" follow it, and a first count ends "Go". */
const SET_ONE = 'Superman, set one of two. Three reps. Lie face down. Stretch your arms out past your head';
const REST = 'Rest, five seconds. Next: Superman, set two of two';

describe('the answer to a tap', () => {
  it("put right in the rest, is said as soon as the line being said ends, before the rest's announcement", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    // The set's instructions are long: the three reps come while they are said, and the rest begins.
    for (const tMs of [2000, 3000, 4000]) act(rep(tMs));
    act({ type: 'adjust', delta: 1, nowMs: 4500 });
    voice.sayAll();
    // "three", still waiting, is old news once the set is put right to four. The one point is not,
    // with two sets to come: no count drops it.
    expect(voice.heard).toEqual([SET_ONE, 'Four reps', SUPERMAN_POINT, REST]);
    player.dispose();
  });

  it('"Set skipped" cuts off the instructions of the set it skips, and the next set is announced after it', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    act({ type: 'skip', nowMs: 2500 });
    voice.sayAll();
    // The instructions were cut off as they were said: never heard to their end. Its one point is
    // heard, before the superman's next set, which follows at once: a set skipped before its "Go",
    // nothing seeing the person, never ran, and leaves nothing to rest from.
    expect(voice.heard).toEqual(['Set skipped', SUPERMAN_POINT, 'Superman, set two of two. Three reps. Go']);
    player.dispose();
  });

  it('is not dropped by the next tap: "Four reps", then "Paused"', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    for (const tMs of [2000, 3000, 4000]) act(rep(tMs));
    voice.sayUpTo('three');
    // The rest's announcement is being said when the person taps +1, then Pause.
    act({ type: 'adjust', delta: 1, nowMs: 4500 });
    act({ type: 'pause', nowMs: 4800 });
    voice.sayAll();
    expect(voice.heard).toEqual([SET_ONE, 'three', 'Four reps', 'Paused']);
    player.dispose();
  });

  it('a rep counted while the long line of a resume is said is heard, though a form warning follows', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    act(rep(2000));
    act({ type: 'pause', nowMs: 2500 });
    voice.sayAll();
    act({ type: 'resume', nowMs: 6000 });
    act(rep(7000));
    act({ type: 'motion', event: { type: 'form', tMs: 7200, emittedMs: 7200, issue: 'over-extension' } });
    voice.sayAll();
    // "Go on: …" is cut off by the warning; the count is not, nor the one point the pause cut off.
    expect(voice.heard.slice(-3)).toEqual(['two', FORM_WARNINGS['over-extension'], SUPERMAN_POINT]);
    player.dispose();
  });
});

/**
 * A person whose devices count nothing (a heart-rate-only strap) taps +1 after every rep: news of the
 * devices said while they tap must be heard to its end, not cut off by the next tap's count.
 */
describe('news of the devices said while the person taps +1', () => {
  const lift = (nowMs: number): SessionAction => ({ type: 'adjust', delta: 1, nowMs });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('"Heart rate out of reach: keep going" is heard to its end, then the count as it stands', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 30 } },
    ]);
    act(strapHeartRateOnly());
    act({ type: 'start', nowMs: 0 });
    // The tap still cuts off the set's opening line: its count must not wait the seconds it takes.
    // Its one point is said after the count, once no tap has come for as long as it takes to say.
    act(lift(1000));
    voice.sayAll();
    vi.advanceTimersByTime(3000);
    voice.sayAll();
    expect(voice.heard).toEqual(['one', SUPERMAN_POINT]);
    act({ type: 'heart-rate-reach', away: true, nowMs: 2000 });
    for (let t = 2250; t <= 4000; t += 250) act({ type: 'tick', nowMs: t });
    // Being said when the next two reps are tapped.
    act(lift(4500));
    act(lift(5000));
    voice.sayAll();
    expect(voice.heard).toEqual(['one', SUPERMAN_POINT, 'Heart rate out of reach: keep going', 'three']);
    player.dispose();
  });

  it('"The watch is out of reach. Count with plus one …" is heard to its end, then the count', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('lat-pulldown'), dosage: { sets: 1, target: 12, restS: 60 } },
    ]);
    act(
      devicesCount(EVERY_EXERCISE, {
        ...Object.fromEntries(PROGRAM.map((e) => [e.id, 'chest'])),
        'lat-pulldown': 'wrist',
      }),
    );
    act({ type: 'start', nowMs: 0 });
    act({ type: 'go-heard', nowMs: 0 });
    act(rep(3000));
    voice.sayAll();
    act({ type: 'motion-reach', away: ['lat-pulldown'], nowMs: 4000 });
    for (let t = 4250; t <= 6000; t += 250) act({ type: 'tick', nowMs: t });
    act(lift(7000));
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([
      'The watch is out of reach. Count with plus one until the watch is back',
      'two',
    ]);
    player.dispose();
  });
});

/**
 * A person who counts by hand taps +1 as they lift, while the first set's line is still said; or is
 * told of their form: the set's line and "Go" are moot, its one point is not. Cut off with them, the
 * superman went without "Do not over-arch your lower back".
 */
describe("a first set's one point, heard whatever the person does as the set begins", () => {
  const KNOWN: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
  ];
  const SET_LINE = 'Superman, set one of two. Ten reps. Lie face down. Stretch your arms out past your head';
  const lift = (nowMs: number): SessionAction => ({ type: 'adjust', delta: 1, nowMs });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('after the count of a +1 tapped while the set is named', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, KNOWN);
    act(strapHeartRateOnly());
    act({ type: 'start', nowMs: 0 });
    act(lift(1000));
    voice.sayAll();
    vi.advanceTimersByTime(3000);
    voice.sayAll();
    expect(voice.heard).toEqual(['one', SUPERMAN_POINT]);
    player.dispose();
  });

  // The count waited for the point's end, some 2.5 s of silence after the tap.
  it('again from its start, after the count, where a +1 is tapped while it is said: the count is said at once', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, KNOWN);
    act(strapHeartRateOnly());
    act({ type: 'start', nowMs: 0 });
    voice.sayUpTo(SET_LINE);
    expect(voice.saying()).toBe(SUPERMAN_POINT);
    act(lift(6000));
    expect(voice.cut).toEqual([SUPERMAN_POINT]);
    expect(voice.saying()).toBe('one');
    voice.sayAll();
    vi.advanceTimersByTime(3000);
    voice.sayAll();
    expect(voice.heard).toEqual([SET_LINE, 'one', SUPERMAN_POINT]);
    player.dispose();
  });

  it('to its end where a rep the devices count comes while it is said, then the count', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, KNOWN);
    act({ type: 'start', nowMs: 0 });
    act({ type: 'go-heard', nowMs: 0 });
    voice.sayUpTo(SET_LINE);
    act(rep(6000));
    voice.sayAll();
    expect(voice.cut).toEqual([]);
    expect(voice.heard.slice(0, 3)).toEqual([SET_LINE, SUPERMAN_POINT, 'one']);
    player.dispose();
  });

  it('after a form warning for a person who lifted as the set was named', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, KNOWN);
    act({ type: 'start', nowMs: 0 });
    act(rep(1500));
    act({ type: 'motion', event: { type: 'form', tMs: 1600, emittedMs: 1600, issue: 'over-extension' } });
    voice.sayAll();
    expect(voice.heard).toEqual(['one', FORM_WARNINGS['over-extension'], SUPERMAN_POINT]);
    player.dispose();
  });

  it('not of an exercise whose last set is skipped as it is named: what comes next follows the answer', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 30 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
    ]);
    act({ type: 'start', nowMs: 0 });
    act(rep(1500));
    act({ type: 'skip', nowMs: 2000 });
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    expect(voice.heard[0]).toBe('one');
    expect(voice.heard[1]).toBe('Set cut short: one rep done');
    expect(voice.heard[2]).toMatch(/^Rest, thirty seconds\. Next: Glute bridge/);
    player.dispose();
  });

  it("not of an exercise skipped before it began: the next exercise's comes with its set", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 30 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
    ]);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act({ type: 'skip', nowMs: 1000 });
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    expect(voice.heard.slice(0, 3)).toEqual([
      'Set skipped',
      'Glute bridge, one set. Fifteen reps',
      exerciseById('glute-bridge').keyPoint.slice(0, -1),
    ]);
    player.dispose();
  });
});

/**
 * A person counting with +1 faster than the one point can be said ("Do not over-arch your lower back",
 * some 2.5 s): each count came with its tap, over the point, and the point began again after it, heard
 * as its first words over and over.
 */
describe("a first set's one point, while the person taps +1 faster than it is said", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The set under way at once (nothing sees the position), the voice, at rate 1, half a second into its point. */
  function intoThePoint(voice: VoiceInTime) {
    onAFakeClock();
    const session = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
    ]);
    session.act(strapHeartRateOnly());
    session.act({ type: 'start', nowMs: 0 });
    while (!voice.begun.includes(SUPERMAN_POINT)) vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(500);
    return session;
  }
  const tap = (nowMs: number): SessionAction => ({ type: 'adjust', delta: 1, nowMs });

  it('says each count with its tap and the point once the taps stop, whole, not begun again between them', () => {
    const voice = new VoiceInTime(70);
    const { player, act } = intoThePoint(voice);
    const tapsMs: number[] = [];
    for (let i = 0; i < 4; i++) {
      tapsMs.push(performance.now());
      act(tap(performance.now()));
      vi.advanceTimersByTime(800);
    }
    vi.advanceTimersByTime(10_000);
    const counts = voice.lines.filter((line) => ['one', 'two', 'three', 'four'].includes(line.text));
    expect(counts.map((line) => line.atMs)).toEqual(tapsMs);
    const points = voice.lines.filter((line) => line.text === SUPERMAN_POINT);
    // Begun as the set was named, cut off by the first tap; then once, after the last, heard whole.
    expect(points.map((line) => line.cut)).toEqual([true, false]);
    expect(points[1].atMs).toBeGreaterThan(tapsMs[3]);
    // Heard whole, it is not said again at the next tap.
    act(tap(performance.now()));
    vi.advanceTimersByTime(10_000);
    expect(voice.begun.filter((line) => line === SUPERMAN_POINT)).toHaveLength(2);
    player.dispose();
  });

  it('says a point at once where the last taps came a minute apart and long before', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    const speech = speechThrough(voice);
    const tapped = { interrupt: true, topic: 'count', reply: true, tap: true } as const;
    speech.say('one', tapped);
    voice.sayAll();
    vi.advanceTimersByTime(60_000);
    speech.say('two', tapped);
    voice.sayAll();
    vi.advanceTimersByTime(65_000);
    speech.say(SUPERMAN_POINT, { topic: 'point', kept: true });
    expect(voice.saying()).toBe(SUPERMAN_POINT);
    speech.cancel();
  });
});

/**
 * A pause tapped as a first set is named cut its one point off, or dropped it still waiting, and the
 * set went on after Resume without it: the superman's "Do not over-arch your lower back" never said.
 */
describe("a first set's one point, cut off by a pause", () => {
  const PLAN_OF_TWO: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
    { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
  ];
  const SET_LINE = 'Superman, set one of two. Ten reps';
  const GO_ON = 'Go on: Superman, set one of two. Ten reps. Lie face down to start';
  const inPosition = (tMs: number): SessionAction => ({
    type: 'position',
    event: { type: 'position', status: 'in', posture: 'face-down', tMs, emittedMs: tMs },
  });

  function begun(voice: VoiceOnTheMat) {
    const session = voiced(voice, PLAN_OF_TWO);
    session.act(strapSees());
    session.act({ type: 'start', nowMs: 0 });
    return session;
  }

  it('is said once after the line the set goes on with, where it still waited', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = begun(voice);
    expect(voice.saying()).toBe(SET_LINE);
    act({ type: 'pause', nowMs: 1500 });
    voice.sayAll();
    expect(voice.heard).toEqual(['Paused']);
    act({ type: 'resume', nowMs: 5000 });
    voice.sayAll();
    act(inPosition(12_000));
    voice.sayAll();
    expect(voice.heard).toEqual(['Paused', GO_ON, SUPERMAN_POINT, 'In position. Go.']);
    player.dispose();
  });

  it('is said whole after the set goes on, where it was cut off as it was said', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = begun(voice);
    voice.sayUpTo(SET_LINE);
    expect(voice.saying()).toBe(SUPERMAN_POINT);
    act({ type: 'pause', nowMs: 2600 });
    expect(voice.cut).toEqual([SUPERMAN_POINT]);
    voice.sayAll();
    act({ type: 'resume', nowMs: 6000 });
    voice.sayAll();
    expect(voice.heard).toEqual([SET_LINE, 'Paused', GO_ON, SUPERMAN_POINT]);
    // Once: a second pause and resume says it no more.
    act({ type: 'pause', nowMs: 20_000 });
    act({ type: 'resume', nowMs: 21_000 });
    voice.sayAll();
    expect(voice.heard.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    player.dispose();
  });

  it('is not said where the session is finished from the pause', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = begun(voice);
    act({ type: 'pause', nowMs: 1500 });
    act({ type: 'finish', nowMs: 4000 });
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    player.dispose();
  });

  it('is not said of an exercise skipped in the pause: the next one is named with its own', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = begun(voice);
    act({ type: 'pause', nowMs: 1500 });
    act({ type: 'skip', nowMs: 3000 });
    act({ type: 'skip', nowMs: 3500 });
    expect(state().set?.setNumber).toBe(1);
    act({ type: 'resume', nowMs: 5000 });
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    player.dispose();
  });

  it('is said once where Resume begins the set the person got into position for in the pause', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = begun(voice);
    voice.sayUpTo(SUPERMAN_POINT);
    act({ type: 'pause', nowMs: 3000 });
    act(inPosition(4000));
    act({ type: 'resume', nowMs: 6000 });
    expect(state().set).toMatchObject({ setNumber: 1, waiting: false, startedMs: 6000 });
    voice.sayAll();
    expect(voice.heard.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    expect(voice.heard.at(-1)).toBe('Go on: Superman, set one of two. Ten reps');
    player.dispose();
  });

  // Skipped to in a pause, the bridge went on with its set's line alone: "Go on: Glute bridge, one set.
  // Fifteen reps. Lie on your back to start", where reached by the rest it has "Heels down, squeeze your
  // glutes" with it.
  it("is the next exercise's own, said after its set's line, where its first set is skipped to in the pause", () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = begun(voice);
    act({ type: 'pause', nowMs: 1500 });
    act({ type: 'skip', nowMs: 3000 });
    act({ type: 'skip', nowMs: 3500 });
    expect(currentPlanned(state())?.exercise.id).toBe('glute-bridge');
    act({ type: 'resume', nowMs: 5000 });
    voice.sayAll();
    const bridge = exerciseById('glute-bridge');
    // Then where to lie, a sentence at a time, as the set says it where no rest said it before.
    expect(voice.heard.join(' ')).toBe(
      `Go on: Glute bridge, one set. Fifteen reps ${bridge.keyPoint.slice(0, -1)} ${bridge.position} Keep still there to start`,
    );
    player.dispose();
  });
});

describe('a rest skipped in a pause, the person in position for the next exercise at Resume', () => {
  const bridge = exerciseById('glute-bridge');
  const FIRST_SESSION: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 45 } },
    { exercise: bridge, dosage: { sets: 1, target: 15, restS: 45 }, sayHow: true },
  ];
  const inPosition = (posture: 'face-down' | 'face-up', tMs: number): SessionAction => ({
    type: 'position',
    event: { type: 'position', status: 'in', posture, tMs, emittedMs: tMs },
  });

  // Paused 2 s into the rest, its line cut off at "Rest, forty-five seconds", Skip tapped and the
  // person on their back by Resume: the bridge went on with "Go on: Glute bridge, one set. Fifteen
  // reps" alone, neither its point nor how it is done said.
  it('goes on with its one point and how it is done, then "Go"', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = voiced(voice, FIRST_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act(inPosition('face-down', 1000));
    act({ type: 'go-heard', nowMs: 1000 });
    act(rep(3000));
    voice.sayUntilSaying('Rest, forty-five seconds');
    expect(state().phase).toBe('rest');
    act({ type: 'pause', nowMs: 5000 });
    act({ type: 'skip', nowMs: 7000 });
    act(inPosition('face-up', 9000));
    voice.sayAll();
    act({ type: 'resume', nowMs: 12_000 });
    expect(state().set).toMatchObject({ waiting: false, startedMs: 12_000 });
    voice.sayAll();
    const after = voice.heard.slice(voice.heard.indexOf('Paused') + 1);
    expect(after.join(' ')).toBe(
      `Go on: Glute bridge, one set. Fifteen reps ${bridge.keyPoint.slice(0, -1)} ${bridge.position} ${bridge.spokenHow.slice(0, -1)} Go`,
    );
    player.dispose();
  });

  // Paused 27 s into the rest, its line heard whole, Skip tapped: the bridge went on with its point,
  // where to lie and its movement, 18 s said a second time half a minute after the first.
  // "Go" a line of its own, where what the rest's countdown cut off of how the bridge is done, had a
  // slower voice not finished it, comes before it.
  it.each([
    ['in position at Resume', true, ['Go on: Glute bridge, one set. Fifteen reps', 'Go']],
    [
      'not yet in position',
      false,
      ['Go on: Glute bridge, one set. Fifteen reps', 'Lie on your back to start'],
    ],
  ])('says none of what its rest said whole before the pause again, %s', (_, inPlace, expected) => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, FIRST_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act(inPosition('face-down', 1000));
    act({ type: 'go-heard', nowMs: 1000 });
    act(rep(3000));
    voice.sayAll();
    expect(voice.heard.join(' ')).toContain(bridge.spokenHow.slice(0, -1));
    act({ type: 'tick', nowMs: 30_000 });
    act({ type: 'pause', nowMs: 30_000 });
    act({ type: 'skip', nowMs: 31_000 });
    if (inPlace) act(inPosition('face-up', 32_000));
    voice.sayAll();
    act({ type: 'resume', nowMs: 34_000 });
    voice.sayAll();
    expect(voice.heard.slice(voice.heard.indexOf('Paused') + 1)).toEqual(expected);
    player.dispose();
  });

  // Paused 9 s into the rest, as its line "Rest, forty-five seconds. Next: Glute bridge, one set. Heels
  // down, squeeze your glutes" had been said and where to lie was begun: the set said "Heels down,
  // squeeze your glutes" a second time, the pause having cut the rest's how-to, not its point.
  it("says the point once where the pause cut the rest's how-to after it, not the line with the point", () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = voiced(voice, FIRST_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act(inPosition('face-down', 1000));
    act({ type: 'go-heard', nowMs: 1000 });
    act(rep(3000));
    voice.sayUntilSaying(bridge.position.split('. ')[0]);
    act({ type: 'tick', nowMs: 12_000 });
    act({ type: 'pause', nowMs: 12_000 });
    voice.sayAll();
    act({ type: 'resume', nowMs: 15_000 });
    voice.sayAll();
    for (let t = 15_250; state().phase === 'rest' && t < 60_000; t += 250) {
      act({ type: 'tick', nowMs: t });
      voice.sayAll();
    }
    expect(state().set?.setNumber).toBe(1);
    act(inPosition('face-up', state().nowMs + 1000));
    voice.sayAll();
    expect(voice.heard.filter((line) => line.includes(bridge.keyPoint.slice(0, -1)))).toHaveLength(1);
    player.dispose();
  });
});

/**
 * Two reps counted ahead of a first set's one point, still waiting behind them, then the set or the
 * session ended: the point was said after "Set cut short: two reps done", of a movement no longer done.
 */
describe("a first set's one point, still waiting as the set ends", () => {
  const PLAN_OF_TWO: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
    { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
  ];

  /** The set named, two reps counted as it is, the point waiting behind the counts. */
  function twoRepsAhead(voice: VoiceOnTheMat, plan = PLAN_OF_TWO) {
    const session = voiced(voice, plan);
    session.act({ type: 'start', nowMs: 0 });
    session.act({ type: 'go-heard', nowMs: 0 });
    session.act(rep(1500));
    session.act(rep(3000));
    expect(session.state().set?.count).toBe(2);
    return session;
  }

  it('is dropped where Finish, asked and answered, ends the session', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = twoRepsAhead(voice);
    act({ type: 'pause', nowMs: 3500, toAsk: true });
    act({ type: 'finish', nowMs: 5000 });
    expect(state().phase).toBe('summary');
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    expect(voice.heard.slice(-2)).toEqual([
      'Set cut short: two reps done',
      expect.stringMatching(/^Session ended: .*Well done$/),
    ]);
    player.dispose();
  });

  it('is dropped where the session ends with no question asked', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = twoRepsAhead(voice);
    act({ type: 'finish', nowMs: 5000 });
    expect(state().phase).toBe('summary');
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    player.dispose();
  });

  // Its next set is no first set, and names no point: the point is heard in the rest before it.
  it('is said after the line the set ends with where the exercise has a set to come', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = twoRepsAhead(voice);
    act({ type: 'skip', nowMs: 5000 });
    expect(state().phase).toBe('rest');
    voice.sayAll();
    expect(voice.heard.slice(-3)).toEqual([
      'Set cut short: two reps done',
      SUPERMAN_POINT,
      'Rest, thirty seconds. Next: Superman, set two of two',
    ]);
    player.dispose();
  });

  it('is dropped where the last set of the exercise ends at its target, the session going on to the next', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = twoRepsAhead(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 3, restS: 30 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 30 } },
    ]);
    act(rep(4500));
    expect(state().phase).toBe('rest');
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    player.dispose();
  });

  it('is dropped where Skip set goes on to the next exercise, whose own point is said', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = twoRepsAhead(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 0 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 0 } },
    ]);
    act({ type: 'skip', nowMs: 5000 });
    expect(state().plan[state().exerciseIndex].exercise.id).toBe('glute-bridge');
    voice.sayAll();
    expect(voice.heard).not.toContain(SUPERMAN_POINT);
    expect(voice.heard).toContain(exerciseById('glute-bridge').keyPoint.slice(0, -1));
    player.dispose();
  });
});

/** Superman, two sets of one with a rest of thirty seconds: time for a pause in it. */
const LONG_REST: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 2, target: 1, restS: 30 } },
];

describe("a rest's time left, said as the rest goes on", () => {
  /** The set of one rep done at 1 s, the rest said, and the voice quiet: the rest ends at 31 s. */
  function inTheRest(voice: VoiceOnTheMat) {
    const session = voiced(voice, LONG_REST);
    session.act({ type: 'start', nowMs: 0 });
    session.act(rep(1000));
    voice.sayAll();
    return session;
  }

  it("is said at once after Finish's question, taken back while it is asked: the question is answered", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = inTheRest(voice);
    act({ type: 'tick', nowMs: 25_000 });
    act({ type: 'pause', nowMs: 25_000, toAsk: true });
    act({ type: 'resume', nowMs: 25_300 });
    // Behind the question it would be heard a second or two late, with four seconds left.
    expect(voice.endLine()).toBe('Rest goes on: six seconds left');
    voice.sayAll();
    expect(voice.heard).not.toContain('Paused. End the session?');
    player.dispose();
  });

  it('is said at once after "Paused", resumed while it is said', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = inTheRest(voice);
    act({ type: 'tick', nowMs: 25_000 });
    act({ type: 'pause', nowMs: 25_000 });
    act({ type: 'resume', nowMs: 25_300 });
    expect(voice.endLine()).toBe('Rest goes on: six seconds left');
    player.dispose();
  });
});

/**
 * A voice slower than the planner reckons (SPOKEN_MS_PER_CHAR), as voices differ: the rest's line, made
 * to end a beat before its countdown, runs into it.
 */
describe("a rest's countdown after a line that runs long", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A one-rep superman set, then its 30 s rest before the first set of `next` (`target` reps) to a
   * person new to it, told by a voice of `msPerChar`, run out a tick at a time.
   */
  function restBefore(next: Exercise, target: number, msPerChar: number, during?: During) {
    onAFakeClock();
    const voice = new VoiceInTime(msPerChar);
    const { player, act, state } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 30 } },
      { exercise: next, dosage: { sets: 1, target, restS: 45 }, sayHow: true },
    ]);
    act({ type: 'start', nowMs: 0 });
    act({ type: 'go-heard', nowMs: 0 });
    vi.advanceTimersByTime(12_000);
    act(rep(12_000));
    expect(state().phase).toBe('rest');
    for (let nowMs = 12_250; state().phase === 'rest'; nowMs += 250) {
      vi.advanceTimersByTime(250);
      act({ type: 'tick', nowMs });
      if (nowMs === during?.atMs) nowMs = during.then(act, nowMs);
    }
    return { voice, player };
  }

  /** What the person does `atMs` into the session (12 s before the rest's), to `then`'s session time. */
  interface During {
    readonly atMs: number;
    readonly then: (act: (action: SessionAction) => void, nowMs: number) => number;
  }

  /** A pause of 3 s, then Resume. */
  const pausedThreeSeconds: During['then'] = (act, nowMs) => {
    act({ type: 'pause', nowMs });
    vi.advanceTimersByTime(3000);
    act({ type: 'resume', nowMs: nowMs + 3000 });
    return nowMs + 3000;
  };

  /**
   * The rest before a new person's first bird dog (20 reps), told by a voice of `msPerChar`, with
   * `then` done `intoTheRestMs` into the rest, and 40 s more: past the set's "Go".
   */
  function birdDogAfterARest(
    intoTheRestMs: number,
    { msPerChar = 95, then = pausedThreeSeconds }: { msPerChar?: number; then?: During['then'] } = {},
  ) {
    const { voice, player } = restBefore(exerciseById('bird-dog'), 20, msPerChar, {
      atMs: 12_000 + intoTheRestMs,
      then,
    });
    vi.advanceTimersByTime(40_000);
    return { voice, player };
  }

  it('is said whole from "five", the line giving way to it', () => {
    // Some ten characters a second: a real voice can be this slow at rate 1.
    const { voice, player } = restBefore(exerciseById('bird-dog'), 20, 95);
    const five = voice.lines.findIndex((line) => line.text === 'five');
    expect(voice.lines.slice(five, five + 5).map((line) => line.text)).toEqual(FIVE_TO_ONE);
    // "Five" comes as its second begins, 25 s into the rest: the line is cut off then, not the count.
    expect(voice.lines[five].atMs).toBe(12_000 + 25_000);
    expect(voice.lines[five - 1].cut).toBe(true);
    player.dispose();
  });

  it("keeps the next exercise's one point in what is heard of the line, where the countdown cuts off how it is done", () => {
    const bridge = exerciseById('glute-bridge');
    // Some ten characters a second, the countdown cutting off the movement's last sentence.
    const { voice, player } = restBefore(bridge, 15, 103);
    vi.advanceTimersByTime(20_000);
    const rest = voice.lines.find((line) => line.text.startsWith('Rest, thirty seconds'));
    expect(rest?.text).toContain(bridge.keyPoint.slice(0, -1));
    expect(rest?.cut).toBe(false);
    // The end of the movement the countdown cut off, said before "Go".
    const heard = voice.lines.filter((line) => !line.cut).map((line) => line.text);
    expect(heard.slice(heard.lastIndexOf('one') + 1)).toEqual([
      'Glute bridge, one set. Fifteen reps',
      'Then lower',
      'Go',
    ]);
    player.dispose();
  });

  // At some ten characters a second, "five" cut the rest before a new person's first bird dog off at
  // "Reach one arm forward", and the set said neither the opposite leg nor "Pause, lower slowly, switch
  // sides": the movement was never heard whole.
  it("leaves how the next exercise is done heard whole once before its first rep, what the countdown cut off said after the set's line", () => {
    const birdDog = exerciseById('bird-dog');
    const { voice, player } = restBefore(birdDog, 20, 95);
    vi.advanceTimersByTime(40_000);
    const rest = voice.lines.findIndex((line) => line.text.startsWith('Rest, thirty seconds'));
    const said = voice.lines.slice(rest);
    expect(said.some((line) => line.cut)).toBe(true);
    expect(said.filter((line) => FIVE_TO_ONE.includes(line.text)).map((line) => line.text)).toEqual(
      FIVE_TO_ONE,
    );
    const how = `${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`;
    const sentences = how.split(/(?<=[.;!?])\s+/);
    const whole = said.filter((line) => !line.cut).map((line) => line.text);
    // Each sentence heard to its end once, in order, before "Go".
    expect(whole.filter((text) => sentences.includes(text))).toEqual(sentences);
    expect(whole.indexOf(sentences.at(-1) ?? '')).toBeLessThan(whole.indexOf('Go'));
    expect(new Set(whole).size).toBe(whole.length);
    player.dispose();
  });

  // At some ten characters a second, "five" cut the bird dog's "Pause, lower slowly, switch sides"
  // off at "Pause, lower slowl"; a pause at "four", or a +1 tapped then, dropped what it cut, and the
  // set went from its line to its one point and "Go" with the movement never heard whole.
  it.each([
    ['a pause', pausedThreeSeconds],
    [
      'a count put right',
      (act: (action: SessionAction) => void, nowMs: number) => {
        act({ type: 'adjust', delta: 1, nowMs });
        return nowMs;
      },
    ],
  ])("keeps what the countdown cut off through %s in it, said after the set's line", (_, then) => {
    const birdDog = exerciseById('bird-dog');
    const { voice, player } = birdDogAfterARest(26_500, { then });
    const said = voice.lines.slice(voice.lines.findIndex((line) => line.text.startsWith('Rest, thirty')));
    expect(said.find((line) => line.cut)).toMatchObject({ text: 'Pause, lower slowly, switch sides' });
    const sentences = spokenSentences(`${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`);
    const whole = said.filter((line) => !line.cut).map((line) => line.text);
    expect(whole.filter((text) => sentences.includes(text))).toEqual(sentences);
    const set = whole.findIndex((line) => line.startsWith('Bird dog, one set'));
    expect(whole.indexOf('Pause, lower slowly, switch sides')).toBeGreaterThan(set);
    expect(whole.indexOf('Pause, lower slowly, switch sides')).toBeLessThan(whole.indexOf('Go'));
    player.dispose();
  });

  // At nine or ten characters a second, "five" cut the bird dog's "Pause, lower slowly, switch sides"
  // off (or "Paused" did, 24 s into the rest); Skip set tapped in a pause at "four" (or then) went on
  // with "Go on: Bird dog, one set. Ten each side", its one point and "Go", the sentence never said.
  it.each([
    [90, 26_500],
    [95, 26_500],
    [95, 24_000],
  ])(
    'says what was cut off at %i ms a character, paused %i ms into the rest and skipped on, after the line it goes on with',
    (msPerChar, atMs) => {
      const birdDog = exerciseById('bird-dog');
      const then = (act: (action: SessionAction) => void, nowMs: number) => {
        act({ type: 'pause', nowMs });
        vi.advanceTimersByTime(1000);
        act({ type: 'skip', nowMs: nowMs + 1000 });
        vi.advanceTimersByTime(2000);
        act({ type: 'resume', nowMs: nowMs + 3000 });
        return nowMs + 3000;
      };
      const { voice, player } = birdDogAfterARest(atMs, { msPerChar, then });
      const said = voice.lines.slice(voice.lines.findIndex((line) => line.text.startsWith('Rest, thirty')));
      const cut = said.find((line) => line.cut);
      expect(cut?.text).toBe('Pause, lower slowly, switch sides');
      const sentences = spokenSentences(`${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`);
      const whole = said.filter((line) => !line.cut).map((line) => line.text);
      // Each sentence heard to its end once, in order, the one cut off after the line Resume goes on
      // with, and before "Go".
      expect(whole.filter((text) => sentences.includes(text))).toEqual(sentences);
      const goesOn = whole.findIndex((text) => text.startsWith('Go on: Bird dog, one set'));
      expect(whole.indexOf(cut?.text ?? '')).toBeGreaterThan(goesOn);
      expect(whole.indexOf(cut?.text ?? '')).toBeLessThan(whole.indexOf('Go'));
      expect(whole.at(-1)).toBe('Go');
      player.dispose();
    },
  );

  // At some ten characters a second, paused 24.75 s into the rest as "Pause, lower slowly, switch
  // sides" was said, for 3 s: the rest went on with "Rest goes on: six seconds left", too little for
  // a countdown, and the set's line cut that sentence off again as it was said a second time.
  it("says what the set's line cut off, where the rest ran out before a countdown, after that line", () => {
    const { voice, player } = birdDogAfterARest(24_750);
    const said = voice.lines.slice(voice.lines.findIndex((line) => line.text === 'Paused'));
    const whole = said.filter((line) => !line.cut).map((line) => line.text);
    expect(whole).not.toContain('five');
    const set = whole.findIndex((line) => line.startsWith('Bird dog, one set'));
    expect(whole.slice(set + 1, set + 2)).toEqual(['Pause, lower slowly, switch sides']);
    expect(whole.at(-1)).toBe('Go');
    player.dispose();
  });

  // At some ten characters a second, what a pause cut off was begun after the time left though too
  // little of the rest was left for it: the countdown or the set's line cut it off again, and it was
  // said whole after the set's line, "Pause, lower slowly, swit" heard before "Bird dog, one set" and
  // "Pause, lower slowly, switch sides" after it.
  it.each([22_500, 23_500, 24_000, 24_750])(
    "begins nothing a pause %i ms into the rest cut off where it would be cut off again, and says it after the set's line",
    (atMs) => {
      const birdDog = exerciseById('bird-dog');
      const { voice, player } = birdDogAfterARest(atMs);
      const sentences = spokenSentences(`${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`);
      const paused = voice.lines.findIndex((line) => line.text === 'Paused');
      const cutByPause = voice.lines[paused - 1];
      expect(cutByPause.cut && sentences.includes(cutByPause.text)).toBe(true);
      const said = voice.lines.slice(paused);
      expect(said.filter((line) => line.cut && sentences.includes(line.text))).toEqual([]);
      const whole = said.filter((line) => !line.cut).map((line) => line.text);
      const set = whole.findIndex((line) => line.startsWith('Bird dog, one set'));
      expect(whole.slice(set).filter((text) => text === cutByPause.text)).toEqual([cutByPause.text]);
      expect(whole.at(-1)).toBe('Go');
      player.dispose();
    },
  );
  // Paused 20 to 22.5 s into the rest, the planner, reckoning 80 ms a character, took how the bird dog
  // is done as cut off, and the set said it again from "Reach one arm forward": three or four
  // sentences heard whole before the pause heard twice, at 40 and 80 ms a character as at 95.
  it.each(
    [40, 80, 95].flatMap((msPerChar) => [20_000, 21_000, 22_000, 22_500].map((atMs) => [msPerChar, atMs])),
  )(
    'says at %i ms a character, paused %i ms into the rest, each sentence of where to lie and how once, whole, before "Go"',
    (msPerChar, atMs) => {
      const birdDog = exerciseById('bird-dog');
      const { voice, player } = birdDogAfterARest(atMs, { msPerChar });
      const said = voice.lines.slice(voice.lines.findIndex((line) => line.text.startsWith('Rest, thirty')));
      const sentences = spokenSentences(`${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`);
      const whole = said.filter((line) => !line.cut).map((line) => line.text);
      expect(whole.filter((text) => sentences.includes(text))).toEqual(sentences);
      expect(whole.indexOf(sentences.at(-1) ?? '')).toBeLessThan(whole.indexOf('Go'));
      expect(whole.at(-1)).toBe('Go');
      player.dispose();
    },
  );
  // At some ten characters a second, the line the rest went on with after a pause 22 to 24.5 s into
  // it, made to end before its countdown at 80 ms a character, ran into it: "three" cut "Rest goes
  // on: six seconds left" off 0.15 s before its end, "five" and "four" the eight and seven seconds.
  it.each([22_000, 23_000, 24_250, 24_500])(
    'says the time left whole after a pause %i ms into the rest, then the countdown to "one"',
    (atMs) => {
      const { voice, player } = birdDogAfterARest(atMs);
      const said = voice.lines.slice(voice.lines.findIndex((line) => line.text === 'Paused') + 1);
      expect(said[0]).toMatchObject({
        text: expect.stringMatching(/^Rest goes on: [a-z]+ seconds left$/),
        cut: false,
      });
      const numbers = said.filter((line) => FIVE_TO_ONE.includes(line.text));
      expect(numbers.filter((line) => line.cut)).toEqual([]);
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      expect(numbers.map((line) => line.text)).toEqual(FIVE_TO_ONE.slice(-numbers.length));
      // Late by what the line ran over, not more: the ring still shows the number said. The rest ends
      // 45 s into the session (12 s of set, 30 s of rest, 3 s paused).
      const first = numbers[0];
      const dueMs = 45_000 - (COUNTDOWN_S - FIVE_TO_ONE.indexOf(first.text)) * 1000;
      expect(first.atMs - dueMs).toBeLessThan(1000);
      player.dispose();
    },
  );

  // At some ten characters a second, paused 1.25 s into the rest, it went on with where to lie and the
  // first of how the bird dog is done, all the rest had room for, and the whole line the pause cut off
  // waited behind it: "Hands under shoulders" was said again after "And the opposite leg back", and
  // "five" cut it off.
  it('says each sentence of where to lie and how once, where the rest goes on with fewer of them than the pause cut off', () => {
    const birdDog = exerciseById('bird-dog');
    const { voice, player } = birdDogAfterARest(1250);
    const sentences = spokenSentences(`${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`);
    const said = voice.lines.slice(voice.lines.findIndex((line) => line.text === 'Paused'));
    const resumed = said.find((line) => line.text.startsWith('Rest goes on'));
    expect(resumed?.text).not.toContain(sentences[0]);
    expect(said.filter((line) => sentences.includes(line.text)).map((line) => line.text)).toEqual(sentences);
    expect(said.filter((line) => line.cut)).toEqual([]);
    const whole = said.map((line) => line.text);
    expect(whole.indexOf(sentences.at(-1) ?? '')).toBeLessThan(whole.indexOf('Go'));
    player.dispose();
  });

  // At some thirteen characters a second, the superman's one point was still said as its set ended; a
  // pause 1.25 s into the rest cut it off, and it was said after Resume in the bird dog's rest, where
  // "five" cut it off again.
  it('says no line of the exercise done after a pause in the rest before another, which cut one off', () => {
    const { voice, player } = birdDogAfterARest(1250, { msPerChar: 130 });
    const paused = voice.lines.findIndex((line) => line.text === 'Paused');
    expect(voice.lines.slice(0, paused).find((line) => line.text === SUPERMAN_POINT)?.cut).toBe(true);
    const said = voice.lines.slice(paused).map((line) => line.text);
    expect(said).toContain('Bird dog, one set. Ten each side');
    expect(said).not.toContain(SUPERMAN_POINT);
    player.dispose();
  });

  // A pause in the rest between two sets of the same exercise keeps its one point, cut off as the
  // set before ended, for the set to come: the exercise is not done.
  it('says the one point a pause cut off in the rest before another set of the same exercise after Resume', () => {
    onAFakeClock();
    const voice = new VoiceInTime(130);
    const { player, act, state } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 1, restS: 30 } },
    ]);
    act({ type: 'start', nowMs: 0 });
    act({ type: 'go-heard', nowMs: 0 });
    vi.advanceTimersByTime(12_000);
    act(rep(12_000));
    expect(state().phase).toBe('rest');
    vi.advanceTimersByTime(1250);
    act({ type: 'pause', nowMs: 13_250 });
    vi.advanceTimersByTime(3000);
    act({ type: 'resume', nowMs: 16_250 });
    vi.advanceTimersByTime(15_000);
    const paused = voice.lines.findIndex((line) => line.text === 'Paused');
    expect(voice.lines.slice(0, paused).find((line) => line.text === SUPERMAN_POINT)?.cut).toBe(true);
    expect(voice.lines.slice(paused).find((line) => line.text === SUPERMAN_POINT)?.cut).toBe(false);
    player.dispose();
  });

  // At nine characters a second, paused 5.25 s into the rest before the elbow plank, it went on with
  // where to lie and how from the first, and "five" cut off "Keep your back straight, eyes down",
  // said again after the set's line; at some eight a second, paused 1.25 s into the bird dog's, it
  // cut off "Brace your core, back flat".
  it.each([
    ['elbow-plank', 90, 5250],
    ['bird-dog', 130, 1250],
  ] as const)(
    'begins no sentence of where to lie and how of the %s at %i ms a character, paused %i ms into the rest, that the countdown cuts off',
    (id, msPerChar, intoTheRestMs) => {
      const exercise = exerciseById(id);
      const then = pausedThreeSeconds;
      const { voice, player } = restBefore(exercise, 20, msPerChar, { atMs: 12_000 + intoTheRestMs, then });
      vi.advanceTimersByTime(40_000);
      const said = voice.lines.slice(voice.lines.findIndex((line) => line.text === 'Paused'));
      expect(said.filter((line) => line.cut)).toEqual([]);
      const sentences = spokenSentences(`${exercise.position} ${exercise.spokenHow.slice(0, -1)}`);
      const begun = said.map((line) => line.text);
      expect(begun.filter((text) => sentences.includes(text))).toEqual(sentences);
      player.dispose();
    },
  );
});

/**
 * A pause in the rest before a new person's first glute bridge, said by a voice of some ten characters
 * a second: Resume went on with "Rest goes on: thirty-six seconds left" alone, 31 s of silence followed
 * to "five", and what the pause cut off was said after "Glute bridge, one set. Fifteen reps", holding
 * "Go" up some 20 s.
 */
describe("a rest's line cut off by a pause, said as the rest goes on", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const bridge = exerciseById('glute-bridge');
  const HOW = spokenSentences(`${bridge.position} ${bridge.spokenHow.slice(0, -1)}`);
  const POINT = bridge.keyPoint.slice(0, -1);

  /**
   * The rest after a one-rep superman set at 12 s, paused `pausedMs` into it for 10 s, run to the set's
   * "Go", told by a voice of `msPerChar`.
   */
  function pausedInTheRest(pausedMs: number, msPerChar = 95) {
    onAFakeClock();
    const voice = new VoiceInTime(msPerChar);
    const { player, act, state } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 45 } },
      { exercise: bridge, dosage: { sets: 1, target: 15, restS: 45 }, sayHow: true },
    ]);
    act({ type: 'start', nowMs: 0 });
    act({ type: 'go-heard', nowMs: 0 });
    vi.advanceTimersByTime(12_000);
    act(rep(12_000));
    let nowMs = 12_000;
    const tick = () => {
      nowMs += 250;
      vi.advanceTimersByTime(250);
      act({ type: 'tick', nowMs });
    };
    while (nowMs < 12_000 + pausedMs) tick();
    act({ type: 'pause', nowMs });
    vi.advanceTimersByTime(10_000);
    nowMs += 10_000;
    act({ type: 'resume', nowMs });
    const resumedMs = nowMs;
    while (state().phase === 'rest') tick();
    vi.advanceTimersByTime(40_000);
    const paused = voice.lines.findIndex((line) => line.text === 'Paused');
    const said = voice.lines.slice(paused + 1);
    const whole = said.filter((line) => !line.cut).map((line) => line.text);
    const wholeBefore = voice.lines.slice(0, paused).filter((line) => !line.cut);
    return { player, said, whole, wholeBefore: wholeBefore.map((line) => line.text), resumedMs };
  }

  it.each([
    ['how the bridge is done', 9500, ''],
    ['the line with its one point', 3000, `. Next: Glute bridge, one set. ${POINT}`],
  ])("says what it cut off of %s before the countdown, the set's opening short", (_, pausedMs, opening) => {
    const { player, said, whole, resumedMs } = pausedInTheRest(pausedMs);
    expect(said[0]).toMatchObject({ atMs: resumedMs, cut: false });
    expect(said[0].text).toMatch(new RegExp(`^Rest goes on: [a-z-]+ seconds left${opening}$`));
    // Where to lie and how, each sentence heard to its end once, in the rest, then the time left; the
    // countdown whole.
    const five = whole.indexOf('five');
    expect(whole.slice(1, five)).toEqual([...HOW, 'fifteen seconds left']);
    expect(whole.slice(five)).toEqual([...FIVE_TO_ONE, 'Glute bridge, one set. Fifteen reps', 'Go']);
    expect(said.filter((line) => line.cut)).toEqual([]);
    player.dispose();
  });

  // Paused 14 s into the rest, it went on with where to lie and how from "Lie on your back, knees
  // bent", what the voice had said whole before the pause heard again: all seven sentences, 8 s, at
  // 40 ms a character; three, 7 s, at 80 ms; two, 5.5 s, at 95 ms. The time left, due with 15 s of the
  // rest left, is said after them where they are over by then, and left out where a slower voice
  // (100 ms a character) still says them.
  it.each([
    [40, ['fifteen seconds left']],
    [80, ['fifteen seconds left']],
    [95, ['fifteen seconds left']],
    [100, []],
  ])(
    'says where to lie and how from the sentence the pause cut, at %i ms a character',
    (msPerChar, timeLeft) => {
      const { player, whole, wholeBefore } = pausedInTheRest(14_000, msPerChar);
      const heardBefore = wholeBefore.filter((text) => HOW.includes(text));
      expect(heardBefore).toEqual(HOW.slice(0, heardBefore.length));
      const five = whole.indexOf('five');
      expect(whole.slice(1, five)).toEqual([...HOW.slice(heardBefore.length), ...timeLeft]);
      expect(whole.slice(five)).toEqual([...FIVE_TO_ONE, 'Glute bridge, one set. Fifteen reps', 'Go']);
      player.dispose();
    },
  );

  // Paused 24 s into the rest, as a voice of some ten characters a second began "Then lower", which
  // the planner reckons over by then: the rest went on with the time left alone, and the set with
  // "Go", the movement's end never heard.
  it('says what a slower voice had not finished as the pause came, after the time left', () => {
    const { player, whole, wholeBefore } = pausedInTheRest(24_000);
    expect(wholeBefore.filter((text) => HOW.includes(text))).toEqual(HOW.slice(0, -1));
    expect(whole[0]).toMatch(/^Rest goes on: [a-z-]+ seconds left$/);
    expect(whole.slice(1)).toEqual([
      'Then lower',
      'fifteen seconds left',
      ...FIVE_TO_ONE,
      'Glute bridge, one set. Fifteen reps',
      'Go',
    ]);
    player.dispose();
  });
});

/**
 * The voice by itself, given the rest's line of where to lie and how, a pause that cuts it off in its
 * second sentence, and the line the rest goes on with, with room for what was cut or without.
 */
describe('what a pause cut off of where to lie and how, with the room the rest goes on with', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const HOW = ['Hands under shoulders.', 'Knees under hips.', 'Eyes just ahead of your hands'];
  const GOES_ON = 'Rest goes on: twenty seconds left';
  const SETS_LINE = 'Bird dog, one set. Ten each side';

  /**
   * Said at 100 ms a character: the pause 2.8 s in, in "Knees under hips", Resume 3 s later with
   * `roomMs` to "five", and the set's line a second after it. What the voice began, in order.
   */
  function goneOnWith(roomMs: number): VoiceInTime {
    onAFakeClock();
    const voice = new VoiceInTime(100);
    const speech = speechThrough(voice);
    speech.say(HOW.join(' '), { bySentence: true, role: { kind: 'rest-how' } });
    vi.advanceTimersByTime(2800);
    speech.say('Paused', { interrupt: true, topic: 'pause', reply: true, ends: ['point', 'how'] });
    vi.advanceTimersByTime(3000);
    speech.say(GOES_ON, { interrupt: true, ends: ['pause'], role: { kind: 'rest-goes-on', roomMs } });
    vi.advanceTimersByTime(roomMs);
    speech.say('five', { interrupt: true, topic: 'time' });
    vi.advanceTimersByTime(1000);
    speech.say(SETS_LINE, { interrupt: true, role: { kind: 'set-after-rest-how' } });
    vi.advanceTimersByTime(10_000);
    expect(voice.lines.find((line) => line.cut)?.text).toBe(HOW[1]);
    return voice;
  }

  it('says it right after the line the rest goes on with, where it ends before the countdown', () => {
    const voice = goneOnWith(10_000);
    expect(voice.begun.slice(2)).toEqual(['Paused', GOES_ON, ...HOW.slice(1), 'five', SETS_LINE]);
    expect(voice.lines.slice(2).filter((line) => line.cut)).toEqual([]);
  });

  // Begun with too little of the rest left, the countdown would cut it off again, and it would be
  // said whole after the set's line, its opening heard twice.
  it("leaves it to follow the set's line, where its first sentence would not end before the countdown", () => {
    const voice = goneOnWith(4000);
    expect(voice.begun.slice(2)).toEqual(['Paused', GOES_ON, 'five', SETS_LINE, ...HOW.slice(1)]);
    expect(voice.lines.slice(2).filter((line) => line.cut)).toEqual([]);
  });
});

describe('a rep counted while "Go." still waits to be said', () => {
  it('is said, and "Go." is not: the person is already going; the one point is, after it', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = voiced(voice, SHORT_REST);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    expect(state().set?.waiting).toBe(true);
    // Begun by hand while the set's instructions are said, and the first rep comes before they end.
    act({ type: 'begin', nowMs: 1000 });
    act(rep(3000));
    expect(state().set?.count).toBe(1);
    voice.sayAll();
    expect(voice.heard.slice(1)).toEqual(['one', SUPERMAN_POINT]);
    player.dispose();
  });
});

describe('how Superman is done, said to a person new to it with its first set', () => {
  const superman = exerciseById('superman');
  const FIRST_SESSION: PlannedExercise[] = [
    { exercise: superman, dosage: { sets: 3, target: 10, restS: 45 }, sayHow: true },
  ];
  const [lift, stayUp] = superman.spokenHow.split(/(?<=\.)\s+/);
  const inPosition = (tMs: number): SessionAction => ({
    type: 'position',
    event: { type: 'position', status: 'in', posture: 'face-down', tMs, emittedMs: tMs },
  });

  /** The first set begun for a strap that sees the position, the voice on the sentence of how to lift. */
  function saidUpToTheLift(voice: VoiceOnTheMat) {
    const session = voiced(voice, FIRST_SESSION);
    session.act(strapSees());
    session.act({ type: 'start', nowMs: 0 });
    voice.sayUntilSaying('Lift arms');
    return session;
  }

  // A real strap's wearer, not the virtual one, went as they lay down: in position 8.5 s into the
  // 13.4 s line, their first rep 1.5 s later, and "one" came 3.4 s after it, at the line's end.
  it('ends at the sentence under way for a person who sets off before "Go", and their count is said then', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = saidUpToTheLift(voice);
    act(inPosition(8490));
    act(rep(9990));
    expect(state().set?.count).toBe(1);
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([lift, 'one']);
    // Its one point came before the movement: at its end, as it was, the first count dropped it.
    expect(voice.heard[1]).toBe(SUPERMAN_POINT);
    // What is left of how it is done, and "Go", are moot: the person is doing it.
    expect(voice.heard.join(' ')).not.toContain(stayUp.slice(0, -1));
    expect(voice.heard).not.toContain('In position. Go.');
    player.dispose();
  });

  // With a Bangle.js the person lay still at once and lifted during the movement's line; the wrist's
  // counter, learning the movement from the first lifts, told of two of them together after "Go".
  it('counts the lifts a wrist tells of late from after the person lay still, not before, and says the count as it stands', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = saidUpToTheLift(voice);
    act(inPosition(300));
    voice.sayUpTo('In position. Go.');
    act({ type: 'go-heard', nowMs: 14_000 });
    const toldAt15s = (tMs: number): SessionAction => ({
      type: 'motion',
      event: { type: 'rep', tMs, emittedMs: 15_710, startMs: tMs - 2000, peakDeg: 14 },
    });
    // One from before the set began, two made while the movement was said, all told at once.
    for (const tMs of [200, 8500, 12_500]) act(toldAt15s(tMs));
    expect(state().set?.count).toBe(2);
    voice.sayAll();
    // The lift after "Go", told two seconds on.
    act(rep(16_500));
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual(['two', 'three']);
    expect(voice.heard).not.toContain('one');
    player.dispose();
  });

  it('is said to its end for a person in position and still, then "In position. Go."', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = saidUpToTheLift(voice);
    act(inPosition(8490));
    voice.sayAll();
    expect(voice.heard.join(' ')).toContain(stayUp.slice(0, -1));
    expect(voice.heard.at(-1)).toBe('In position. Go.');
    player.dispose();
  });

  // A pause in the set's opening seconds kept its one point, said after Resume, and lost the
  // movement: "Go on: Superman, set one of three. Ten reps. Lie face down to start", the point, "Go".
  const HOW = `${superman.position} ${superman.spokenHow}`;
  const GO_ON = 'Go on: Superman, set one of three. Ten reps. Lie face down to start';

  it('is said whole after Resume where a pause came before it began, after the one point', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, FIRST_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    voice.sayUntilSaying(SUPERMAN_POINT);
    act({ type: 'pause', nowMs: 2500 });
    voice.sayAll();
    act({ type: 'resume', nowMs: 8000 });
    voice.sayAll();
    const after = voice.heard.slice(voice.heard.indexOf(GO_ON) + 1);
    expect(after[0]).toBe(SUPERMAN_POINT);
    expect(after.slice(1).join(' ')).toBe(HOW.slice(0, -1));
    player.dispose();
  });

  it('is said whole again after Resume where a pause cut it off, and ends at a count as before', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = saidUpToTheLift(voice);
    act({ type: 'pause', nowMs: 8000 });
    expect(voice.cut).toEqual([lift]);
    voice.sayAll();
    act({ type: 'resume', nowMs: 12_000 });
    voice.sayAll();
    const after = voice.heard.slice(voice.heard.indexOf(GO_ON) + 1);
    expect(after.join(' ')).toBe(HOW.slice(0, -1));
    // Once: a pause after it was heard whole says it no more.
    act({ type: 'pause', nowMs: 30_000 });
    act({ type: 'resume', nowMs: 31_000 });
    voice.sayAll();
    expect(voice.heard.filter((line) => line === lift)).toHaveLength(1);
    player.dispose();
  });

  it('is left for a count where the person sets off as the set goes on, as it is without a pause', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = saidUpToTheLift(voice);
    act({ type: 'pause', nowMs: 8000 });
    act({ type: 'resume', nowMs: 12_000 });
    act(inPosition(12_200));
    act(rep(13_000));
    voice.sayAll();
    expect(voice.heard.filter((line) => line === lift)).toHaveLength(0);
    expect(voice.heard.at(-1)).toBe('one');
    player.dispose();
  });

  // The strap dropped as the movement was said: "Paused: connection lost" cut it off, and the set went
  // on with "Go on. Lie face down to start" and "In position. Go.", the movement never said whole.
  it('is said whole again after the strap is back, where the pause the app made for its drop cut it off', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = saidUpToTheLift(voice);
    act({ type: 'pause', nowMs: 8000, reason: 'connection' });
    act({ type: 'tick', nowMs: 10_250 });
    expect(voice.cut).toEqual([lift]);
    voice.sayAll();
    expect(voice.heard.at(-1)).toBe('Paused: connection lost');
    act({ type: 'resume', nowMs: 14_000 });
    voice.sayAll();
    const after = voice.heard.slice(voice.heard.indexOf('Paused: connection lost') + 1);
    expect(after[0]).toBe('Go on. Lie face down to start');
    expect(after.slice(1).join(' ')).toBe(HOW.slice(0, -1));
    act(inPosition(15_000));
    voice.sayAll();
    expect(voice.heard.at(-1)).toBe('In position. Go.');
    expect(voice.heard.filter((line) => line === lift)).toHaveLength(1);
    player.dispose();
  });

  it('is said whole after Resume, where the strap was given up for lost and the person goes on without it', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = saidUpToTheLift(voice);
    act({ type: 'pause', nowMs: 8000, reason: 'connection' });
    act({ type: 'tick', nowMs: 10_250 });
    act({ type: 'pause', nowMs: 70_000, reason: 'lost' });
    voice.sayAll();
    expect(voice.heard.at(-1)).toMatch(/^The device is out of reach\./);
    act({ type: 'resume', nowMs: 75_000 });
    voice.sayAll();
    const resumed = voice.heard.findIndex((line) => line.startsWith('Go on: Superman'));
    expect(resumed).toBeGreaterThan(0);
    expect(voice.heard.slice(resumed + 1).join(' ')).toContain(HOW.slice(0, -1));
    expect(voice.heard.filter((line) => line === lift)).toHaveLength(1);
    player.dispose();
  });
});

describe("a first set's one point, cut off by a pause the app made for the strap's drop", () => {
  const PLAN_OF_TWO: PlannedExercise[] = [
    { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
  ];

  it('is said once after the line the set goes on with, the strap back', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, PLAN_OF_TWO);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    voice.sayUpTo('Superman, set one of two. Ten reps');
    expect(voice.saying()).toBe(SUPERMAN_POINT);
    act({ type: 'pause', nowMs: 2600, reason: 'connection' });
    act({ type: 'tick', nowMs: 4750 });
    expect(voice.cut).toEqual([SUPERMAN_POINT]);
    voice.sayAll();
    act({ type: 'resume', nowMs: 9000 });
    voice.sayAll();
    expect(voice.heard.slice(-3)).toEqual([
      'Paused: connection lost',
      'Go on. Lie face down to start',
      SUPERMAN_POINT,
    ]);
    player.dispose();
  });
});

describe("Superman's one point, to a person who knows the exercise and waits in position", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const superman = exerciseById('superman');
  const FOURTH_SESSION: PlannedExercise[] = [
    { exercise: superman, dosage: { sets: 3, target: 10, restS: 45 } },
  ];
  const [lieFaceDown] = superman.position.split(/(?<=\.)\s+/);
  const inPosition = (tMs: number): SessionAction => ({
    type: 'position',
    event: { type: 'position', status: 'in', posture: 'face-down', tMs, emittedMs: tMs },
  });

  // In the built app the point came after where to be, and "In position. Go." waited for all of it:
  // seen in position as "Lie face down" was said, the person heard "Go" 3.4 to 4.2 s later.
  it('is said before where to be, so that "In position. Go." follows the sentence of it under way', () => {
    vi.useFakeTimers();
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, FOURTH_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    voice.sayUntilSaying(lieFaceDown);
    // Seen in position a moment into the sentence, not as it begins (see AT_ONCE_MS).
    vi.advanceTimersByTime(500);
    act(inPosition(4000));
    voice.sayAll();
    expect(voice.heard.slice(1)).toEqual([SUPERMAN_POINT, lieFaceDown, 'In position. Go.']);
    player.dispose();
  });

  it('is heard by a person who starts the set by hand and lifts before it is said', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = voiced(voice, FOURTH_SESSION);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act({ type: 'begin', nowMs: 1000 });
    act(rep(2500));
    expect(state().set?.count).toBe(1);
    voice.sayAll();
    // Where to be, and "Go", are moot: the person is doing it. The point is not: it follows their
    // count, which answers what they did and goes first.
    expect(voice.heard.slice(1)).toEqual(['one', SUPERMAN_POINT]);
    player.dispose();
  });
});

describe('how the lat pulldown is done, said with its first set where nothing sees the position', () => {
  const latPulldown = exerciseById('lat-pulldown');
  const FIRST_SESSION: PlannedExercise[] = [
    { exercise: latPulldown, dosage: { sets: 3, target: 12, restS: 60 }, sayHow: true },
  ];
  const [pull, chest] = latPulldown.spokenHow.split(/(?<=\.)\s+/);

  /** The first set, begun at once (a watch sees no position), the voice on the sentence of the pull. */
  function saidUpToThePull(voice: VoiceOnTheMat) {
    const session = voiced(voice, FIRST_SESSION);
    session.act({ type: 'start', nowMs: 0 });
    voice.sayUntilSaying('pull the bar');
    return session;
  }

  // With a Bangle.js the person pulled during the 19 s line: the screen said two reps, the voice went
  // on with the line, then "two", 3.6 s late; "Go" and "one" were never said.
  it('ends at the sentence under way for a person who pulls before "Go", and their count is said then', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, state } = saidUpToThePull(voice);
    act(rep(12_000));
    expect(state().set?.count).toBe(1);
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([pull, 'one']);
    // What is left of how it is done, and "Go", are moot: the person is doing it.
    expect(voice.heard.join(' ')).not.toContain(chest.slice(0, -1));
    expect(voice.heard).not.toContain('Go');
    player.dispose();
  });

  it('is said to its end for a person who waits, then "Go"', () => {
    const voice = new VoiceOnTheMat();
    const { player } = saidUpToThePull(voice);
    voice.sayAll();
    expect(voice.heard.join(' ')).toContain(chest.slice(0, -1));
    expect(voice.heard.at(-1)).toBe('Go');
    player.dispose();
  });
});

describe('a form warning', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is said after the count being said, and before the next count', () => {
    vi.useFakeTimers();
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    voice.sayAll();
    expect(voice.heard).toEqual([SET_ONE, SUPERMAN_POINT, 'Go']);
    act(rep(2000));
    // Heard as the next moments pass, not in the same instant (two counts at once say the latest).
    vi.advanceTimersByTime(200);
    act({ type: 'motion', event: { type: 'form', tMs: 2200, emittedMs: 2200, issue: 'over-extension' } });
    vi.advanceTimersByTime(800);
    act(rep(3000));
    voice.sayAll();
    expect(voice.heard.slice(3)).toEqual(['one', FORM_WARNINGS['over-extension'], 'two']);
    player.dispose();
  });
});

describe('a queue longer than the voice keeps', () => {
  // A new person's first set of the bridge, straight after the superman's last count with no rest: its
  // line, its one point, how it is done and "Go" wait behind "one".
  it("keeps every line of a set's beginning, the set's own first, behind a count being said", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 0 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 2, restS: 0 }, sayHow: true },
    ]);
    act({ type: 'start', nowMs: 0 });
    voice.sayAll();
    act(rep(4000));
    voice.sayAll();
    const afterCount = voice.heard.slice(voice.heard.indexOf('one') + 1);
    expect(afterCount[0]).toMatch(/^Glute bridge, one set\. Two reps/);
    expect(afterCount[1]).toBe(exerciseById('glute-bridge').keyPoint.slice(0, -1));
    player.dispose();
  });

  it('drops the oldest announcement, not the answer to a tap, which takes none of their room', () => {
    const voice = new VoiceOnTheMat();
    const speech = speechThrough(voice);
    speech.say(SET_ONE, { interrupt: true });
    speech.say('Set skipped', { reply: true });
    for (let i = 1; i <= MAX_QUEUED + 1; i++) speech.say(`announcement ${i}`);
    voice.sayAll();
    expect(voice.heard).toEqual([
      SET_ONE,
      'Set skipped',
      ...Array.from({ length: MAX_QUEUED }, (_, i) => `announcement ${i + 2}`),
    ]);
  });

  // Two devices' news said ahead of the three lines after a new person's first set's own: its one point,
  // the oldest of them, was dropped, and the superman went without "Do not over-arch your lower back".
  it("keeps a first set's one point behind news of the devices", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 }, sayHow: true },
    ]);
    act(strapSees());
    act({ type: 'start', nowMs: 0 });
    act({ type: 'heart-rate-reach', away: true, nowMs: 0 });
    for (let t = 250; t <= 2000; t += 250) act({ type: 'tick', nowMs: t });
    act({ type: 'motion-reach', away: ['superman'], nowMs: 2000 });
    for (let t = 2250; t <= 4500; t += 250) act({ type: 'tick', nowMs: t });
    voice.sayAll();
    expect(voice.heard.slice(0, 4)).toEqual([
      'Superman, set one of two. Ten reps',
      'Heart rate out of reach: keep going',
      'The device is out of reach. Count with plus one until the device is back',
      SUPERMAN_POINT,
    ]);
    player.dispose();
  });

  // With no rest between exercises, a new exercise's four lines wait behind the last count; news of the
  // devices said ahead of them dropped the oldest, the set's own: the bridge was never named.
  it("keeps every line of a set's beginning behind a count and news of the devices", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 0 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 2, restS: 0 }, sayHow: true },
    ]);
    act({ type: 'start', nowMs: 0 });
    voice.sayAll();
    act(rep(4000));
    act({ type: 'heart-rate-reach', away: true, nowMs: 4000 });
    for (let t = 4250; t <= 6000; t += 250) act({ type: 'tick', nowMs: t });
    voice.sayAll();
    const afterCount = voice.heard.slice(voice.heard.indexOf('one') + 1);
    expect(afterCount.slice(0, 3)).toEqual([
      'Heart rate out of reach: keep going',
      'Glute bridge, one set. Two reps',
      exerciseById('glute-bridge').keyPoint.slice(0, -1),
    ]);
    player.dispose();
  });

  // Form problems one after another over the set's instructions, the count going on, then Skip set:
  // more answers than the queue keeps lines, and the rest's announcement behind them.
  it("keeps every answer the person waits for, a newer count taking only an older count's place", () => {
    const voice = new VoiceOnTheMat();
    const speech = speechThrough(voice);
    const count = (text: string) =>
      speech.say(text, { reply: true, topic: 'count', ends: ['position', 'how'] });
    const correction = (text: string) => speech.say(text, { reply: true, interrupt: true });
    speech.say(SET_ONE, { interrupt: true });
    correction('Keep your lower back long');
    speech.say('You seem to be face up: Superman is done face down.', { topic: 'position' });
    count('one');
    correction('Lift a little less high');
    count('two');
    correction('Hips in line');
    count('three');
    speech.say('Set skipped', { reply: true, interrupt: true });
    speech.say('Rest, thirty seconds. Next: Superman, set two of three');
    voice.sayAll();
    expect(voice.heard.slice(0, 5)).toEqual([
      'Keep your lower back long',
      'Lift a little less high',
      'Hips in line',
      'three',
      'Set skipped',
    ]);
  });
});

describe("a hold's time call and its end, come at once", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // A plank come down 45.3 s into its hold, seen in the frame that took the clock past the call at
  // 45.5 s: "forty-five seconds" was begun, and "Done: forty-five seconds" said behind it. On the
  // fake clock the two lines come at one instant, as they do in the app, however slow the machine.
  it('says the end alone', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    const speech = speechThrough(voice);
    speech.say('forty-five seconds', { topic: 'time' });
    speech.say('Done: forty-five seconds', { ends: ['time'] });
    voice.sayAll();
    expect(voice.heard).toEqual(['Done: forty-five seconds']);
  });
});

describe('the voice, as it was', () => {
  it('keeps only the latest count waiting behind a long line', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    act(rep(2000));
    act(rep(3000));
    voice.sayUpTo('two');
    expect(voice.heard).toEqual([SET_ONE, 'two']);
    player.dispose();
  });

  it("asks Finish's question aloud after the count that waits, cutting off the set's announcement", () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    act(rep(2000));
    act({ type: 'pause', nowMs: 2500, toAsk: true });
    voice.sayAll();
    expect(voice.heard).toEqual(['one', 'Paused. End the session?']);
    player.dispose();
  });

  it('an interrupting line still cuts off the announcements being said and waiting', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, SHORT_REST);
    act({ type: 'start', nowMs: 0 });
    for (const tMs of [2000, 3000, 4000]) act(rep(tMs));
    voice.sayUpTo('three');
    act({ type: 'pause', nowMs: 4800 });
    voice.sayAll();
    expect(voice.heard).toEqual([SET_ONE, 'three', 'Paused']);
    player.dispose();
  });
});

describe("the session's record of what the coach said", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a line as the voice begins it, not as it is handed over to wait behind the set’s instructions', () => {
    const voice = new VoiceOnTheMat();
    const { player, act } = voiced(voice, PLAN);
    const played: string[] = [];
    const subscription = player.played$.subscribe((cue) => {
      if (cue.kind === 'say') played.push(cue.text);
    });
    act({ type: 'start', nowMs: 0 });
    // The set's own line is being said, a sentence at a time; what comes after it waits behind it.
    expect(played).toHaveLength(1);
    expect(played[0]).toMatch(/^Superman, set one of two\. Two reps/);
    voice.sayAll();
    expect(played.length).toBeGreaterThan(1);
    // Each line kept once, as its first sentence began: none before the voice came to it.
    expect(played.map((line) => voice.heard.some((heard) => line.startsWith(heard)))).not.toContain(false);
    expect(new Set(played).size).toBe(played.length);
    subscription.unsubscribe();
    player.dispose();
  });

  /** A superman session begun, its record of what was said, the voice on the first set's one point. */
  function onThePoint(voice: VoiceOnTheMat, devices: SessionAction = strapSees()) {
    const session = voiced(voice, [
      { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 30 } },
    ]);
    const played: string[] = [];
    const subscription = session.player.played$.subscribe((cue) => {
      if (cue.kind === 'say') played.push(cue.text);
    });
    session.act(devices);
    session.act({ type: 'start', nowMs: 0 });
    voice.sayUntilSaying(SUPERMAN_POINT);
    return { ...session, played, subscription };
  }

  it('keeps the one point once where a pause cut it off and it was said again after Resume', () => {
    const voice = new VoiceOnTheMat();
    const { player, act, played, subscription } = onThePoint(voice);
    act({ type: 'pause', nowMs: 2600 });
    act({ type: 'resume', nowMs: 6000 });
    voice.sayAll();
    expect(voice.heard.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    expect(played.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    subscription.unsubscribe();
    player.dispose();
  });

  it('keeps the one point once where a +1 broke into it and it was said again after the count', () => {
    onAFakeClock();
    const voice = new VoiceOnTheMat();
    // Nothing counts but the person's taps: a +1 is counted aloud at once, before Go.
    const { player, act, played, subscription } = onThePoint(voice, strapHeartRateOnly());
    act({ type: 'adjust', delta: 1, nowMs: 2600 });
    voice.sayAll();
    vi.advanceTimersByTime(3000);
    voice.sayAll();
    expect(voice.heard).toContain('one');
    expect(voice.heard.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    expect(played.filter((line) => line === SUPERMAN_POINT)).toHaveLength(1);
    subscription.unsubscribe();
    player.dispose();
  });
});
