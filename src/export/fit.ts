// A session as a FIT strength-training activity, the file Garmin Connect, Strava and most training
// platforms import: one `set` message per set done (active sets and the rests between them, as Garmin's
// own watches write them), heart rate as `record` messages, one lap, one session. Garmin's SDK is
// loaded only when someone exports, so the app's first load does not carry it.

import type {
  ActivityMesg,
  DeviceInfoMesg,
  EventMesg,
  ExerciseTitleMesg,
  FileIdMesg,
  LapMesg,
  Mesg,
  RecordMesg,
  SessionMesg,
  SetMesg,
} from '@garmin/fitsdk';
import { wallTimeOf, workoutMs } from '../store/codec.ts';
import type { SessionBundle, SessionRow } from '../store/records.ts';
import { sessionPauses } from '../workout/device-drops.ts';
import type { ExerciseId } from '../workout/program.ts';
import { exerciseById } from '../workout/program.ts';
import { skippedUndone } from '../workout/set-outcomes.ts';
import { allHeartRate } from './replay.ts';
import { pausedSpans, type Span, workBeganFromEvents, workSpan } from './work-span.ts';

/**
 * A number of our own for an exercise that Garmin's catalogue does not have, far above the catalogue's
 * entries for its category so that a later catalogue does not give it another exercise's name. The
 * exercise_title message with the same category and number names it.
 */
export const OWN_EXERCISE_NAME = 0xff00;

/**
 * Where each exercise sits in Garmin's exercise catalogue (the FIT profile's exercise_category and
 * <category>_exercise_name types). Drawing-in and the bat hang have no entry: they take the category
 * that fits them (core; a warm-up, as program.md uses the bat hang) and a number of our own.
 */
export const GARMIN_EXERCISES: Readonly<Record<ExerciseId, { category: string; name: string | null }>> = {
  superman: { category: 'hyperextension', name: 'supermanFromFloor' },
  'glute-bridge': { category: 'hipRaise', name: 'hipRaise' },
  'drawing-in': { category: 'core', name: null },
  'bird-dog': { category: 'core', name: 'armAndLegExtensionOnKnees' },
  'bat-hang': { category: 'warmUp', name: null },
  'lat-pulldown': { category: 'pullUp', name: 'wideGripLatPulldown' },
  'elbow-plank': { category: 'plank', name: 'plank' },
};

const PRODUCT_NAME = 'Backbeat';
/** Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z. */
const FIT_EPOCH_S = 631065600;
/**
 * FIT's date_time below 0x10000000 (July 1998) is a device's seconds since power-on, not a date: a
 * session dated earlier (recorded while a device's clock was reset) would be read as one years away.
 */
const FIT_EARLIEST_MS = (FIT_EPOCH_S + 0x10000000) * 1000;

