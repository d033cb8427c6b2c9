// Reads the rows a session keeps beside it: its finished sets, the events logged as it ran, and its
// heart rate and raw motion in chunks.

import type { EventRow, HeartRateChunkRow, MotionChunkRow, SetRow } from '../../store/records.ts';
import { MAX_SET_COUNT } from '../../workout/count-corrections.ts';
import type { SetTakenOver } from '../../workout/session-state.ts';
import { EXERCISE_IDS, FORM_ISSUES, LENGTH, MAX_SESSION_MS, PLACEMENTS, timeInSession } from './bounds.ts';
import type { Reader } from './reader.ts';

export function readSet(r: Reader): SetRow {
  const sides = r.field('sides');
  const startedMs = timeInSession(r.field('startedMs'));
  const endedMs = r
    .field('endedMs')
    .within(
      startedMs,
      MAX_SESSION_MS,
      "should be a time from the set's start to 31 days after the session's",
    );
  const set = r.keep({
    sessionId: r.field('sessionId').string(),
    index: r.field('index').number(),
    exerciseId: r.field('exerciseId').oneOf(EXERCISE_IDS),
    setNumber: r.field('setNumber').number(),
    target: r.field('target').number(),
    count: r.field('count').count(MAX_SET_COUNT),
    sides: sides.keep({
      left: sides.field('left').count(MAX_SET_COUNT),
      right: sides.field('right').count(MAX_SET_COUNT),
    }),
    holdMs: r.field('holdMs').nullable((v) => v.within(0, MAX_SESSION_MS, LENGTH)),
    peakDeg: r.field('peakDeg').nullable((v) => v.number()),
    startedMs,
    endedMs,
    // Absent in backups made before it was kept: such a set's work is timed from its start.
    ...(r.has('workBeganMs')
      ? {
          workBeganMs: r
            .field('workBeganMs')
            .within(
              startedMs,
              MAX_SESSION_MS,
              "should be a time from the set's start to 31 days after the session's",
            ),
        }
      : {}),
    endedBy: r.field('endedBy').oneOf(['target', 'stopped', 'form', 'skipped'] as const),
    formIssues: r.field('formIssues').array((f) => f.oneOf(FORM_ISSUES)),
    ...(r.has('corrections') ? { corrections: r.field('corrections').number() } : {}),
    ...(r.has('endedByHand') ? { endedByHand: r.field('endedByHand').boolean() } : {}),
    // Absent in backups made before a set skipped unbegun was told apart: such a set reads as begun.
    ...(r.has('neverBegun') ? { neverBegun: r.field('neverBegun').boolean() } : {}),
    ...(r.has('skippedUnderWay') ? { skippedUnderWay: r.field('skippedUnderWay').boolean() } : {}),
    ...(r.has('finishedUnderWay') ? { finishedUnderWay: r.field('finishedUnderWay').boolean() } : {}),
    ...(r.has('pausedInHold') && r.field('pausedInHold').boolean() ? { pausedInHold: true as const } : {}),
    ...(r.has('deviceAway') && r.field('deviceAway').boolean() ? { deviceAway: true as const } : {}),
    // Absent in files made before it was kept, and where the device went out of reach at least once.
    ...(r.has('deviceStopped') && r.field('deviceStopped').boolean() ? { deviceStopped: true as const } : {}),
    ...(r.has('countedAway') ? { countedAway: r.field('countedAway').number() } : {}),
    ...(r.has('countedByHand') ? { countedByHand: r.field('countedByHand').number() } : {}),
    // Absent in files made before it was kept, and where one device counted the set whole.
    ...(r.has('takenOver') ? { takenOver: readTakenOver(r.field('takenOver')) } : {}),
  });
  // Nothing was done in a set never begun: reps or a hold in it would count as done everywhere.
  if (set.neverBegun) {
    const neverBegun = 'in a set never begun ("neverBegun" is true)';
    if (set.count !== 0) r.field('count').fail(`should be 0 ${neverBegun}`);
    if (set.holdMs) r.field('holdMs').fail(`should be 0 or null ${neverBegun}`);
  }
  return set;
}

