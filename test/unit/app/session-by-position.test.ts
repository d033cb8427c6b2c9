// The app with the virtual strap, in Node on a fake clock: the person follows the screen, and every
// set starts when they are in position. Fast enough to run the whole default session; the browser
// end-to-end tests drive the same flow through the built app.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { spokenNumber } from '../../../src/cues/cue-planner.ts';
import type { CueHosts } from '../../../src/cues/cue-player.ts';
import type { Habit } from '../../../src/sensors/virtual/choreography.ts';
import type { VirtualPersonStatus } from '../../../src/sensors/virtual/virtual-strap.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { PROGRAM } from '../../../src/workout/program.ts';
import type { SessionState } from '../../../src/workout/session.ts';
import { showsSetUnderWay } from '../../../src/workout/set-shown.ts';
import { StandInUtterance } from '../../utterance.ts';

interface Watched {
  readonly app: Backbeat;
  /** Every state the session went through. */
  readonly states: SessionState[];
  person(): VirtualPersonStatus | null;
}

let appsOpened = 0;

function openApp(
  habit: Habit = 'usual',
  cueHosts: CueHosts | null = null,
  settle: (app: Backbeat) => void = () => {},
): Watched {
  const t0 = Date.now();
  // A store of its own: the sessions an earlier test recorded are not this one's history, which would
  // move today's targets.
  const storeName = `session-by-position-${++appsOpened}`;
  const app = new Backbeat({
    now: () => Date.now() - t0,
    navigator: {} as Navigator,
    settingsStorage: null,
    cueHosts,
    persistence: { page: null, openStore: () => SessionStore.open({ name: storeName }) },
  });
  app.devices.active.virtual?.setHabit(habit);
  settle(app);
  app.start();
  const states: SessionState[] = [];
  let person: VirtualPersonStatus | null = null;
  app.session.state$.subscribe((s) => states.push(s));
  app.virtualPerson$.subscribe((p) => (person = p));
  return { app, states, person: () => person };
}

/** Moves the fake clock on a second at a time until `done`, or `maxS` seconds. */
async function runUntil(done: () => boolean, maxS: number): Promise<void> {
  for (let s = 0; s < maxS && !done(); s++) await vi.advanceTimersByTimeAsync(1000);
}

/** The moments each set went from waiting for position to running. */
function setStarts(states: readonly SessionState[]): SessionState[] {
  return states.filter((s, i) => i > 0 && states[i - 1].set?.waiting === true && s.set?.waiting === false);
}

