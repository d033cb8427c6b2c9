// What a person's first reps teach the generic counter: how long a rep takes, the pose they rest in
// between reps, how far a rep takes them from it and where to. Everything is measured from the
// movement (distances between acceleration vectors, correlations over all three axes), so none of
// it depends on how the sensor is worn; times are shares of the person's own period, so none of it
// depends on their pace.

import { LowPass3, median, norm3 } from './filters.ts';
import { type PeriodEstimate, type PeriodSearch, repetitionPeriod } from './period.ts';

export type Vec3 = [number, number, number];

/** The two ends of a movement's path (see pathEnds). */
interface PathEnds {
  readonly a: Vec3;
  readonly b: Vec3;
}

/** A bout's points on the counter's grid: t, x, y, z per point. */
export interface BoutPoints {
  readonly data: readonly number[];
  /** Index of the bout's first point (a multiple of 4). */
  readonly first: number;
  readonly stepMs: number;
  /**
   * The bout starts where the last bout's last rep was counted, on the way back to rest: its first
   * point is no pose the person held.
   */
  readonly afterRep?: boolean;
}

/** What counting needs to know of a rep. */
export interface RepModel {
  readonly periodMs: number;
  /** Where the person rests between reps. */
  readonly rest: Vec3;
  /** Where every rep went, or null when the reps do not share one far pose. */
  readonly far: Vec3 | null;
  /** How far from rest a typical rep goes, in g. */
  readonly size: number;
  /** The mean of the reps' farthest poses (whether or not they share one). */
  readonly reach: Vec3;
  /** The bout's point from which to count: the first pose the person held. */
  readonly fromPoint: number;
  /** That pose is the top of a rep they came to from rest: counting starts out on that rep. */
  readonly startsAtFar: boolean;
}

export interface FirstRepsSettings {
  /** Smallest rep, in g of the acceleration vector away from rest. */
  readonly minSizeG: number;
  /** Smallest turn of the sensor a rep must make (rad), or 0 (see OscillationSettings). */
  readonly minTurnRad: number;
}

/** The smoothing of the counted signal, as a share of the period: noise out, a quick rep's shape kept. */
export const SMOOTH_SHARE = 0.05;

