// The cue player on a real session model, in Chromium: what reaches speechSynthesis.speak, the audio
// context and the wake lock as the session runs.
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spokenDuration } from '../../../src/cues/cue-planner.ts';
import { CuePlayer, type CuePlayerSettings } from '../../../src/cues/cue-player.ts';
import { heldS } from '../../../src/workout/held-seconds.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import type { PlannedExercise } from '../../../src/workout/session.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';
import { EVERY_EXERCISE } from '../../devices-sensed.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const LOUD: CuePlayerSettings = {
  muted: false,
  tones: true,
  vibration: true,
  voiceUri: null,
  speechRate: 1.1,
};

function setUp() {
  let nowMs = 0;
  const clock = {
    set: (t: number) => {
      nowMs = t;
    },
  };
  const session = new SessionModel(
    () => nowMs,
    [{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 10 } }],
  );
  const settings = new BehaviorSubject(LOUD);
  // An engine that has said each line by the time the next is due.
  const speak = vi
    .spyOn(window.speechSynthesis, 'speak')
    .mockImplementation((utterance) => utterance.dispatchEvent(new Event('end')));
  const wakeRequests = vi.spyOn(navigator.wakeLock, 'request');
  const vibrations: VibratePattern[] = [];
  const player = CuePlayer.forBrowser(session.state$, settings, {
    window,
    navigator: { wakeLock: navigator.wakeLock, vibrate: (p) => vibrations.push(p) > 0 },
    document,
  });
  const said = () => speak.mock.calls.map(([u]) => u.text);
  return { session, settings, speak, said, wakeRequests, vibrations, player, clock };
}

describe('CuePlayer', () => {
  it('speaks, buzzes and keeps the screen on through a session', async () => {
    const { session, said, speak, vibrations, player, clock, wakeRequests } = setUp();
    const played: string[] = [];
    player.played$.subscribe((cue) => played.push(cue.kind === 'say' ? cue.text : cue.kind));
    player.start();
    expect(said()).toEqual([]);

    session.start();
    expect(said()[0]).toMatch(/^Superman, set one of two\. Two reps\./);
    expect(speak.mock.calls[0][0].rate).toBeCloseTo(1.1);
    await vi.waitFor(() => expect(player.outputs.wakeLock.held).toBe(true));
    expect(wakeRequests).toHaveBeenCalledTimes(1);

    session.handleMotion({ type: 'rep', tMs: 2000, emittedMs: 2000, startMs: 1000, peakDeg: 15 });
    expect(said().at(-1)).toBe('one');
    expect(vibrations).toEqual([[40]]);

    clock.set(4000);
    session.handleMotion({ type: 'rep', tMs: 4000, emittedMs: 4000, startMs: 3000, peakDeg: 16 });
    expect(said().slice(-2)).toEqual(['two', 'Rest, ten seconds. Next: Superman, set two of two']);
    // Resting keeps the same lock.
    expect(player.outputs.wakeLock.held).toBe(true);

    for (let t = 4250; t <= 14_000; t += 250) {
      clock.set(t);
      session.tick();
    }
    expect(said().slice(-6)).toEqual([
      'five',
      'four',
      'three',
      'two',
      'one',
      'Superman, set two of two. Two reps. Go',
    ]);

    // The app tells the session once the voice has said "Go" (see backbeat.ts).
    session.goHeard();
    clock.set(20_000);
    session.finish();
    // The second set had counted nothing 6 s after its "Go": kept as skipped, as the summary and
    // Finish's question say (sooner, it never ran); cut short by Finish, it leaves the session ended,
    // not complete.
    expect(said().at(-1)).toBe('Session ended: one set done, one skipped. Well done');
    // What was given, in order, for the session's record: the words and the other cues among them.
    expect(played.filter((p) => p !== 'tone' && p !== 'vibrate')).toEqual(said());
    // The set's line, the superman's one point and "Go", then the first rep's tone, buzz and count.
    expect(played.slice(1, 6)).toEqual(['Do not over-arch your lower back', 'Go', 'tone', 'vibrate', 'one']);
    await vi.waitFor(() => expect(player.outputs.wakeLock.held).toBe(false));
    player.dispose();
  });

  it('mutes at once, mid-sentence, and speaks at the new rate after a change', () => {
    const { session, settings, said, speak, player } = setUp();
    const cancel = vi.spyOn(window.speechSynthesis, 'cancel');
    player.start();
    session.start();
    // The set's line, its one point and "Go", each said to its end at once by this engine.
    const saidBeforeMute = said().length;
    settings.next({ ...LOUD, muted: true });
    expect(cancel).toHaveBeenCalled();
    session.handleMotion({ type: 'rep', tMs: 2000, emittedMs: 2000, startMs: 1000, peakDeg: 15 });
    expect(said()).toHaveLength(saidBeforeMute);
    settings.next({ ...LOUD, speechRate: 0.8 });
    session.handleMotion({ type: 'rep', tMs: 3000, emittedMs: 3000, startMs: 2500, peakDeg: 15 });
    expect(said().at(-2)).toBe('two');
    expect(speak.mock.calls.at(-1)?.[0].rate).toBeCloseTo(0.8);
    player.dispose();
  });

  it('stops speaking and lets the screen sleep when disposed', async () => {
    const { session, said, player } = setUp();
    player.start();
    session.start();
    await vi.waitFor(() => expect(player.outputs.wakeLock.held).toBe(true));
    const saidBeforeDispose = said().length;
    player.dispose();
    await vi.waitFor(() => expect(player.outputs.wakeLock.held).toBe(false));
    session.handleMotion({ type: 'rep', tMs: 2000, emittedMs: 2000, startMs: 1000, peakDeg: 15 });
    expect(said()).toHaveLength(saidBeforeDispose);
  });
});

