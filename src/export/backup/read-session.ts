// Reads one session of a file: its row, its summary and its lists (sets, events, heart rate, raw
// motion), what it keeps beside its sets left out alone where it cannot be read.

import type { SessionBundle, SessionRow } from '../../store/records.ts';
import { summaryHoldMs, withSetsRecounted } from '../../store/summary.ts';
import { localUtcOffsetMin } from '../../workout/calendar.ts';
import { MAX_SET_COUNT } from '../../workout/count-corrections.ts';
import { LIMITS } from '../../workout/settings.ts';
import {
  DAY_MS,
  EARLIEST_START_MS,
  EXERCISE_IDS,
  HEART_RATE,
  LATEST_START_MS,
  LENGTH,
  MAX_BPM,
  MAX_SESSION_MS,
  MAX_SESSION_SETS,
  PLACEMENTS,
  RECOVERY,
  timeInSession,
  WALL_TIME,
  WEIGHT,
} from './bounds.ts';
import { REPS_APART_FROM_BREATHS } from './format.ts';
import { readEvent, readHeartRate, readMotion, readSet } from './read-rows.ts';
import { readPauses, readSnapshot } from './read-saved-state.ts';
import type { Reader } from './reader.ts';

export function readBundle(r: Reader, now: number, version: number): SessionBundle {
  const session = readSession(r.field('session'), now + DAY_MS, version);
  const own = <T extends { sessionId: string }>(row: T, at: Reader): T => {
    if (row.sessionId !== session.id) at.fail(`belongs to session ${row.sessionId}, not ${session.id}`);
    return row;
  };
  const sets = r.field('sets').array((s) => own(readSet(s), s));
  // The events log what the detectors and the voice said as the session ran, and the heart-rate chunks
  // its readings: the sets keep what was done, so one that cannot be read is left out and said, as a
  // chunk of raw motion is, where it kept the whole session out.
  const events = r
    .field('events')
    .array((e) => e.orPutRight((x) => own(readEvent(x), x), 'that event was left out'))
    .filter((event) => event !== null);
  const heartRate = r
    .field('heartRate')
    .array((c) => c.orPutRight((h) => own(readHeartRate(h), h), 'that part of its heart rate was left out'))
    .filter((chunk) => chunk !== null);
  // Raw motion is what the session's counts were made from, not what it keeps of them: a chunk that
  // cannot be read is left out and said, the session's sets, holds and heart rate imported whole, where
  // it kept the whole session, and with it every other in the file, out.
  const motion = r
    .field('motion')
    .array((c) => c.orPutRight((m) => own(readMotion(m), m), 'that part of its raw motion was left out'))
    .filter((chunk) => chunk !== null);
  r.refuseUnknown(['session', 'sets', 'events', 'heartRate', 'motion']);
  // A backup written before the time held was totalled in whole seconds carries the sum of the
  // milliseconds, and one written before the sets cut short were counted calls them done: the
  // session's time held is what its holds' rows add up to, and its sets (and a bird dog's reps per
  // side, told as a total before, and the time held in holds broken by a pause, not told before) are
  // counted from their rows, as on upgrade.
  const summary = { ...withSetsRecounted(session.summary, sets), holdMs: summaryHoldMs(sets) };
  const same =
    summary.holdMs === session.summary.holdMs &&
    summary.skipped === session.summary.skipped &&
    summary.cutShort === session.summary.cutShort &&
    summary.pausedHoldMs === session.summary.pausedHoldMs &&
    JSON.stringify(summary.perSide) === JSON.stringify(session.summary.perSide);
  return { session: same ? session : { ...session, summary }, sets, events, heartRate, motion };
}

