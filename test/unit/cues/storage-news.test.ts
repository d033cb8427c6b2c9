import { describe, expect, it } from 'vitest';
import { FULL_STORE_TEXT, fullStoreNews } from '../../../src/cues/storage-news.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';

const rep = (tMs: number): MotionEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs,
  startMs: tMs - 2000,
  peakDeg: 15,
});
const motion = (tMs: number): SessionAction => ({ type: 'motion', event: rep(tMs) });
const tick = (nowMs: number): SessionAction => ({ type: 'tick', nowMs });

/** Drives the real reducer, the store full or not and the voice on or off as each action comes. */
class Run {
  state = initialSessionState([
    { exercise: exerciseById('superman'), dosage: { sets: 3, target: 2, restS: 30 } },
  ]);
  told = false;
  full = false;
  muted = false;

  /** The lines the news says over these actions. */
  do(...actions: SessionAction[]): string[] {
    const said: string[] = [];
    for (const action of actions) {
      const next: SessionState = reduceSession(this.state, action);
      const news = fullStoreNews(this.told, this.state, next, { full: this.full, muted: this.muted });
      this.told = news.told;
      if (news.line?.kind === 'say') said.push(news.line.text);
      this.state = next;
    }
    return said;
  }
}

function inFirstSet(): Run {
  const run = new Run();
  run.do({ type: 'start', nowMs: 0 }, { type: 'go-heard', nowMs: 0 });
  return run;
}

describe('a full store told the person on the mat', () => {
  it('is not said in the set it filled up in, but once as the rest begins, and not again', () => {
    const run = inFirstSet();
    run.full = true;
    expect(run.do(tick(1000), motion(3000), tick(3250))).toEqual([]);
    expect(run.state.phase).toBe('set');
    expect(run.do(motion(6000))).toEqual([FULL_STORE_TEXT]);
    expect(run.state.phase).toBe('rest');
    expect(run.do(tick(6250), tick(6500), tick(36_000), { type: 'go-heard', nowMs: 36_000 })).toEqual([]);
    expect(run.do(motion(39_000), motion(42_000), tick(42_250))).toEqual([]);
    expect(run.state.phase).toBe('rest');
  });

  it('is said at once where the store fills up in a rest, queued behind what is being said', () => {
    const run = inFirstSet();
    run.do(motion(3000), motion(6000));
    expect(run.state.phase).toBe('rest');
    run.full = true;
    const said = run.do(tick(6250));
    expect(said).toEqual([FULL_STORE_TEXT]);
    expect(FULL_STORE_TEXT).toBe(
      'Storage is full: this session is kept until you close the app; save it as a file at the end',
    );
  });

  it('is said as the last set ends, after the session’s own line', () => {
    const run = inFirstSet();
    run.do(motion(3000), motion(6000), tick(36_000), { type: 'go-heard', nowMs: 36_000 });
    run.do(motion(39_000), motion(42_000), tick(72_000), { type: 'go-heard', nowMs: 72_000 });
    run.full = true;
    expect(run.do(motion(75_000))).toEqual([]);
    const next = reduceSession(run.state, motion(78_000));
    expect(next.phase).toBe('summary');
    const news = fullStoreNews(run.told, run.state, next, { full: true, muted: false });
    expect(news.line).toMatchObject({ kind: 'say', text: FULL_STORE_TEXT, interrupt: false });
  });

  it('is said again only once the store saved again and filled up again', () => {
    const run = inFirstSet();
    run.full = true;
    expect(run.do(motion(3000), motion(6000))).toEqual([FULL_STORE_TEXT]);
    expect(run.do(tick(6250))).toEqual([]);
    run.full = false;
    expect(run.do(tick(6500))).toEqual([]);
    run.full = true;
    expect(run.do(tick(6750))).toEqual([FULL_STORE_TEXT]);
    expect(run.do(tick(7000))).toEqual([]);
  });

  it('says nothing while the voice is off, and tells it at the next moment the voice is on', () => {
    const run = inFirstSet();
    run.full = true;
    run.muted = true;
    expect(run.do(motion(3000), motion(6000), tick(6250))).toEqual([]);
    run.muted = false;
    expect(run.do(tick(6500))).toEqual([FULL_STORE_TEXT]);
  });

  it('says nothing in a paused rest, on the start screen or on the summary', () => {
    const ready = new Run();
    ready.full = true;
    expect(ready.do(tick(1000))).toEqual([]);
    const run = inFirstSet();
    run.do(motion(3000), motion(6000), { type: 'pause', nowMs: 6100 });
    run.full = true;
    expect(run.do(tick(6250))).toEqual([]);
    run.do({ type: 'finish', nowMs: 7000 });
    expect(run.state.phase).toBe('summary');
    expect(run.do(tick(7250))).toEqual([]);
  });
});