// Reps take from under a second (a brisk curl played fast) to over ten (a slow burpee).
export const PERIOD_SEARCH: PeriodSearch = {
  minMs: 900,
  maxMs: 14000,
  minClarity: 0.45,
  harmonicShare: 0.75,
  span: 3,
  rejectsQuicker: true,
};
// The autocorrelation runs on every other grid point: a tenth of a second is fine enough for it.
const DECIMATE = 2;
// Below this RMS movement (share of the smallest rep) the bout is still: nothing to learn.
const ACTIVE_SHARE = 0.25;
// Moved less than this (share of the smallest rep) over this long: the movement has stopped. Small
// shifts between two blocks of a set sit near any one such line, so the period is looked for up to
// where either of two lines puts the end, and the clearer one is kept.
const MOVED_SHARES = [0.5, 1];
const MOVED_LAG_MS = 500;
// Two successive periods from here on look alike (concordance): the repeating movement has begun.
const START_MATCH = 0.5;
// Learn from this many periods of repeated movement, and, for quick movement, from at least this
// long or this many periods: a few wobbles repeat too.
const LEARN_PERIODS = 2.5;
const LEARN_MIN_MS = 6000;
const LEARN_MAX_PERIODS = 4;
// Two periods are the least that show one (and for quick movement, as long as above: a few wobbles
// repeat too): the first reps may be told from then on, before the count settles, if the movement
// clearly repeats (this correlation), leaves a rest pose and comes back to it each period (not one
// guessed from the path's ends), and each of those periods, two at least, went about as far (the
// smallest at least this share of the largest: one period alone compares with nothing, and a move
// into position before it is counted too). A rep once told is never taken back: doubtful first reps
// wait for the settled count.
const EARLY_PERIODS = 2;
const EARLY_CLARITY = 0.7;
const EARLY_ALIKE = 0.75;
// A period seen less clearly over three periods is as clear if the latest two agree on it, within
// this share.
const EARLY_AGREE = 0.1;
// A short set that has ended is learned sooner: this many periods, then still for this long
// (a share of the period, at least STOPPED_MIN_MS) within this share of a rep.
const SHORT_SET_PERIODS = 1.7;
const STOPPED_PERIODS = 0.35;
const STOPPED_MIN_MS = 1500;
const STOPPED_SHARE = 0.25;
// Two reps judged once the movement has stopped: the smaller at least this share of the larger.
const STOPPED_ALIKE = 2 / 3;
// The ends of the movement's path: the outer band of this share of its range along its main axis,
// over the latest periods (not the move into position before them).
const END_BAND = 0.15;
const ENDS_PERIODS = 2;
// Near a pose: within this share of the path's length.
const NEAR_SHARE = 0.25;
// Rest is looked for from this many periods before the repeating movement.
const LOOK_BACK_PERIODS = 2;
// Still within this share of the path's length of one end (and far from the other) before the
// movement first reaches either: the person rests on that side, a little short of the end a rep
// swings through, and the other end is the rep's far pose, however long the person dwells there.
const SIDE_SHARE = 0.35;
// Still: within this share of the path's length for this share of a period.
const STILL_SHARE = 0.2;
const STILL_PERIODS = 0.1;
// A pose the bout opens in is held if the person stays in it from the first point for this share of
// the stillness window, and moves no farther than a movement from rest that takes the whole window
// to go the still distance (the distance scaled by the time's square): a set cut tightly leaves only
// a moment of the rest before its first rep, while a move into position that starts from the first
// point moves farther, however gently it sets off.
const OPENING_HELD_SHARE = 0.3;
// Two low-passes of one time constant settle to within a tenth of a step in about four.
const SETTLE_TAUS = 4;
/** The point of a bout from which its smoothing (SMOOTH_SHARE of a period) no longer holds its first. */
const settledFrom = (L: number) => Math.ceil(SETTLE_TAUS * SMOOTH_SHARE * L);
/** The window over which the person is judged still (STILL_PERIODS of a period), in points. */
const stillWindow = (L: number) => Math.max(2, Math.round(STILL_PERIODS * L));
// A pose across the path from another: farther from it than this share of the path's length.
const ACROSS_SHARE = 0.5;
// A move into position is one way of a rep: over within this share of a period.
const ONE_WAY_SHARE = 0.5;
// Waiting before a block: still for this share of a period.
const IDLE_PERIODS = 0.5;
// A rest pose is one the movement comes back near, and goes this far from, every period.
const AWAY_SHARE = 0.6;
// The far pose is every rep's only if each period's farthest point is this close to their mean.
const FAR_SCATTER = 0.25;
// A typical period comes back to within this share of a rep's size from rest.
const RETURN_SHARE = 0.3;
// Closest approaches to rest: one per this share of a period around it.
const APPROACH_SHARE = 0.3;
// Once the person has shown their reps, a later block of the same movement (along the same line,
// from a rest on it: within this cosine and this share of the known path) is theirs even if it
// repeats less clearly; and a block of low reps (at most the first, at least the second share of
// the person's own) counts down to this share of the smallest rep. A low-amplitude block on a
// limb that barely moves (an upper arm in a curl) is a quarter of the person's reps or less.
const KNOWN_MIN_COS = 0.8;
const KNOWN_OFF_SHARE = 0.3;
const KNOWN_MIN_CLARITY = 0.38;
const LOW_BLOCK_MAX_SHARE = 0.6;
const LOW_BLOCK_MIN_SHARE = 0.25;
const LOW_BLOCK_FLOOR_SHARE = 0.4;

/**
 * The rep model of a bout, once its first reps have shown it; null while they have not (or the
 * movement does not repeat, or is too small). `recent` is a period seen a moment ago, used while a
 * short set that has just ended no longer shows its period clearly.
 */