/** A session row; `latest` (epoch ms) is the latest its time away (gaps) can have lasted until. */
function readSession(r: Reader, latest: number, version: number): SessionRow {
  const summary = r.field('summary');
  const snapshot = r.field('snapshot');
  const startedAt = r.field('startedAt').within(EARLIEST_START_MS, LATEST_START_MS, WALL_TIME);
  // The app may have been closed for longer than any session lasts: a gap is only bounded by now.
  const gaps = r.field('gaps').array((g) =>
    g.keep({
      atMs: timeInSession(g.field('atMs')),
      gapMs: g.field('gapMs').within(
        0,
        // A clock that was ahead when the session was recorded may put its start after now.
        Math.max(latest - startedAt, MAX_SESSION_MS),
        'should be a length of time from 0 to the time since the session began',
      ),
    }),
  );
  const timeAwayMs = gaps.reduce((sum, gap) => sum + gap.gapMs, 0);
  const breaths = summary.has('breaths')
    ? summary.field('breaths').count(MAX_SESSION_SETS * MAX_SET_COUNT)
    : null;
  const plan = r.field('plan').array((p) => {
    const dosage = p.field('dosage');
    return p.keep({
      exerciseId: p.field('exerciseId').oneOf(EXERCISE_IDS),
      dosage: dosage.keep({
        sets: dosage.field('sets').number(),
        target: dosage.field('target').number(),
        restS: dosage.field('restS').number(),
        ...(dosage.has('weightKg') ? { weightKg: dosage.field('weightKg').number() } : {}),
      }),
      ...(p.has('firstHoldLastTimeS') ? { firstHoldLastTimeS: p.field('firstHoldLastTimeS').number() } : {}),
      ...(p.has('sayHow') ? { sayHow: p.field('sayHow').boolean() } : {}),
    });
  });
  const saved = snapshot.value === null ? { snapshot: null } : readSnapshot(snapshot, plan.length);
  // A backup of a session imported without its saved state keeps its pauses beside it.
  const pauses = saved.pauses ?? (r.has('pauses') ? readPauses(r.field('pauses')) : null);
  return r.keep({
    id: r.field('id').string(),
    startedAt,
    // Files from before sessions kept their offset: the zone they are imported in is the best guess.
    utcOffsetMin: r.has('utcOffsetMin')
      ? r.field('utcOffsetMin').utcOffsetMin()
      : localUtcOffsetMin(startedAt),
    ...(r.has('endUtcOffsetMin') ? { endUtcOffsetMin: r.field('endUtcOffsetMin').utcOffsetMin() } : {}),
    endedAt: r
      .field('endedAt')
      .nullable((v) =>
        v.within(
          startedAt,
          startedAt + MAX_SESSION_MS + timeAwayMs,
          "should be a time from the session's start to 31 days after, besides the time the app was closed",
        ),
      ),
    status: r.field('status').oneOf(['active', 'finished'] as const),
    updatedAt: r.field('updatedAt').within(EARLIEST_START_MS, LATEST_START_MS, WALL_TIME),
    plan,
    snapshot: saved.snapshot,
    ...(pauses ? { pauses } : {}),
    summary: summary.keep({
      durationMs: summary.field('durationMs').within(0, MAX_SESSION_MS, LENGTH),
      sets: summary.field('sets').count(MAX_SESSION_SETS),
      ...(summary.has('skipped') ? { skipped: summary.field('skipped').count(MAX_SESSION_SETS) } : {}),
      ...(summary.has('cutShort') ? { cutShort: summary.field('cutShort').count(MAX_SESSION_SETS) } : {}),
      // Kept as the store keeps it, the reps and breath cycles together (see summaryInFile).
      reps:
        summary.field('reps').count(MAX_SESSION_SETS * MAX_SET_COUNT) +
        (version >= REPS_APART_FROM_BREATHS && breaths !== null ? breaths : 0),
      ...(breaths !== null ? { breaths } : {}),
      holdMs: summary.field('holdMs').within(0, MAX_SESSION_MS, LENGTH),
      ...(summary.has('pausedHoldMs')
        ? { pausedHoldMs: summary.field('pausedHoldMs').within(0, MAX_SESSION_MS, LENGTH) }
        : {}),
      // Figures of the heart rate alone: one that cannot be read is told and left out, as a session
      // with no strap has none, and the rest of the session is as true without it.
      avgBpm: heartFigure(summary.field('avgBpm'), (v) => v.within(0, MAX_BPM, HEART_RATE)),
      maxBpm: heartFigure(summary.field('maxBpm'), (v) => v.within(0, MAX_BPM, HEART_RATE)),
      recoveryBpm: heartFigure(summary.field('recoveryBpm'), (v) => v.within(-MAX_BPM, MAX_BPM, RECOVERY)),
      ...(summary.has('weights')
        ? {
            weights: summary.field('weights').array((w) =>
              w.keep({
                exerciseId: w.field('exerciseId').oneOf(EXERCISE_IDS),
                kg: w.field('kg').within(LIMITS.weightKg.min, LIMITS.weightKg.max, WEIGHT),
              }),
            ),
          }
        : {}),
      ...(summary.has('perSide')
        ? {
            perSide: summary.field('perSide').array((p) =>
              p.keep({
                exerciseId: p.field('exerciseId').oneOf(EXERCISE_IDS),
                right: p.field('right').count(MAX_SESSION_SETS * MAX_SET_COUNT),
                left: p.field('left').count(MAX_SESSION_SETS * MAX_SET_COUNT),
              }),
            ),
          }
        : {}),
    }),
    sources: r.field('sources').array((s) =>
      s.keep({
        id: s.field('id').string(),
        name: s.field('name').string(),
        kind: s.field('kind').oneOf(['virtual', 'bluetooth', 'replay', 'phone'] as const),
        placement: s.field('placement').nullable((p) => p.oneOf(PLACEMENTS)),
      }),
    ),
    gaps,
    ...(r.has('motionBytes') ? { motionBytes: r.field('motionBytes').number() } : {}),
    ...(r.has('motionDropped') ? { motionDropped: r.field('motionDropped').boolean() } : {}),
    ...(r.has('writer') ? { writer: r.field('writer').string() } : {}),
  });
}

/** A heart-rate figure of the summary, null where there is none or it cannot be read (told). */
function heartFigure(r: Reader, read: (r: Reader) => number): number | null {
  return r.orPutRight((v) => v.nullable(read), 'it was left out');
}
