// Reads a session's saved state, what it resumes from: where it was and when, the set under way, the
// pause it is in and its pauses over, each part that may be missing left out alone where it cannot be.

import type { StateSnapshot } from '../../store/records.ts';
import { MAX_SET_COUNT } from '../../workout/count-corrections.ts';
import type { DevicePause } from '../../workout/device-drops.ts';
import type { CurrentSet } from '../../workout/session-state.ts';
import {
  FORM_ISSUES,
  LENGTH,
  MAX_SESSION_MS,
  MAX_SESSION_SETS,
  maybeTimeInSession,
  PLACEMENTS,
  timeInSession,
} from './bounds.ts';
import { readTakenOver } from './read-rows.ts';
import type { Reader } from './reader.ts';

/**
 * A session's saved state as read: its snapshot, or null where it was left out, and then the pauses
 * in it that could be read on their own, which the session keeps apart (see SessionRow.pauses).
 */
interface SavedState {
  readonly snapshot: StateSnapshot | null;
  readonly pauses?: DevicePause[];
}

/**
 * The snapshot serves to resume on the device that recorded it, and a finished session's end and
 * pauses are read from it. What every snapshot has (where the session was, and when) is checked, and
 * the snapshot is left out as a whole where any of it cannot be read: a session cannot be resumed from
 * a state it never was in (an exercise past its plan, a time of NaN), and History, the summary and the
 * exports read the session from its sets, heart rate and summary without one, as they do for a session
 * saved before snapshots were kept. Its pauses over, each checked on its own, are kept even so: they
 * are the session's record of when it stood still (a device's drops told in History, the CSV and the
 * FIT timer), not where to resume. What a snapshot may lack (its pause and what the pause was for, its
 * pauses over) is left out alone where it cannot be read, the rest kept. Either is said.
 */
export function readSnapshot(r: Reader, planLength: number): SavedState {
  const saved = r.orPutRight((s) => s.object(), 'its saved state was left out');
  if (!saved) return { snapshot: null };
  const {
    pauses: _,
    pausedForDevice: _device,
    pausedAtMs: _at,
    pausedToAsk: _ask,
    pausedFor: _for,
    ...rest
  } = saved;
  const pauses = r.has('pauses') ? readPauses(r.field('pauses')) : null;
  const whereItWas = r.orPutRight(
    (s) => ({
      phase: s.field('phase').oneOf(SESSION_PHASES),
      exerciseIndex: s.field('exerciseIndex').count(Math.max(planLength - 1, 0)),
      set: s.field('set').nullable(readCurrentSet),
      restEndsMs: maybeTimeInSession(s.field('restEndsMs')),
      nowMs: timeInSession(s.field('nowMs')),
      startedMs: maybeTimeInSession(s.field('startedMs')),
      endedMs: maybeTimeInSession(s.field('endedMs')),
    }),
    pauses?.length ? 'its saved state was left out, its pauses kept' : 'its saved state was left out',
  );
  if (!whereItWas) return pauses?.length ? { snapshot: null, pauses } : { snapshot: null };
  const pausedAtMs = r.has('pausedAtMs')
    ? r.orPutRight((s) => maybeTimeInSession(s.field('pausedAtMs')), 'it was left out')
    : null;
  // What the pause was for goes with it: a session that is not paused was paused for nothing.
  const pausedFor = pausedAtMs !== null ? readPausedFor(r) : {};
  const snapshot = {
    ...rest,
    ...whereItWas,
    ...(r.has('pausedAtMs') ? { pausedAtMs } : {}),
    ...pausedFor,
    ...(pauses ? { pauses } : {}),
  } as unknown as StateSnapshot;
  return { snapshot };
}

/** A session's pauses over, each left out alone where it cannot be read, or all where the list cannot be (told). */
export function readPauses(r: Reader): DevicePause[] | null {
  const pauses = r.orPutRight((list) => list.array(readPause), 'its pauses were left out');
  return pauses?.filter((pause) => pause !== null) ?? null;
}

const SESSION_PHASES = ['ready', 'set', 'rest', 'summary'] as const;

/** Why the snapshot's session is paused, each part left out alone where it cannot be read (told). */
function readPausedFor(r: Reader): Pick<StateSnapshot, 'pausedToAsk' | 'pausedFor' | 'pausedForDevice'> {
  const pausedToAsk = r.has('pausedToAsk')
    ? r.orPutRight((s) => s.field('pausedToAsk').boolean(), 'it was left out')
    : null;
  const pausedFor = r.has('pausedFor')
    ? r.orPutRight((s) => s.field('pausedFor').oneOf(PAUSE_REASONS), 'it was left out')
    : null;
  // Left out, the pause stands as one kept before its device was: the page that resumes it finds
  // the device by itself, where a word no device is worn at would be given to the words that name it.
  const pausedForDevice =
    pausedFor && r.has('pausedForDevice')
      ? r.orPutRight((s) => s.field('pausedForDevice').oneOf(PLACEMENTS), 'it was left out')
      : null;
  return {
    ...(pausedToAsk ? { pausedToAsk: true as const } : {}),
    ...(pausedFor ? { pausedFor } : {}),
    ...(pausedForDevice ? { pausedForDevice } : {}),
  };
}

const PAUSE_REASONS = ['connection', 'lost', 'replay'] as const;

/**
 * The set under way: what the session screens and the reducer read of every set is checked, and the
 * set's state is left out with it where any of it cannot be read. What only some sets have (see
 * SET_OPTIONAL_FIELDS) is left out alone where it cannot be read, as sets saved before it was kept
 * lack it, and the rest of the set is kept: resumed, a value of the wrong kind would break the set
 * (a rep's time added to rep times that are a number stops the count).
 */