export function learnFirstReps(
  points: BoutPoints,
  nowMs: number,
  settings: FirstRepsSettings,
  recent: PeriodEstimate | null,
  known: RepModel | null = null,
): { period: PeriodEstimate | null; model: RepModel | null; tooSmall: boolean; settled: boolean } {
  const none = { period: null, model: null, tooSmall: false, settled: false };
  const { data, first, stepMs } = points;
  const n = (data.length - first) / 4;
  if (n * stepMs < 2 * PERIOD_SEARCH.minMs) return none;
  const v = decimated(points, n);
  if (rms(v) < ACTIVE_SHARE * settings.minSizeG) return none;
  const step = stepMs * DECIMATE;
  // Once the person has shown their reps, a fainter repetition is looked at too: it counts only if
  // it is more of the same movement (see onKnownLine). A block of their low reps moves less, so it
  // has stopped only once it moves less than their low reps would.
  const clear = clearestPeriod(v, step, settings.minSizeG, PERIOD_SEARCH);
  const faint =
    !clear.found && !recent && known
      ? clearestPeriod(v, step, Math.min(settings.minSizeG, LOW_BLOCK_MIN_SHARE * known.size), {
          ...PERIOD_SEARCH,
          minClarity: KNOWN_MIN_CLARITY,
          // Low reps move little: a tremor on top of them repeats quicker, and must not hide them.
          rejectsQuicker: false,
        })
      : null;
  // Before the movement shows its period clearly over three of them, two periods alike show it,
  // provisionally.
  const twoAlike =
    (clear.found?.clarity ?? 0) < EARLY_CLARITY && !recent && !faint?.found
      ? clearestPeriod(v, step, settings.minSizeG, { ...PERIOD_SEARCH, span: 2, minClarity: EARLY_CLARITY })
      : null;
  const { moving } = faint?.found ? faint : !clear.found && twoAlike?.found ? twoAlike : clear;
  const period = clear.found ?? recent ?? faint?.found ?? twoAlike?.found;
  if (!period) return none;
  const provisional = period === twoAlike?.found;
  const result = (model: RepModel | null, tooSmall = false, settled = false) => ({
    period: clear.found,
    model,
    tooSmall,
    settled,
  });
  const L = Math.round(period.periodMs / stepMs);
  if (n < 2 * L + 2) return result(null);
  const s = smoothed(points, n, SMOOTH_SHARE * period.periodMs);
  const start = repeatingFrom(s, n, L);
  if (start < 0) return result(null);

  const ends = pathEnds(s, Math.max(start, n - ENDS_PERIODS * L), n);
  const length = dist(ends.a, ends.b);
  const from = Math.max(0, start - LOOK_BACK_PERIODS * L);
  // Two periods in, the latest approach to rest may not be over: it is left out until it is.
  const seen = provisional ? n - Math.round(APPROACH_SHARE * L) : n;
  const restNear = (guess: Vec3) =>
    closestApproaches(s, start, seen, L, closestApproaches(s, start, seen, L, guess, length), length);
  let stillPose = stillRest(points, s, from, start, n, L, ends, length, 'any');
  // The pose a bout opens in is taken as the rest, still or not; but if the person did not hold it,
  // and within one way of a rep holds still across the path from it, the opening was their move
  // into position and the pose they hold is the rest. While such a pose is not yet told to be one the
  // reps come back to, the opening is no rest to count early from.
  const stillAcrossFrom = (pose: Vec3) =>
    stillSomewhere(
      points,
      s,
      from,
      Math.min(n, Math.floor(ONE_WAY_SHARE * L) + stillWindow(L)),
      L,
      length,
      pose,
      (d) => d > ACROSS_SHARE * length,
    );
  let unheld = false;
  if (stillPose && stillPose.index < settledFrom(L)) {
    const held = stillRest(points, s, from, start, n, L, ends, length, 'held');
    if (held && held.index <= ONE_WAY_SHARE * L && dist(held.pose, stillPose.pose) > ACROSS_SHARE * length)
      stillPose = held;
    else unheld = held === null && stillAcrossFrom(stillPose.pose);
  }
  let firstRest = stillPose ?? firstEnd(s, from, n, ends, length, L);
  let rest = restNear(firstRest.pose);
  // A bout after a pause opens where its last rep was counted, on the way back to rest: the rest it
  // leads to is the person's only if they hold it, not a pose the movement passes by.
  const holdsRest = () =>
    stillSomewhere(points, s, settledFrom(L), n, L, length, rest, (d) => d < NEAR_SHARE * length);
  if (points.afterRep && stillPose?.index === 0 && !holdsRest()) {
    stillPose = stillRest(points, s, from, start, n, L, ends, length, 'none');
    firstRest = stillPose ?? firstEnd(s, from, n, ends, length, L);
    rest = restNear(firstRest.pose);
  }

  // Size and far pose from the latest full periods, counted back from where the movement stopped:
  // the oldest may hold the move into position, and the stillness after a short set may be in a
  // pose of its own.
  const moved = Math.max(start + L, Math.min(n, moving * DECIMATE));
  let periods = periodsAbout(s, start, moved, L, rest);
  // A later block of the person's reps may open the other way round (the first pose it settles
  // near is where the reps go): if they waited still just before it at the end taken for far, that
  // end is their rest.
  const idle = known ? idlePose(s, start, L, length) : null;
  if (idle && dist(idle, periods.far) < dist(idle, rest)) {
    rest = closestApproaches(s, start, n, L, periods.far, length);
    periods = periodsAbout(s, start, moved, L, rest);
  }
  const { peaks, returns, farthest, far } = periods;
  const size = median(peaks);
  const like = known !== null && onKnownLine(rest, far, known);
  if (period === faint?.found && !like) return result(null);
  // A block of low reps: along the person's line, clearly smaller than their own reps but a good
  // share of them.
  const low = like && size <= LOW_BLOCK_MAX_SHARE * known.size && size >= LOW_BLOCK_MIN_SHARE * known.size;
  const minSize = (low ? LOW_BLOCK_FLOOR_SHARE : 1) * settings.minSizeG;
  if (size < minSize) return result(null);
  // A pose the reps do not come back to is not their rest: the pose held before the set, while
  // the limb moves about another one (a hand hanging differently once the trunk rocks).
  if (median(returns) > RETURN_SHARE * size) return result(null);
  // On the torso, a rep turns it, every period and from one end of the path to the other: brief
  // jolts (a leg thumping down beside a chest strap) turn it for a moment only.
  if (settings.minTurnRad > 0) {
    const cosTurns = peaksOf(start, n, L, (i) => -cosine(s[3 * i], s[3 * i + 1], s[3 * i + 2], rest));
    const turn = median(cosTurns.map((c) => Math.acos(Math.max(-1, Math.min(1, -c)))));
    const endsTurn = Math.acos(Math.max(-1, Math.min(1, cosine(ends.a[0], ends.a[1], ends.a[2], ends.b))));
    if (Math.min(turn, endsTurn) < settings.minTurnRad) return result(null, true);
  }
  const scatter = Math.max(...farthest.map((i) => distAt(s, i, far)));
  const sharedFar = farthest.length >= 2 && scatter <= FAR_SCATTER * dist(far, rest) ? far : null;

  const t0 = data[first + 4 * start];
  const span = nowMs - t0;
  const quickMs = Math.min(LEARN_MIN_MS, LEARN_MAX_PERIODS * period.periodMs);
  // How far the smallest rep went, as a share of the largest.
  const peakRatio = Math.min(...peaks) / Math.max(...peaks);
  // Reps learned from two periods alone, once the movement has stopped (its period is no longer
  // seen), must go about as far: two moves of a setup, a lean and a deeper bend, repeat as well.
  const mayLearn = !provisional && (peaks.length > 2 || period === clear.found || peakRatio >= STOPPED_ALIKE);
  let learned = mayLearn && span >= Math.max(LEARN_PERIODS * period.periodMs, quickMs);
  if (!learned && mayLearn && span >= SHORT_SET_PERIODS * period.periodMs) {
    const still = Math.round(Math.max(STOPPED_PERIODS * period.periodMs, STOPPED_MIN_MS) / stepMs);
    learned = n - still > start && spread(s, n - still, n) < STOPPED_SHARE * size;
  }
  const agrees = twoAlike?.found
    ? Math.abs(twoAlike.found.periodMs - period.periodMs) <= EARLY_AGREE * period.periodMs
    : false;
  const early =
    span >= Math.max(EARLY_PERIODS * period.periodMs, quickMs) &&
    stillPose !== null &&
    !unheld &&
    (provisional || (clear.found?.clarity ?? 0) >= EARLY_CLARITY || agrees) &&
    peaks.length >= EARLY_PERIODS &&
    peakRatio >= EARLY_ALIKE;
  if (!learned && !early) return result(null);
  return result(
    {
      periodMs: period.periodMs,
      rest,
      far: sharedFar,
      size,
      reach: far,
      fromPoint: firstRest.index,
      startsAtFar: cameFromRest(s, from, firstRest, rest, far),
    },
    false,
    learned,
  );
}

