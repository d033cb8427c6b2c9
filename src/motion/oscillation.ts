// Counting a repeated movement of unknown shape: the generic mode (burpees, squats, presses, curls,
// physiotherapy) and limb-worn sensors. The person's own first reps define a rep:
//
// 1. the samples go on an even 50 ms grid (any rate, gaps filled), and the points of the current
//    bout are kept;
// 2. until the movement has repeated for a few periods, the bout is studied every half second
//    (first-reps.ts): its period, rest pose, typical rep;
// 3. once it has, the bout so far is counted as it would have been live (those first reps are told
//    late, at their true times), and counting goes on live (return-counter.ts); from the second
//    period on, before that, the first reps are told provisionally, and the settled count only adds
//    the reps they missed;
// 4. when no rep has come for a while, the bout is over: the next movement is learned afresh, so a
//    faster, slower or smaller block, or another set, is the person's own again.
//
// Nothing here names a device axis or a clock time of the person's movement: distances between
// acceleration vectors and shares of the period, so the count is the same however the sensor is
// worn, sampled or paced.

import type { MotionEvent } from './events.ts';
import { RAD_TO_DEG } from './filters.ts';
import { type BoutPoints, learnFirstReps, type RepModel } from './first-reps.ts';
import { UniformGrid } from './grid.ts';
import type { PeriodEstimate } from './period.ts';
import type { OscillationSettings } from './profiles.ts';
import { type CountedRep, MIN_GAP_PERIODS, ReturnCounter } from './return-counter.ts';

const GRID_MS = 50;
// Missing steps over up to this long are filled in (a 4.6 Hz advertising tag drops a few seconds).
const MAX_GAP_MS = 4000;
// The bout's points kept: a few periods of the slowest reps.
const KEEP_MS = 45000;
const LEARN_EVERY_MS = 500;
// A movement too small (or, on the torso, too flat) to be reps is looked at again only this many
// periods later: it rarely grows into a set within a rep, and the look costs far more than counting.
const SMALL_WAIT_PERIODS = 2;
// A period seen clearly holds this share of itself while a short set ends and the clarity fades.
const RECENT_PERIODS = 0.5;
// No rep for this many periods: the bout is over.
const PAUSE_PERIODS = 1.7;

export class OscillationCounter {
  private readonly grid = new UniformGrid(GRID_MS, MAX_GAP_MS, (t, x, y, z) => this.point(t, x, y, z));
  private readonly settings: { minSizeG: number; minTurnRad: number };
  // The latest points (t, x, y, z each); the bout is those from boutStartMs on.
  private readonly points: number[] = [];
  private boutStartMs = Number.NEGATIVE_INFINITY;
  private nextLearnMs = Number.NEGATIVE_INFINITY;
  private recent: (PeriodEstimate & { atMs: number }) | null = null;
  private counter: ReturnCounter | null = null;
  // The reps the person has shown in this set: a later block of the same movement is theirs too.
  private known: RepModel | null = null;
  // How many reps were told before the bout's count settled, and when the last of them ended.
  private told = 0;
  private lastToldMs = Number.NEGATIVE_INFINITY;
  private out: MotionEvent[] = [];

  constructor(settings: OscillationSettings) {
    this.settings = { minSizeG: settings.minSizeG, minTurnRad: (settings.minTurnDeg ?? 0) / RAD_TO_DEG };
  }

  update(tMs: number, x: number, y: number, z: number, out: MotionEvent[]): void {
    this.out = out;
    this.grid.push(tMs, x, y, z);
  }

  private point(t: number, x: number, y: number, z: number): void {
    const points = this.points;
    points.push(t, x, y, z);
    // Trimmed in batches: one splice per few seconds, not per point.
    const keep = 4 * Math.round(KEEP_MS / GRID_MS);
    if (points.length > keep + 400) points.splice(0, points.length - keep);
    const counter = this.counter;
    if (counter) {
      const rep = counter.step(t, GRID_MS, x, y, z);
      if (rep) this.emit(rep, t);
      if (t - counter.lastActiveMs > PAUSE_PERIODS * counter.periodMs) {
        // The next bout starts at the last rep, not when the counter last had news: a rep under
        // way when the set was learned, and missed, is then counted by the next look.
        this.boutStartMs = counter.lastRepMs;
        this.counter = null;
        this.recent = null;
      }
    } else if (t >= this.nextLearnMs) {
      this.learn(t);
    }
  }

  private learn(now: number): void {
    const points = this.points;
    let first = 0;
    while (first < points.length && points[first] < this.boutStartMs) first += 4;
    const bout: BoutPoints = {
      data: points,
      first,
      stepMs: GRID_MS,
      afterRep: this.boutStartMs > Number.NEGATIVE_INFINITY,
    };
    const recent =
      this.recent && now - this.recent.atMs <= RECENT_PERIODS * this.recent.periodMs ? this.recent : null;
    const { period, model, tooSmall, settled } = learnFirstReps(bout, now, this.settings, recent, this.known);
    if (period) this.recent = { ...period, atMs: now };
    const known = period ?? recent;
    this.nextLearnMs = now + (tooSmall && known ? SMALL_WAIT_PERIODS * known.periodMs : LEARN_EVERY_MS);
    if (!model) return;
    // The bout so far, counted as it would have been live.
    const counter = new ReturnCounter(model, now);
    const reps: CountedRep[] = [];
    for (let o = first + 4 * model.fromPoint; o < points.length; o += 4) {
      const rep = counter.step(points[o], GRID_MS, points[o + 1], points[o + 2], points[o + 3]);
      if (rep) reps.push(rep);
    }
    // A repeated movement shows at least two reps a good share of a period apart: one look-alike
    // move before another, or one move that wobbled on its way back, is not a set.
    if (reps.length < 2 || reps[reps.length - 1].tMs - reps[0].tMs < MIN_GAP_PERIODS * model.periodMs) return;
    // Each rep is told once: the first reps of a later look at the bout stand for those already
    // told, wherever it puts them, and the settled count adds the rest. A provisional look may find
    // one more rep before those told (a move into position): one of its reps is new only once it
    // comes apart from the last told. Reps told before the rest this look counts from were of an
    // earlier movement that never settled, and stand for none of these.
    if (this.lastToldMs < points[first + 4 * model.fromPoint]) this.forgetTold();
    const fresh = reps
      .slice(this.told)
      .filter((rep) => settled || rep.tMs - this.lastToldMs >= MIN_GAP_PERIODS * model.periodMs);
    for (const rep of fresh) this.emit(rep, now);
    if (!settled) {
      this.told += fresh.length;
      this.lastToldMs = fresh.at(-1)?.tMs ?? this.lastToldMs;
      return;
    }
    this.forgetTold();
    this.counter = counter;
    // Only reps that stand on their own define the person's: a low block judged by them does not.
    if (model.size >= this.settings.minSizeG) this.known = model;
  }

  private forgetTold(): void {
    this.told = 0;
    this.lastToldMs = Number.NEGATIVE_INFINITY;
  }

  private emit(rep: CountedRep, emittedMs: number): void {
    this.out.push({ type: 'rep', tMs: rep.tMs, emittedMs, startMs: rep.startMs, peakDeg: rep.peakDeg });
  }
}