function readCurrentSet(r: Reader): CurrentSet {
  const sides = r.field('sides');
  const optional: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(SET_OPTIONAL_FIELDS)) {
    if (!r.has(key)) continue;
    // Wrapped, so that a null the field may hold is told from one that could not be read.
    const value = r.orPutRight(
      (s) => ({ read: read(s.field(key)) }),
      key === 'repGapsMs' ? "the set's rep times were left out" : 'it was left out',
    );
    if (value) optional[key] = value.read;
  }
  const others = Object.fromEntries(
    Object.entries(r.object()).filter(([key]) => !Object.hasOwn(SET_OPTIONAL_FIELDS, key)),
  );
  return {
    ...others,
    ...optional,
    setNumber: r
      .field('setNumber')
      .within(1, MAX_SESSION_SETS, `should be a set number from 1 to ${MAX_SESSION_SETS}`),
    startedMs: timeInSession(r.field('startedMs')),
    count: r.field('count').count(MAX_SET_COUNT),
    sides: {
      left: sides.field('left').count(MAX_SET_COUNT),
      right: sides.field('right').count(MAX_SET_COUNT),
    },
    lastProgressMs: timeInSession(r.field('lastProgressMs')),
    holdStartMs: maybeTimeInSession(r.field('holdStartMs')),
    peakDeg: r.field('peakDeg').nullable((d) => d.number()),
    ...(r.has('formIssues') ? { formIssues: r.field('formIssues').array((f) => f.oneOf(FORM_ISSUES)) } : {}),
  } as CurrentSet;
}

const POSTURES = ['upright', 'face-down', 'face-up', 'side'] as const;

const yesOrNo = (b: Reader) => b.boolean();
// Read as a finished set's are (see readSet).
const tapCount = (n: Reader) => n.number();

/** The fields of CurrentSet that only some sets have, each with how it is read. */
const SET_OPTIONAL_FIELDS: Readonly<Record<string, (r: Reader) => unknown>> = {
  waiting: yesOrNo,
  wrongPosture: (p) => p.nullable((v) => v.oneOf(POSTURES)),
  warnedMs: maybeTimeInSession,
  warnedTimes: (n) => n.count(MAX_SET_COUNT),
  leftMs: maybeTimeInSession,
  inPosition: yesOrNo,
  startSeen: (s) => s.oneOf(['position', 'stillness'] as const),
  begunByHand: yesOrNo,
  heldSinceMs: maybeTimeInSession,
  goHeardMs: timeInSession,
  goSaidMs: timeInSession,
  ranBeforeInterruption: yesOrNo,
  workBeganMs: timeInSession,
  repGapsMs: (list) => list.array((gap) => gap.within(0, MAX_SESSION_MS, LENGTH)),
  holdConfirmedMs: timeInSession,
  holdBegunByTap: yesOrNo,
  settlingInMs: timeInSession,
  settledMs: timeInSession,
  atTopSinceMs: maybeTimeInSession,
  leftTopMs: timeInSession,
  deviceAway: yesOrNo,
  deviceStopped: yesOrNo,
  countedAway: tapCount,
  countedByHand: tapCount,
  takenOver: readTakenOver,
  formWarning: (w) =>
    w.nullable((v) =>
      v.keep({ issue: v.field('issue').oneOf(FORM_ISSUES), atMs: timeInSession(v.field('atMs')) }),
    ),
  corrections: tapCount,
  afterRecovery: yesOrNo,
  pausedInHold: yesOrNo,
  noRestBefore: yesOrNo,
};

/**
 * A pause of the session. One that cannot be timed (a start or length no session can have) is left
 * out, and one whose mark of a device's drop is no true or false reads as the person's own, as a
 * pause kept before drops were marked: each says so (see Reader.orPutRight), and the rest of the
 * session, and every other session, is imported as it is, where one such pause made the file's
 * sessions read wrong (a drop's time of NaN s) or refused whole.
 */
function readPause(r: Reader): DevicePause | null {
  const timed = r.orPutRight(
    (p) => ({
      atMs: timeInSession(p.field('atMs')),
      ms: p.field('ms').within(0, MAX_SESSION_MS, LENGTH),
    }),
    'the pause was left out',
  );
  if (!timed) return null;
  const mark = (key: 'deviceDropped' | 'deviceLost') =>
    r.has(key) && r.orPutRight((p) => p.field(key).boolean(), 'the pause reads as your own') === true
      ? true
      : undefined;
  const seenMs = r.has('seenMs')
    ? r.orPutRight(
        (p) => p.field('seenMs').within(0, timed.ms, 'should be a length of time within the pause'),
        'it was left out',
      )
    : null;
  // Absent in backups made before it was kept: the pause reads as said as a drop is.
  const saidAtOnce =
    r.has('saidAtOnce') && r.orPutRight((p) => p.field('saidAtOnce').boolean(), 'it was left out') === true;
  // Absent in backups made before it was kept: such a drop is said by the session's devices.
  const placement = r.has('placement')
    ? r.orPutRight((p) => p.field('placement').oneOf(PLACEMENTS), 'it was left out')
    : null;
  // Every field named, so that keep does not bring back as unknown one left out here.
  const pause = r.keep({
    ...timed,
    deviceDropped: mark('deviceDropped'),
    seenMs: seenMs ?? undefined,
    deviceLost: mark('deviceLost'),
    saidAtOnce: saidAtOnce ? (true as const) : undefined,
    placement: placement ?? undefined,
  });
  return Object.fromEntries(
    Object.entries(pause).filter(([, value]) => value !== undefined),
  ) as unknown as DevicePause;
}