/**
 * Whether a movement from rest to far is more of the person's known reps: along the same line, either
 * way (the pose taken for rest at a block's start may be either end), from a rest on that line.
 */
function onKnownLine(rest: Vec3, far: Vec3, known: RepModel): boolean {
  const line = direction(known.rest, known.reach);
  const length = dist(known.rest, known.reach);
  const way = direction(rest, far);
  const cos = dot(way, line);
  const d = minus(rest, known.rest);
  const along = dot(d, line);
  const off = norm3(d[0] - along * line[0], d[1] - along * line[1], d[2] - along * line[2]);
  return length > 0 && Math.abs(cos) >= KNOWN_MIN_COS && off <= KNOWN_OFF_SHARE * length;
}

/** The pose held still for half a period just before `start`, or null when the person moved. */
function idlePose(s: Float64Array, start: number, L: number, length: number): Vec3 | null {
  const at = start - 1;
  const from = at - Math.max(2, Math.round(IDLE_PERIODS * L));
  if (from < 0 || spread(s, from, at + 1) >= STILL_SHARE * length) return null;
  return [s[3 * at], s[3 * at + 1], s[3 * at + 2]];
}

/**
 * Each full period's farthest distance from rest, its nearest, and where it was farthest, counted
 * back from `to`; and the mean of those farthest poses.
 */