describe('sets started by position, with the virtual person', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the whole default session from one Start to the summary, every set begun in position', {
    timeout: 120_000,
  }, async () => {
    const { app, states, person } = openApp();
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    // What the person had done by the end of each set, as they report it during the next rest.
    const performed: string[] = [];
    let lastDone = 0;
    await runUntil(() => {
      const { completed, phase } = app.session.state;
      const p = person();
      // The strap reports the finished set once its person has moved on to the rest.
      if (
        completed.length > lastDone &&
        p?.previous?.activity.kind === 'exercise' &&
        p.current.activity.kind !== 'exercise'
      ) {
        lastDone = completed.length;
        const { repsDone, breathsDone, holdS } = p.previous;
        performed.push(holdS === null ? String(repsDone + breathsDone) : `${Math.floor(holdS)} s`);
      }
      return phase === 'summary';
    }, 3600);
    const { completed } = app.session.state;
    expect(completed).toHaveLength(14);
    expect(completed.every((r) => r.endedBy !== 'skipped')).toBe(true);
    // Each set waited for the person, and began when the position was seen: no set began by itself.
    expect(setStarts(states)).toHaveLength(14);
    expect(states.filter((s) => s.phase === 'set' && s.set?.waiting).length).toBeGreaterThan(0);
    completed.forEach((record, i) => {
      if (record.holdMs === null)
        expect(String(record.count), `${record.exerciseId} ${record.setNumber}`).toBe(performed[i]);
    });
    app.dispose();
  });

  it('says a wrong position, then starts the set by itself once the person has turned over', {
    timeout: 60_000,
  }, async () => {
    const { app, states, person } = openApp('wrong-way');
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => app.session.state.set?.wrongPosture != null, 60);
    expect(app.session.state.set).toMatchObject({ waiting: true, wrongPosture: 'face-up' });
    expect(person()?.current.wrongWay).toBe(true);
    await runUntil(() => app.session.state.set?.waiting === false, 60);
    expect(setStarts(states)).toHaveLength(1);
    expect(person()?.current.inPosition).toBe(true);
    await runUntil(() => app.session.state.phase === 'rest', 120);
    expect(app.session.state.completed[0]).toMatchObject({
      exerciseId: 'superman',
      count: 10,
      endedBy: 'target',
    });
    app.dispose();
  });

  it('ends a set the person gets up from, with the reps they did and no fault of form', {
    timeout: 60_000,
  }, async () => {
    const { app, person } = openApp('up-early');
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => app.session.state.phase === 'rest', 120);
    const [record] = app.session.state.completed;
    expect(record).toMatchObject({ exerciseId: 'superman', endedBy: 'stopped', formIssues: [] });
    expect(record.count).toBeGreaterThan(0);
    expect(record.count).toBeLessThan(10);
    await vi.advanceTimersByTimeAsync(1000);
    expect(person()?.previous?.repsDone).toBe(record.count);
    app.dispose();
  });

  // Told to start on the way into position (or still standing), the person gets into it and
  // settles before the first rep, as a real one would: none of the reps is lost to the move.
  it.each<[Habit, number]>([
    ['usual', 1],
    ['follows', 2],
    ['stays-up', 20],
  ])(
    'counts every rep of a set begun by hand before the person is in position (%s, after %i s)',
    {
      timeout: 60_000,
    },
    async (habit, afterS) => {
      const { app, person } = openApp(habit);
      await vi.advanceTimersByTimeAsync(3000);
      app.startSession();
      await vi.advanceTimersByTimeAsync(afterS * 1000);
      expect(app.session.state.set?.waiting).toBe(true);
      expect(person()?.current.inPosition).toBe(false);
      app.session.beginSet();
      await runUntil(() => app.session.state.phase === 'rest', 120);
      await vi.advanceTimersByTimeAsync(1000);
      const [record] = app.session.state.completed;
      expect(record).toMatchObject({ exerciseId: 'superman', endedBy: 'target' });
      expect(record.count).toBe(person()?.previous?.repsDone);
      expect(record.count).toBe(10);
      app.dispose();
    },
  );

  // With no rest between sets the person stays lying face down, in position for the next set: its
  // first rep comes soon after "Go" and is counted as it is done, not with the second.
  it('counts the first rep of a set that follows with a rest of 0 s as it is done', {
    timeout: 60_000,
  }, async () => {
    const { app, person } = openApp('usual', null, ({ settings }) => {
      for (const { id } of PROGRAM) settings.setIncluded(id, id === 'superman');
      settings.setDosage('superman', { sets: 2, target: 3, restS: 0 });
    });
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    // When the person's first rep of the second set was over, and when the screen first counted.
    let doneMs = Number.NaN;
    let countedMs = Number.NaN;
    let firstCount = 0;
    for (let i = 0; i < 600 && (Number.isNaN(doneMs) || Number.isNaN(countedMs)); i++) {
      await vi.advanceTimersByTimeAsync(100);
      const set = app.session.state.set;
      if (set?.setNumber !== 2 || set.waiting) continue;
      if (Number.isNaN(doneMs) && (person()?.current.repsDone ?? 0) >= 1) doneMs = Date.now();
      if (Number.isNaN(countedMs) && set.count >= 1) {
        countedMs = Date.now();
        firstCount = set.count;
      }
    }
    expect(firstCount).toBe(1);
    expect(Math.abs(countedMs - doneMs)).toBeLessThan(1000);
    await runUntil(() => app.session.state.phase === 'summary', 60);
    expect(app.session.state.completed.map((r) => r.count)).toEqual([3, 3]);
    app.dispose();
  });

  it('never starts a floor set for a person who stays on their feet', { timeout: 60_000 }, async () => {
    const { app, states } = openApp('stays-up');
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => false, 180);
    expect(app.session.state.set).toMatchObject({
      setNumber: 1,
      waiting: true,
      count: 0,
      wrongPosture: 'upright',
    });
    expect(setStarts(states)).toHaveLength(0);
    app.dispose();
  });
});