/**
 * A session on the fake clock with a voice that takes its time, as a real one does: each line ends
 * `msPerChar` per character after it began. What is said is kept with the session state of that moment.
 */
function withSlowVoice(plan: readonly PlannedExercise[], msPerChar: number) {
  vi.useFakeTimers();
  const session = new SessionModel(() => performance.now(), plan);
  const heard: { text: string; state: typeof session.state; atMs: number; cutAtMs?: number }[] = [];
  vi.spyOn(window.speechSynthesis, 'speak').mockImplementation((utterance) => {
    const line = { text: utterance.text, state: session.state, atMs: performance.now() };
    heard.push(line);
    setTimeout(() => {
      if (heard.at(-1) === line) utterance.dispatchEvent(new Event('end'));
    }, utterance.text.length * msPerChar);
  });
  // What is being said when the app cancels is cut off there.
  vi.spyOn(window.speechSynthesis, 'cancel').mockImplementation(() => {
    const line = heard.at(-1);
    if (line && performance.now() < line.atMs + line.text.length * msPerChar)
      line.cutAtMs = performance.now();
  });
  const player = CuePlayer.forBrowser(session.state$, new BehaviorSubject(LOUD), {
    window,
    navigator: { wakeLock: navigator.wakeLock, vibrate: () => true },
    document,
  });
  player.start();
  /** Runs the session's clock on as the app does, a tick every 250 ms. */
  const runFor = (ms: number) => {
    const endMs = performance.now() + ms;
    while (performance.now() < endMs) {
      vi.advanceTimersByTime(250 - (performance.now() % 250));
      session.tick();
    }
  };
  return { session, heard, player, runFor };
}