function periodsAbout(
  s: Float64Array,
  start: number,
  to: number,
  L: number,
  rest: Vec3,
): { peaks: number[]; returns: number[]; farthest: number[]; far: Vec3 } {
  const peaks: number[] = [];
  const returns: number[] = [];
  const farthest: number[] = [];
  for (let a = to - L; a >= start; a -= L) {
    let at = a;
    let most = distAt(s, a, rest);
    let nearest = Number.POSITIVE_INFINITY;
    for (let i = a; i < a + L; i++) {
      const d = distAt(s, i, rest);
      if (d > most) {
        at = i;
        most = d;
      }
      nearest = Math.min(nearest, d);
    }
    peaks.push(most);
    returns.push(nearest);
    farthest.push(at);
  }
  const far: Vec3 = [0, 0, 0];
  for (const at of farthest) for (let c = 0; c < 3; c++) far[c] += s[3 * at + c] / farthest.length;
  return { peaks, returns, farthest, far };
}

/** The unit vector from a to b (zero when they coincide). */
export function direction(a: Vec3, b: Vec3): Vec3 {
  const d = dist(a, b);
  return d > 0 ? [(b[0] - a[0]) / d, (b[1] - a[1]) / d, (b[2] - a[2]) / d] : [0, 0, 0];
}

/**
 * The clearest period of the movement up to where it stopped, by either of the two lines of
 * stopping (MOVED_SHARES), and that end; found is null when it does not clearly repeat.
 */
function clearestPeriod(
  v: Float64Array,
  stepMs: number,
  minSizeG: number,
  search: PeriodSearch,
): { found: PeriodEstimate | null; moving: number } {
  let moving = movingEnd(v, stepMs, MOVED_SHARES[0] * minSizeG);
  let found = repetitionPeriod(v.subarray(0, 3 * moving), stepMs, search);
  for (const share of MOVED_SHARES.slice(1)) {
    const end = movingEnd(v, stepMs, share * minSizeG);
    if (end === moving) continue;
    const other = repetitionPeriod(v.subarray(0, 3 * end), stepMs, search);
    if (other && (!found || other.clarity > found.clarity)) {
      found = other;
      moving = end;
    }
  }
  return { found, moving };
}

/** Means of DECIMATE grid points. */
function decimated(points: BoutPoints, n: number): Float64Array {
  const m = Math.floor(n / DECIMATE);
  const v = new Float64Array(3 * m);
  for (let j = 0; j < m; j++)
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let k = 0; k < DECIMATE; k++) sum += points.data[points.first + 4 * (j * DECIMATE + k) + 1 + c];
      v[3 * j + c] = sum / DECIMATE;
    }
  return v;
}

/** Root mean square distance of the points from their mean. */
function rms(v: Float64Array): number {
  const m = v.length / 3;
  const mean = [0, 0, 0];
  for (let j = 0; j < m; j++) for (let c = 0; c < 3; c++) mean[c] += v[3 * j + c] / m;
  let sum = 0;
  for (let j = 0; j < m; j++) for (let c = 0; c < 3; c++) sum += (v[3 * j + c] - mean[c]) ** 2;
  return Math.sqrt(sum / m);
}

/**
 * The end of the points that still moved, and a little after: the period of a set that has just
 * ended is judged on its reps, not blurred by the stillness after them.
 */
function movingEnd(v: Float64Array, stepMs: number, minMoveG: number): number {
  const m = v.length / 3;
  const lag = Math.max(1, Math.round(MOVED_LAG_MS / stepMs));
  let end = m;
  while (end > lag + 1) {
    const j = end - 1;
    const k = j - lag;
    const moved = norm3(v[3 * j] - v[3 * k], v[3 * j + 1] - v[3 * k + 1], v[3 * j + 2] - v[3 * k + 2]);
    if (moved > minMoveG) break;
    end--;
  }
  return Math.min(m, end + lag);
}

/** The bout's points through two first-order low-passes (the counter's own smoothing). */
function smoothed(points: BoutPoints, n: number, tauMs: number): Float64Array {
  const one = new LowPass3(tauMs);
  const two = new LowPass3(tauMs);
  const s = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const o = points.first + 4 * i;
    one.update(points.stepMs, points.data[o + 1], points.data[o + 2], points.data[o + 3]);
    two.update(points.stepMs, one.x, one.y, one.z);
    s[3 * i] = two.x;
    s[3 * i + 1] = two.y;
    s[3 * i + 2] = two.z;
  }
  return s;
}