/** A line the voice said: when it was handed over, and when it ended. */
interface SaidLine {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** A voice that takes its time: each line ends `msPerChar` per character after it was handed over. */
function slowVoice(msPerChar: number, said: SaidLine[]): CueHosts {
  const speechSynthesis = {
    speak(utterance: StandInUtterance) {
      const startMs = Date.now();
      setTimeout(() => {
        said.push({ text: utterance.text, startMs, endMs: Date.now() });
        utterance.dispatchEvent(new Event('end'));
      }, utterance.text.length * msPerChar);
    },
    cancel() {},
    getVoices: () => [],
  };
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
  return {
    window: { speechSynthesis, SpeechSynthesisUtterance: StandInUtterance } as unknown as CueHosts['window'],
    navigator: {} as CueHosts['navigator'],
    document,
  };
}

describe('the virtual person and the voice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  // Already in position while the set's instructions are still being said, they wait for "Go".
  it('sets off once "In position. Go." has been said, not when the screen changed', {
    timeout: 60_000,
  }, async () => {
    const said: SaidLine[] = [];
    const { app, person } = openApp('follows', slowVoice(150, said));
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => app.session.state.set?.waiting === false, 60);
    const goQueuedMs = Date.now();
    let setOffMs = Number.NaN;
    const go = () => said.find((line) => line.text === 'In position. Go.');
    for (let i = 0; i < 400 && (Number.isNaN(setOffMs) || !go()); i++) {
      await vi.advanceTimersByTimeAsync(100);
      if (Number.isNaN(setOffMs) && person()?.current.activity.kind === 'exercise') setOffMs = Date.now();
    }
    const goEndMs = go()?.endMs ?? Number.NaN;
    // The voice was still on the set's instructions when the person was seen in position.
    expect(goEndMs - goQueuedMs).toBeGreaterThan(1000);
    expect(setOffMs).toBeGreaterThanOrEqual(goEndMs);
    expect(setOffMs - goEndMs).toBeLessThan(500);
    await runUntil(() => app.session.state.phase === 'rest', 120);
    expect(app.session.state.completed[0]).toMatchObject({ exerciseId: 'superman', count: 10 });
    app.dispose();
  });

  // The screen goes by what is heard as the person does: "Go" read while the voice still said how to
  // lie was "Go" before its time.
  it('shows the set under way when "In position. Go." has been said, not when the person was seen in position', {
    timeout: 60_000,
  }, async () => {
    const said: SaidLine[] = [];
    const { app } = openApp('follows', slowVoice(150, said));
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => app.session.state.set?.waiting === false, 60);
    const inPositionMs = Date.now();
    let shownMs = Number.NaN;
    const go = () => said.find((line) => line.text === 'In position. Go.');
    for (let i = 0; i < 400 && Number.isNaN(shownMs); i++) {
      const set = app.session.state.set;
      if (set && showsSetUnderWay(set)) shownMs = Date.now();
      else await vi.advanceTimersByTimeAsync(100);
    }
    const goEndMs = go()?.endMs ?? Number.NaN;
    expect(goEndMs - inPositionMs).toBeGreaterThan(1000);
    expect(shownMs).toBeGreaterThanOrEqual(goEndMs);
    expect(shownMs - goEndMs).toBeLessThan(500);
    app.dispose();
  });

  // Lying on the elbows while a plank set is said, the person lifts on "Go": the stillness before
  // is not the plank, and the lift does not end it.
  it('times each hold as long as the person held it, the planks from the lift', {
    timeout: 120_000,
  }, async () => {
    const said: SaidLine[] = [];
    const { app, person, states } = openApp('usual', slowVoice(60, said));
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    const held: number[] = [];
    let lastDone = 0;
    await runUntil(() => {
      const { completed, phase } = app.session.state;
      const p = person();
      if (completed.length > lastDone && p?.previous && p.current.activity.kind !== 'exercise') {
        lastDone = completed.length;
        if (p.previous.holdS !== null) held.push(p.previous.holdS);
      }
      // The person reports the last set once they have moved on from it, a tick after the summary.
      return phase === 'summary' && lastDone === completed.length;
    }, 3600);
    // Each set began once: none began on a person about to turn away from the position they were in.
    expect(setStarts(states)).toHaveLength(14);
    const holds = app.session.state.completed.filter((r) => r.holdMs !== null);
    expect(holds.map((r) => r.exerciseId)).toEqual([
      'drawing-in',
      'elbow-plank',
      'elbow-plank',
      'elbow-plank',
    ]);
    holds.forEach((record, i) => {
      expect(
        Math.abs((record.holdMs ?? 0) / 1000 - held[i]),
        `${record.exerciseId} ${record.setNumber}`,
      ).toBeLessThan(3);
    });
    // Heard once a plank, after its "Go": not for the wait on the floor, then again at the lift.
    const lines = said.map((line) => line.text);
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('Elbow plank, set')) continue;
      const done = lines.findIndex((later, j) => j > i && later.startsWith('Done:'));
      const set = lines.slice(i, done === -1 ? undefined : done);
      // "Hold", with how far in it was by the time the stillness was confirmed.
      const holds = set.filter((later) => /^Hold(\. [A-Z][a-z-]+ seconds? in)?$/.test(later));
      expect(holds, line).toHaveLength(1);
      expect(set.indexOf(holds[0]), line).toBeGreaterThan(set.indexOf('In position. Go.'));
    }
    app.dispose();
  });
});