describe('CuePlayer with a voice that takes its time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves out a hold time call whose second has passed while a long line was said', () => {
    const plank: PlannedExercise = {
      exercise: exerciseById('elbow-plank'),
      dosage: { sets: 1, target: 60, restS: 30 },
    };
    // About 14 characters a second, as a voice at rate 1.1 says them.
    const { session, heard, player, runFor } = withSlowVoice([plank], 70);
    session.start();
    runFor(5000);
    // Heard "Go" (the app tells the session once the voice has said it), then lifted into the plank.
    session.goHeard();
    runFor(5000);
    const lifted = performance.now();
    session.handleMotion({ type: 'hold-start', tMs: lifted, emittedMs: lifted });
    runFor(12_000);
    session.pause();
    runFor(5000);
    // "Go on: Elbow plank, one set. Hold as long as your form is good; goal one minute. Twelve
    // seconds held": some seven seconds, past the 15 s call.
    session.resume();
    runFor(25_000);
    const calls = heard.filter((line) => /^(fifteen|thirty) seconds$/.test(line.text));
    const late = calls.filter(({ text, state }) => {
      const shownS = heldS(state.nowMs - (state.set?.holdStartMs ?? state.nowMs));
      return text !== spokenDuration(shownS) && text !== spokenDuration(shownS - 1);
    });
    expect(heard.some((line) => line.text.startsWith('Go on: Elbow plank'))).toBe(true);
    expect(
      late.map(({ text, state }) => `${text} at ${heldS(state.nowMs - (state.set?.holdStartMs ?? 0))} s`),
    ).toEqual([]);
    // The next call, its second free, is said.
    expect(calls.map((line) => line.text)).toContain('thirty seconds');
    player.dispose();
  });

  it('leaves out a hold time call still waiting to be said when the hold ends', () => {
    const plank: PlannedExercise = {
      exercise: exerciseById('elbow-plank'),
      dosage: { sets: 2, target: 20, restS: 30 },
    };
    const { session, heard, player, runFor } = withSlowVoice([plank], 140);
    session.start();
    runFor(10_000);
    session.goHeard();
    const lifted = performance.now();
    session.handleMotion({ type: 'hold-start', tMs: lifted, emittedMs: lifted });
    runFor(45_000);
    // The hips drift ("Hips in line", a second to say), the call of 45 s waits behind it, and the plank
    // ends before it is said.
    session.handleMotion({
      type: 'form',
      tMs: lifted + 45_000,
      emittedMs: lifted + 45_000,
      issue: 'plank-sag',
    });
    runFor(500);
    expect(heard.at(-1)?.text).toBe('Hips in line');
    const downMs = lifted + 45_400;
    vi.advanceTimersByTime(100);
    session.handleMotion({ type: 'hold-end', tMs: downMs, emittedMs: downMs + 200, reason: 'form' });
    runFor(10_000);
    const after = heard
      .slice(heard.findIndex((line) => line.text === 'Hips in line') + 1)
      .map((line) => line.text);
    expect(after[0]).toBe('Done: forty-five seconds');
    expect(after).not.toContain('forty-five seconds');
    player.dispose();
  });

  it('says the latest count alone for two reps the detectors report at once', () => {
    const superman: PlannedExercise = {
      exercise: exerciseById('superman'),
      dosage: { sets: 2, target: 10, restS: 30 },
    };
    const { session, heard, player, runFor } = withSlowVoice([superman], 70);
    session.start();
    const rep = (tMs: number) =>
      session.handleMotion({
        type: 'rep',
        tMs,
        emittedMs: performance.now(),
        startMs: tMs - 1500,
        peakDeg: 15,
      });
    runFor(9000);
    rep(performance.now());
    runFor(3000);
    // A gap in the samples: the next two reps come in one batch.
    rep(performance.now() - 1500);
    rep(performance.now() - 100);
    runFor(3000);
    // A line cut off the moment it was handed over was never heard.
    const sounded = heard.filter((line) => line.cutAtMs === undefined || line.cutAtMs > line.atMs);
    expect(sounded.slice(1).map((line) => line.text)).toEqual([
      'Do not over-arch your lower back',
      'Go',
      'one',
      'three',
    ]);
    // A count that comes while the last is said is heard after it, to its end.
    rep(performance.now());
    vi.advanceTimersByTime(100);
    rep(performance.now());
    runFor(3000);
    expect(heard.slice(-2).map((line) => [line.text, line.cutAtMs])).toEqual([
      ['four', undefined],
      ['five', undefined],
    ]);
    player.dispose();
  });

  it('with no rest between sets, says the last count in full and then the next set', () => {
    const superman: PlannedExercise = {
      exercise: exerciseById('superman'),
      dosage: { sets: 2, target: 2, restS: 0 },
    };
    const { session, heard, player, runFor } = withSlowVoice([superman], 70);
    session.start();
    const rep = () => {
      const tMs = performance.now();
      session.handleMotion({ type: 'rep', tMs, emittedMs: tMs, startMs: tMs - 1500, peakDeg: 15 });
    };
    const repBetweenTicks = () => {
      // A rep ends between two ticks of the app's clock: the next tick comes a tenth of a second on.
      vi.advanceTimersByTime(150);
      rep();
    };
    runFor(9000);
    repBetweenTicks();
    runFor(2000);
    repBetweenTicks();
    runFor(5000);
    const last = heard.findIndex((line) => line.text === 'two');
    expect(heard[last]?.cutAtMs).toBeUndefined();
    expect(heard.slice(last + 1).map((line) => line.text)).toEqual([
      'Superman, set two of two. Two reps. Go',
    ]);
    expect(heard[last + 1].atMs).toBeGreaterThanOrEqual(heard[last].atMs + 'two'.length * 70);
    player.dispose();
  });

  it("says a set's announcement to its end when the person leaves the position before the first rep", () => {
    const superman: PlannedExercise = {
      exercise: exerciseById('superman'),
      dosage: { sets: 2, target: 10, restS: 30 },
    };
    const { session, heard, player, runFor } = withSlowVoice([superman], 140);
    const position = (status: 'in' | 'away', posture: 'face-down' | 'upright') => {
      const tMs = performance.now();
      session.handlePosition({ type: 'position', status, posture, tMs, emittedMs: tMs });
    };
    session.senseDevices(true, EVERY_EXERCISE);
    session.start();
    // In position while "Superman, set one of three. Ten reps" (five seconds at this rate) is said,
    // then up again before a rep: the set waits for the position once more.
    runFor(1000);
    position('in', 'face-down');
    runFor(1000);
    position('away', 'upright');
    runFor(15_000);
    const announcement = heard.find((line) => line.text.startsWith('Superman, set one of two'));
    expect(announcement?.cutAtMs).toBeUndefined();
    expect(heard.at(-1)?.text).toBe('Lie face down to start');
    player.dispose();
  });
});