/**
 * Where the movement starts repeating: the first point from which a period of movement looks like
 * the next one, shape and size (Lin's concordance about their joint mean, 1 = the same). A period
 * that holds a change of pose does not match one that does not, however their shapes correlate.
 * Prefix sums make each point's test O(1).
 */
function repeatingFrom(s: Float64Array, n: number, L: number): number {
  const sum = new Float64Array(3 * (n + 1));
  const sq = new Float64Array(n + 1);
  const lagged = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    let q = 0;
    let p = 0;
    for (let c = 0; c < 3; c++) {
      const v = s[3 * i + c];
      sum[3 * (i + 1) + c] = sum[3 * i + c] + v;
      q += v * v;
      if (i + L < n) p += v * s[3 * (i + L) + c];
    }
    sq[i + 1] = sq[i] + q;
    lagged[i + 1] = lagged[i] + p;
  }
  for (let a = 0; a + 2 * L <= n; a++) {
    const b = a + L;
    let aa = sq[b] - sq[a];
    let bb = sq[b + L] - sq[b];
    let ab = lagged[b] - lagged[a];
    for (let c = 0; c < 3; c++) {
      const sa = sum[3 * b + c] - sum[3 * a + c];
      const sb = sum[3 * (b + L) + c] - sum[3 * b + c];
      const mean = (sa + sb) / (2 * L);
      ab += -mean * (sa + sb) + L * mean * mean;
      aa += -2 * mean * sa + L * mean * mean;
      bb += -2 * mean * sb + L * mean * mean;
    }
    if (aa + bb > 0 && (2 * ab) / (aa + bb) >= START_MATCH) return a;
  }
  return -1;
}

/** The two ends of the path over [from, to): the means of its outer bands along its main axis. */
function pathEnds(s: Float64Array, from: number, to: number): PathEnds {
  const n = to - from;
  const mean: Vec3 = [0, 0, 0];
  for (let i = from; i < to; i++) for (let c = 0; c < 3; c++) mean[c] += s[3 * i + c] / n;
  const cov = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = from; i < to; i++)
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) cov[3 * r + c] += (s[3 * i + r] - mean[r]) * (s[3 * i + c] - mean[c]);
  // The main axis by power iteration: a few dozen steps settle it for any 3 × 3 covariance.
  let u: Vec3 = [1, 1, 1];
  for (let it = 0; it < 30; it++) {
    const w: Vec3 = [0, 0, 0];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) w[r] += cov[3 * r + c] * u[c];
    const norm = norm3(w[0], w[1], w[2]) || 1;
    u = [w[0] / norm, w[1] / norm, w[2] / norm];
  }
  const along = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < 3; c++) along[i] += (s[3 * (from + i) + c] - mean[c]) * u[c];
  const sorted = Float64Array.from(along).sort();
  const lo = sorted[Math.floor(0.05 * (n - 1))];
  const hi = sorted[Math.ceil(0.95 * (n - 1))];
  const band = END_BAND * (hi - lo);
  const a: Vec3 = [0, 0, 0];
  const b: Vec3 = [0, 0, 0];
  let na = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    const end = along[i] < lo + band ? a : along[i] > hi - band ? b : null;
    if (!end) continue;
    for (let c = 0; c < 3; c++) end[c] += s[3 * (from + i) + c];
    if (end === a) na++;
    else nb++;
  }
  for (let c = 0; c < 3; c++) {
    a[c] /= na || 1;
    b[c] /= nb || 1;
  }
  return { a, b };
}

/**
 * The first pose, from `from` on, where the person is still (or, opens `any`, the pose the bout
 * starts in, still or not: a set cut tightly starts with its first rep) and that the movement of
 * the next two periods comes back near and goes far from, each period; or, failing that, the first
 * such pose held before the repeating movement (from `start`) that its first two periods do.
 */