/** Which device took a set over part way through, from which, and how far the set had come. */
export function readTakenOver(r: Reader): SetTakenOver {
  return r.keep({
    from: r.field('from').oneOf(PLACEMENTS),
    placement: r.field('placement').oneOf(PLACEMENTS),
    how: r.field('how').oneOf(['lost', 'stopped'] as const),
    countBefore: r.field('countBefore').count(MAX_SET_COUNT),
    heldMsBefore: r.field('heldMsBefore').nullable((v) => v.within(0, MAX_SESSION_MS, LENGTH)),
  });
}

export function readEvent(r: Reader): EventRow {
  const data = r.field('data');
  const kind = data.field('kind').oneOf(['motion', 'cue'] as const);
  return r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    tMs: r.field('tMs').number(),
    data: data.keep(
      kind === 'cue'
        ? { kind, text: data.field('text').string() }
        : { kind, event: readMotionEvent(data.field('event')) },
    ),
  });
}

function readMotionEvent(r: Reader): Extract<EventRow['data'], { kind: 'motion' }>['event'] {
  const tMs = r.field('tMs').number();
  const emittedMs = r.field('emittedMs').number();
  const type = r
    .field('type')
    .oneOf(['rep', 'top', 'top-left', 'hold-start', 'hold-end', 'breath', 'form'] as const);
  switch (type) {
    case 'rep':
      return r.keep({
        type,
        tMs,
        emittedMs,
        startMs: r.field('startMs').number(),
        peakDeg: r.field('peakDeg').number(),
        ...(r.has('side') ? { side: r.field('side').oneOf(['left', 'right'] as const) } : {}),
      });
    case 'hold-end':
      return r.keep({
        type,
        tMs,
        emittedMs,
        reason: r.field('reason').oneOf(['left-pose', 'form'] as const),
      });
    case 'form':
      return r.keep({
        type,
        tMs,
        emittedMs,
        issue: r.field('issue').oneOf(FORM_ISSUES),
        ...(r.has('endsHold') ? { endsHold: r.field('endsHold').boolean() } : {}),
      });
    default:
      return r.keep({ type, tMs, emittedMs });
  }
}

export function readHeartRate(r: Reader): HeartRateChunkRow {
  const row: HeartRateChunkRow = r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    sourceId: r.field('sourceId').string(),
    tMs: new Float64Array(r.field('tMs').bytes(8)),
    bpm: new Uint16Array(r.field('bpm').bytes(2)),
    rrCount: new Uint8Array(r.field('rrCount').bytes(1)),
    rrMs: new Uint16Array(r.field('rrMs').bytes(2)),
  });
  const rrTotal = row.rrCount.reduce((a, b) => a + b, 0);
  if (
    row.bpm.length !== row.tMs.length ||
    row.rrCount.length !== row.tMs.length ||
    rrTotal !== row.rrMs.length
  ) {
    r.fail('has columns of different lengths');
  }
  return row;
}

export function readMotion(r: Reader): MotionChunkRow {
  const row: MotionChunkRow = r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    sourceId: r.field('sourceId').string(),
    frameT0Ms: new Float64Array(r.field('frameT0Ms').bytes(8)),
    frameDtMs: new Float32Array(r.field('frameDtMs').bytes(4)),
    frameLength: new Uint16Array(r.field('frameLength').bytes(2)),
    mg: new Int16Array(r.field('mg').bytes(2)),
  });
  const samples = row.frameLength.reduce((a, b) => a + b, 0);
  if (
    row.frameDtMs.length !== row.frameT0Ms.length ||
    row.frameLength.length !== row.frameT0Ms.length ||
    samples * 3 !== row.mg.length
  ) {
    r.fail('has frames that do not add up to its samples');
  }
  return row;
}