export async function toFit(bundle: SessionBundle): Promise<Uint8Array> {
  const { Encoder, Profile } = await import('@garmin/fitsdk');
  const MesgNum = Profile.MesgNum;
  const enumValue = (type: string, name: string): number => {
    const entry = Object.entries(Profile.types[type] ?? {}).find(([, n]) => n === name);
    if (!entry) throw new Error(`FIT profile has no ${type} "${name}"`);
    return Number(entry[0]);
  };
  const mesgNum = (name: string): number => {
    const num = MesgNum[name];
    if (num === undefined) throw new Error(`FIT profile has no message ${name}`);
    return num;
  };

  const { session, sets } = bundle;
  if (session.startedAt < FIT_EARLIEST_MS) {
    throw new Error(
      `FIT files hold no date before July 1998, and this session is dated ${new Date(session.startedAt).getUTCFullYear()} (the device's clock was wrong). CSV and JSON keep it as it is.`,
    );
  }
  const at = (sessionMs: number) => new Date(wallTimeOf(session, sessionMs));
  const endMs = workoutMs(session);
  const start = new Date(session.startedAt);
  const end = at(endMs);
  const elapsedS = (end.getTime() - start.getTime()) / 1000;
  const paused = pausedSpans(
    { pauses: sessionPauses(session), pausedAtMs: session.snapshot?.pausedAtMs },
    endMs,
  );
  const stopped = timerStoppedSpans(session, paused, endMs);
  const timerS = elapsedS - stoppedMsWithin(stopped, start.getTime(), end.getTime()) / 1000;
  /** Timer time between two times of the session: the clock's time less the time it stood still. */
  const timerSBetween = (fromMs: number, toMs: number): number => {
    const from = wallTimeOf(session, fromMs);
    const to = wallTimeOf(session, toMs);
    return (to - from - stoppedMsWithin(stopped, from, to)) / 1000;
  };
  // Heard after the session ended (the last second before the strap was let go) is not the session's.
  const heartRate = allHeartRate(bundle).filter((s) => s.bpm > 0 && s.tMs <= endMs);
  const bpms = heartRate.map((s) => s.bpm);
  const avgHr = bpms.length ? Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length) : undefined;
  const maxHr = bpms.length ? Math.max(...bpms) : undefined;

  const encoder = new Encoder();
  const write = <T extends Mesg>(name: string, mesg: T): void => {
    encoder.onMesg(mesgNum(name), mesg);
  };
  // Not a registered manufacturer: FIT reserves "development" for that.
  write<FileIdMesg>('FILE_ID', {
    type: enumValue('file', 'activity'),
    manufacturer: enumValue('manufacturer', 'development'),
    product: 0,
    timeCreated: start,
    serialNumber: 1,
    productName: PRODUCT_NAME,
  });
  write<DeviceInfoMesg>('DEVICE_INFO', {
    timestamp: start,
    deviceIndex: 0,
    manufacturer: enumValue('manufacturer', 'development'),
    product: 0,
    productName: PRODUCT_NAME,
  });
  const writeTimer = (timestamp: Date, type: 'start' | 'stopAll'): void =>
    write<EventMesg>('EVENT', {
      timestamp,
      event: enumValue('event', 'timer'),
      eventType: enumValue('eventType', type),
    });
  writeTimer(start, 'start');

  // Each exercise's name, in an exercise_title message that the sets point at twice, as the FIT profile
  // allows: by wkt_step_index (its message_index) and by the same category and exercise name.
  const exerciseOf = (id: ExerciseId) => {
    const garmin = GARMIN_EXERCISES[id];
    return {
      category: enumValue('exerciseCategory', garmin.category),
      name: garmin.name ? enumValue(`${garmin.category}ExerciseName`, garmin.name) : OWN_EXERCISE_NAME,
    };
  };
  // A set skipped before it counted anything was not done: Garmin would show it as a set of nothing,
  // so it is left out, and the time it waited falls in the rest around it.
  // A set kept before sets kept when their work began is timed from what the detectors' events say.
  const done = sets
    .filter((set) => !skippedUndone(set))
    .sort((a, b) => a.index - b.index)
    .map((set) => {
      if (set.workBeganMs !== undefined) return set;
      const workBeganMs = workBeganFromEvents(set, bundle.events);
      return workBeganMs === undefined ? set : { ...set, workBeganMs };
    });
  const titleIndex = new Map<ExerciseId, number>();
  for (const id of new Set(done.map((s) => s.exerciseId))) {
    titleIndex.set(id, titleIndex.size);
    write<ExerciseTitleMesg>('EXERCISE_TITLE', {
      messageIndex: titleIndex.get(id)!,
      exerciseCategory: exerciseOf(id).category,
      exerciseName: exerciseOf(id).name,
      wktStepName: exerciseById(id).name,
    });
  }

  // Records, sets and the timer's stops and starts in time order, as a device would have written them.
  type Timed = { wallMs: number; order: number; write: () => void };
  const timed: Timed[] = heartRate.map((s) => ({
    wallMs: wallTimeOf(session, s.tMs),
    order: 0,
    write: () => write<RecordMesg>('RECORD', { timestamp: at(s.tMs), heartRate: s.bpm }),
  }));
  // An activity file has records (Garmin's list of its required messages): with no heart rate heard
  // (phone motion, a watch that sends none), a record at the start and one at the end mark its span.
  if (!timed.length) {
    for (const tMs of [0, endMs])
      timed.push({
        wallMs: wallTimeOf(session, tMs),
        order: 0,
        write: () => write<RecordMesg>('RECORD', { timestamp: at(tMs) }),
      });
  }
  // The timer stops for each pause and each time the app was closed, and starts again after it
  // (a pause the session ended in runs to the end), so elapsed minus timer time is exactly those.
  for (const [from, to] of stopped) {
    timed.push({ wallMs: from, order: 1, write: () => writeTimer(new Date(from), 'stopAll') });
    if (to < end.getTime())
      timed.push({ wallMs: to, order: 2, write: () => writeTimer(new Date(to), 'start') });
  }
  const endedStopped = stopped.some(([, to]) => to >= end.getTime());
  // A set is the work done in it, as a watch times it: a hold's hold, a rep set from its "Go". The
  // instructions said before it, the wait for the person to get into position, are the rest before.
  const work = done.map((set) => workSpan(set, paused));
  let messageIndex = 0;
  done.forEach((set, i) => {
    const exercise = exerciseOf(set.exerciseId);
    const kind = exerciseById(set.exerciseId).kind;
    const weightKg = session.plan.find((p) => p.exerciseId === set.exerciseId)?.dosage.weightKg;
    const { startMs, endMs: workEndMs } = work[i]!;
    const activeIndex = messageIndex++;
    timed.push({
      wallMs: wallTimeOf(session, workEndMs),
      order: 3,
      write: () =>
        write<SetMesg>('SET', {
          timestamp: at(workEndMs),
          startTime: at(startMs),
          // Timer time: a set paused, or the app closed, in the middle of it lasts the time it ran.
          duration: timerSBetween(startMs, workEndMs),
          setType: enumValue('setType', 'active'),
          ...(kind === 'hold' ? {} : { repetitions: set.count }),
          ...(weightKg !== undefined ? { weight: weightKg } : {}),
          category: [exercise.category],
          categorySubtype: [exercise.name],
          wktStepIndex: titleIndex.get(set.exerciseId)!,
          messageIndex: activeIndex,
        }),
    });
    const nextStartMs = work[i + 1]?.startMs;
    if (nextStartMs !== undefined && nextStartMs > workEndMs) {
      const restIndex = messageIndex++;
      timed.push({
        wallMs: wallTimeOf(session, nextStartMs),
        order: 3,
        write: () =>
          write<SetMesg>('SET', {
            timestamp: at(nextStartMs),
            startTime: at(workEndMs),
            duration: timerSBetween(workEndMs, nextStartMs),
            setType: enumValue('setType', 'rest'),
            messageIndex: restIndex,
          }),
      });
    }
  });
  for (const t of timed.sort((a, b) => a.wallMs - b.wallMs || a.order - b.order)) t.write();

  const sport = enumValue('sport', 'training');
  const subSport = enumValue('subSport', 'strengthTraining');
  if (!endedStopped) writeTimer(end, 'stopAll');
  // The one lap is the whole session: both span the same time, with the same heart rate.
  const span = {
    messageIndex: 0,
    timestamp: end,
    startTime: start,
    totalElapsedTime: elapsedS,
    totalTimerTime: timerS,
    sport,
    subSport,
  };
  const heart = avgHr !== undefined ? { avgHeartRate: avgHr, maxHeartRate: maxHr } : {};
  write<LapMesg>('LAP', { ...span, ...heart });
  write<SessionMesg>('SESSION', { ...span, firstLapIndex: 0, numLaps: 1, ...heart });
  write<ActivityMesg>('ACTIVITY', {
    timestamp: end,
    totalTimerTime: timerS,
    numSessions: 1,
    type: enumValue('activity', 'manual'),
    event: enumValue('event', 'activity'),
    eventType: enumValue('eventType', 'stop'),
    // FIT's local_date_time: the wall clock of the place where the session was done (its offset
    // from UTC at the end, kept with it), counted like a timestamp: the same file wherever it is
    // exported. Whole seconds as the SDK writes the timestamp, so that the two differ by the offset.
    localTimestamp:
      Math.floor(end.getTime() / 1000) - FIT_EPOCH_S + (session.endUtcOffsetMin ?? session.utcOffsetMin) * 60,
  });
  return encoder.close();
}