function stillRest(
  points: BoutPoints,
  s: Float64Array,
  from: number,
  start: number,
  to: number,
  L: number,
  ends: PathEnds,
  length: number,
  opens: 'any' | 'held' | 'none',
): { pose: Vec3; index: number } | null {
  const w = stillWindow(L);
  // The smoothing follows the bout's first point for a few of its time constants, holding any pose
  // the bout starts in still: without the opening (`none`), nothing before it has caught up is judged
  // still; with the opening only if held (`held`), the bout's own points must be still until then,
  // or the opening held from the first point for a moment (OPENING_HELD_SHARE).
  const settled = settledFrom(L);
  // A pose held before the repeating movement that its first two periods come back to, though the
  // two right after it did not (the first reps were slower, or paused at rest): the rest, unless a
  // later point of the same stillness is one the next two periods come back to. Taking instead the
  // first pose those two periods come back to, at whatever pace, may take a pose the reps pass
  // through on their way (counted twice a rep) for the rest, as the looks' timing falls. They come
  // back to it also where it lies a little beyond the end of their path: a person who holds each
  // raise and drops back only for a moment (a side-lying leg raise) reaches their rest too briefly
  // for the smoothed path, which turns back a little short of it; the held raise is no rest.
  let held: { pose: Vec3; index: number } | null = null;
  // The bout's first points, still from the first for a moment (see OPENING_HELD_SHARE).
  const m = Math.max(2, Math.ceil(OPENING_HELD_SHARE * w));
  const heldOpening = opens === 'held' && rawSpread(points, 0, m) <= STILL_SHARE * length * (m / w) ** 2;
  for (let i = from; i + w + 2 * L <= to; i++) {
    const opening = i === 0 && (opens === 'any' || heldOpening);
    const still =
      opening ||
      ((opens !== 'none' || i >= settled) &&
        stillOver(points, s, i, i + w, length, opens === 'held' && i < settled));
    if (!still) {
      if (held) return held;
      continue;
    }
    const at = opening ? i : i + (w >> 1);
    const pose: Vec3 = [s[3 * at], s[3 * at + 1], s[3 * at + 2]];
    if (returnsTo(s, pose, i + w, L, length)) return { pose, index: i };
    if (!held && i + w < start && returnsTo(s, pose, start, L, length, beyondEnd(pose, ends, length)))
      held = { pose, index: i };
  }
  return held;
}

/**
 * Whether the person is still over [from, to): the smoothed points, and `raw`, the bout's own points
 * too (while the smoothing still holds its first point, only they tell).
 */
function stillOver(
  points: BoutPoints,
  s: Float64Array,
  from: number,
  to: number,
  length: number,
  raw: boolean,
): boolean {
  return (
    spread(s, from, to) <= STILL_SHARE * length &&
    (!raw || rawSpread(points, from, to) <= STILL_SHARE * length)
  );
}

/**
 * Whether the person holds still, in a window starting from `from` on and ending by `to`, somewhere
 * whose distance from `pose` passes `where`.
 */
function stillSomewhere(
  points: BoutPoints,
  s: Float64Array,
  from: number,
  to: number,
  L: number,
  length: number,
  pose: Vec3,
  where: (distance: number) => boolean,
): boolean {
  const w = stillWindow(L);
  const settled = settledFrom(L);
  for (let i = from; i + w <= to; i++)
    if (where(distAt(s, i + (w >> 1), pose)) && stillOver(points, s, i, i + w, length, i < settled))
      return true;
  return false;
}

/**
 * How far a pose lies beyond the nearer end of the path, along it, if only a little beyond (no
 * farther than the person may drift while still, STILL_SHARE of the path); 0 otherwise.
 */
function beyondEnd(pose: Vec3, ends: PathEnds, length: number): number {
  const [end, other] = dist(pose, ends.a) <= dist(pose, ends.b) ? [ends.a, ends.b] : [ends.b, ends.a];
  const out = direction(other, end);
  const along = dot(minus(pose, end), out);
  return along > 0 && along <= STILL_SHARE * length ? along : 0;
}

/**
 * Whether the movement comes back near a pose, and goes far from it, in each of two periods from `a`;
 * near the pose, or as near as `beyond` less (how far it lies beyond the path's end, see beyondEnd).
 */
function returnsTo(s: Float64Array, pose: Vec3, a: number, L: number, length: number, beyond = 0): boolean {
  if (a + 2 * L > s.length / 3) return false;
  for (let k = 0; k < 2; k++) {
    let nearest = Number.POSITIVE_INFINITY;
    let farthest = 0;
    for (let j = a + k * L; j < a + (k + 1) * L; j++) {
      const d = distAt(s, j, pose);
      nearest = Math.min(nearest, d);
      farthest = Math.max(farthest, d);
    }
    if (nearest >= NEAR_SHARE * length + beyond || farthest <= AWAY_SHARE * length) return false;
  }
  return true;
}

/**
 * Whether the first pose the person held is the far end of their reps, reached from rest: they
 * were holding the top of their first rep (a raise held for most of a period).
 */
function cameFromRest(
  s: Float64Array,
  from: number,
  first: { pose: Vec3; index: number },
  rest: Vec3,
  far: Vec3,
): boolean {
  if (dist(first.pose, far) >= dist(first.pose, rest)) return false;
  for (let i = first.index - 1; i >= from; i--) if (distAt(s, i, rest) < distAt(s, i, far)) return true;
  return false;
}