describe("the voice counting the virtual person's reps", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  // Nothing on the way from the strap to the voice holds a count back: not the set's start handing the
  // detectors the frames, not the session, not the voice's queue of lines. The detectors count a rep as
  // the person comes back down, a little before they are still again, and the voice says it then.
  it('says each rep and breath as the person finishes it, all through the default session', {
    timeout: 120_000,
  }, async () => {
    const said: SaidLine[] = [];
    const { app } = openApp('usual', slowVoice(60, said));
    // Each set under way, by its place in the session: from "Go" to its end.
    const sets: { beganMs: number; endedMs: number }[] = [];
    app.session.state$.subscribe(({ phase, set, completed }) => {
      const open = sets[completed.length - 1];
      if (open && !Number.isFinite(open.endedMs)) open.endedMs = Date.now();
      if (phase === 'set' && set && !set.waiting)
        sets[completed.length] ??= { beganMs: Date.now(), endedMs: Number.POSITIVE_INFINITY };
    });
    // When the person finished each rep or breath of the set under way: not the last of a set, which
    // its count ends before the person is down from it.
    const finishedMs: number[][] = [];
    app.virtualPerson$.subscribe((p) => {
      const { phase, set, completed } = app.session.state;
      if (p?.current.activity.kind !== 'exercise' || phase !== 'set' || !set || set.waiting) return;
      const times = (finishedMs[completed.length] ??= []);
      while (times.length < p.current.repsDone + p.current.breathsDone) times.push(Date.now());
    });
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => app.session.state.phase === 'summary', 3600);
    const numbers = Array.from({ length: 20 }, (_, i) => spokenNumber(i + 1)).join('|');
    const isCount = new RegExp(`^((Right|Left), )?(${numbers})$`);
    const lateMs: number[] = [];
    let finishedBeforeTheLast = 0;
    app.session.state.completed.forEach((record, i) => {
      if (record.holdMs !== null) return;
      finishedBeforeTheLast += record.count - 1;
      const { beganMs, endedMs } = sets[i];
      const counts = said.filter(
        ({ text, startMs }) => isCount.test(text) && startMs >= beganMs && startMs <= endedMs,
      );
      expect(counts, `${record.exerciseId} ${record.setNumber}`).toHaveLength(record.count);
      for (const [k, doneMs] of (finishedMs[i] ?? []).entries()) lateMs.push(counts[k].startMs - doneMs);
    });
    // Every rep and breath of the session's sets but each set's last (99 of them), seen finished.
    expect(lateMs).toHaveLength(finishedBeforeTheLast);
    expect(lateMs.length).toBeGreaterThan(80);
    expect(Math.max(...lateMs)).toBeLessThanOrEqual(250);
    app.dispose();
  });
});

describe('sets with phone motion picked on a computer that reports no motion', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A browser that has the event, on a laptop that fires none.
    vi.stubGlobal('DeviceMotionEvent', class {});
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('window', Object.assign(new EventTarget(), { document }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('begins each set when it is due, as with no motion device, and counts what is tapped', async () => {
    const { app, states } = openApp();
    await app.devices.usePhoneMotion();
    await vi.advanceTimersByTimeAsync(3000);
    expect(app.devices.state.devices.map((d) => d.connection)).toEqual(['unavailable']);
    app.startSession();
    await vi.advanceTimersByTimeAsync(1000);
    expect(app.session.state.set).toMatchObject({ setNumber: 1, count: 0 });
    expect(app.session.state.set?.waiting).toBeFalsy();
    expect(states.some((s) => s.set?.waiting)).toBe(false);
    app.session.adjustCount(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(app.session.state.set?.count).toBe(1);
    app.dispose();
  });

  it('tells a virtual strap connected in the middle of a set what the set is', {
    timeout: 30_000,
  }, async () => {
    const { app, person } = openApp('follows');
    await vi.advanceTimersByTimeAsync(3000);
    app.startSession();
    await runUntil(() => (app.session.state.set?.count ?? 0) >= 2, 60);
    // Away to another device (a recording with nothing in it) and back to the virtual strap.
    app.devices.replay({ format: 'backbeat-recording', version: 1, packets: [] });
    app.devices.useVirtualStrap();
    await vi.advanceTimersByTimeAsync(500);
    expect(person()?.current.activity).toMatchObject({ kind: 'exercise', exercise: 'superman' });
    app.dispose();
  });
});