/**
 * When the timer stood still, as wall-clock spans (epoch ms) in order and apart: the session's pauses
 * (`pausedSpans`, on its own clock) and the times the app was closed, which the session's clock leaves
 * out but a FIT file's timer has to show stopped (a pause the app was closed in is one span with it).
 * `pausedSpans` cuts only the pause the session ended in at `endMs`; a pause over is kept as it was
 * recorded, so here one from `endMs` on is left out and one running past it is cut there. A set's
 * work is found on the session clock from the pauses alone.
 */
function timerStoppedSpans(session: SessionRow, paused: readonly Span[], endMs: number): [number, number][] {
  const wall = (sessionMs: number) => wallTimeOf(session, sessionMs);
  // Closed again before the session moved on (within a second of a resume), it was away once, for
  // as long as both.
  const awayAt = new Map<number, number>();
  for (const gap of session.gaps) awayAt.set(gap.atMs, (awayAt.get(gap.atMs) ?? 0) + gap.gapMs);
  const spans: [number, number][] = [...awayAt].map(([atMs, gapMs]) => [wall(atMs) - gapMs, wall(atMs)]);
  for (const [from, to] of paused) {
    if (from < endMs) spans.push([wall(from), wall(Math.min(endMs, to))]);
  }
  const merged: [number, number][] = [];
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) merged.push([from, to]);
  }
  return merged;
}

/** How much of `from`..`to` (epoch ms) the timer stood still. */
function stoppedMsWithin(stopped: readonly [number, number][], from: number, to: number): number {
  return stopped.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(to, b) - Math.max(from, a)), 0);
}