/** The end of the path that s first stays near (for a share of a period) from `from` on. */
function firstEnd(
  s: Float64Array,
  from: number,
  to: number,
  ends: PathEnds,
  length: number,
  L: number,
): { pose: Vec3; index: number } {
  const stay = Math.max(1, Math.round(STILL_PERIODS * L));
  let nearA = 0;
  let nearB = 0;
  for (let j = from; j < to; j++) {
    const dA = distAt(s, j, ends.a);
    const dB = distAt(s, j, ends.b);
    nearA = dA < NEAR_SHARE * length ? nearA + 1 : 0;
    nearB = dB < NEAR_SHARE * length ? nearB + 1 : 0;
    if (nearA >= stay) return { pose: ends.a, index: j - stay + 1 };
    if (nearB >= stay) return { pose: ends.b, index: j - stay + 1 };
    // Still on one side of the path before the first rep: that is where the person rests.
    if (j - stay + 1 >= from && spread(s, j - stay + 1, j + 1) < STILL_SHARE * length) {
      if (dA < SIDE_SHARE * length && dB > AWAY_SHARE * length) return { pose: ends.a, index: j - stay + 1 };
      if (dB < SIDE_SHARE * length && dA > AWAY_SHARE * length) return { pose: ends.b, index: j - stay + 1 };
    }
  }
  return { pose: ends.a, index: from };
}

/**
 * The mean pose at the movement's closest approaches to a guess of rest: the points nearest it
 * within a share of a period either side (the earliest of equals), and near it at all.
 */
function closestApproaches(
  s: Float64Array,
  from: number,
  to: number,
  L: number,
  guess: Vec3,
  length: number,
): Vec3 {
  const n = to - from;
  const e = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    e[i] = distAt(s, from + i, guess);
    max = Math.max(max, e[i]);
  }
  const w = Math.max(1, Math.round(APPROACH_SHARE * L));
  const limit = Math.min(0.5 * max, NEAR_SHARE * length);
  // A sliding minimum over [i − w, i + w]: a queue of indices with increasing distances.
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0;
  const sum: Vec3 = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (; next <= Math.min(n - 1, i + w); next++) {
      // Strictly greater are dropped: of equals, the earliest stays in front.
      while (tail > head && e[queue[tail - 1]] > e[next]) tail--;
      queue[tail++] = next;
    }
    while (queue[head] < i - w) head++;
    if (queue[head] !== i || e[i] > limit) continue;
    for (let c = 0; c < 3; c++) sum[c] += s[3 * (from + i) + c];
    count++;
  }
  return count ? [sum[0] / count, sum[1] / count, sum[2] / count] : guess;
}

/** The largest value of f over each of the latest full periods, counted back from `to`. */
function peaksOf(start: number, to: number, L: number, f: (i: number) => number): number[] {
  const peaks: number[] = [];
  for (let a = to - L; a >= start; a -= L) {
    let most = Number.NEGATIVE_INFINITY;
    for (let i = a; i < a + L; i++) most = Math.max(most, f(i));
    peaks.push(most);
  }
  return peaks;
}

/** Length of the diagonal of the box around the smoothed points [from, to). */
const spread = (s: Float64Array, from: number, to: number) => boxDiagonal(s, 0, 3, from, to);

/** Length of the diagonal of the box around the bout's own points [from, to) (t, x, y, z each). */
const rawSpread = (points: BoutPoints, from: number, to: number) =>
  boxDiagonal(points.data, points.first + 1, 4, from, to);

/** Length of the diagonal of the box around the points [from, to) of x, y, z laid out `stride` apart. */
function boxDiagonal(
  data: ArrayLike<number>,
  offset: number,
  stride: number,
  from: number,
  to: number,
): number {
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (let i = from; i < to; i++)
    for (let c = 0; c < 3; c++) {
      const v = data[offset + stride * i + c];
      lo[c] = Math.min(lo[c], v);
      hi[c] = Math.max(hi[c], v);
    }
  return norm3(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]);
}

/** Cosine of the angle between a vector and a pose. */
const cosine = (x: number, y: number, z: number, r: Vec3) =>
  (x * r[0] + y * r[1] + z * r[2]) / (norm3(x, y, z) * norm3(r[0], r[1], r[2]));
const dist = (a: Vec3, b: Vec3) => norm3(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const minus = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const distAt = (s: Float64Array, i: number, r: Vec3) =>
  norm3(s[3 * i] - r[0], s[3 * i + 1] - r[1], s[3 * i + 2] - r[2]);
