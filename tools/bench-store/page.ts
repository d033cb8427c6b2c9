// The page `npm run bench:store` drives in headless Chromium, on the app's own origin: it seeds years
// of sessions through the app's store code into the app's IndexedDB, and times what the app does
// with them (progression's past sessions, the streaming backup, the restore) with the app's own code.

import { NEVER, Subject } from 'rxjs';
import { Persistence } from '../../src/app/persistence.ts';
import { sessionLine } from '../../src/export/json.ts';
import type { HeartRateSample, SourceInfo } from '../../src/sensors/samples.ts';
import {
  compactHeartRate,
  compactMotion,
  encodeHeartRateChunk,
  encodeMotionChunk,
  toPlanEntries,
} from '../../src/store/codec.ts';
import type { EventRow, MotionChunkRow, SessionRow, SetRow } from '../../src/store/records.ts';
import { motionChunkBytes } from '../../src/store/records.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import { summarize } from '../../src/store/summary.ts';
import { localUtcOffsetMin } from '../../src/workout/calendar.ts';
import { SessionModel } from '../../src/workout/session-model.ts';
import { defaultPlan } from '../../src/workout/session-state.ts';

const DAY_MS = 86_400_000;
const STRAP: SourceInfo = { id: 'h10', name: 'Polar H10', kind: 'bluetooth', placement: 'chest' };
/** The app writes a session about once a second: a chunk of motion and of heart rate each time. */
const CHUNK_MS = 1000;
/** Frames as a strap sends them: 10 samples at 50 Hz. */
const FRAME_SAMPLES = 10;

export interface SeedOptions {
  readonly years: number;
  readonly perWeek: number;
  readonly hz: number;
  /** The last session's start, epoch ms. */
  readonly endAt: number;
}

let seed = 12345;
function noise(): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296 - 0.5;
}

/**
 * The lat pulldown's weight a person has logged: the program gives none (see Exercise.weighted), and
 * years of history without one would leave History's weight chart empty, as no person's is.
 */
const LOGGED_WEIGHT_KG = 25;

/** One session of the default plan, as the recorder would have saved it: sets, events, 1 Hz heart rate, raw motion. */
function makeSession(id: string, startedAt: number, hz: number) {
  const plan = defaultPlan().map((planned) =>
    planned.exercise.weighted
      ? { ...planned, dosage: { ...planned.dosage, weightKg: LOGGED_WEIGHT_KG } }
      : planned,
  );
  const sets: SetRow[] = [];
  const events: EventRow[] = [];
  let t = 5_000;
  for (const { exercise, dosage } of plan) {
    for (let n = 1; n <= dosage.sets; n++) {
      const hold = exercise.kind === 'hold';
      const durationMs = hold ? dosage.target * 1000 : dosage.target * 2500;
      const count = hold ? 0 : dosage.target - (n === dosage.sets ? 1 : 0);
      sets.push({
        sessionId: id,
        index: sets.length,
        exerciseId: exercise.id,
        setNumber: n,
        target: dosage.target,
        count,
        // Sides alternate from the right: an odd count has one more there, never a half rep.
        sides: exercise.alternatesSides
          ? { left: Math.floor(count / 2), right: Math.ceil(count / 2) }
          : { left: 0, right: 0 },
        holdMs: hold ? durationMs : null,
        peakDeg: exercise.id === 'superman' ? 15 + 5 * Math.abs(noise()) : null,
        startedMs: t,
        endedMs: t + durationMs,
        endedBy: 'target',
        formIssues: [],
      });
      for (let r = 0; r < count; r++) {
        const at = t + (r + 1) * 2500;
        events.push({
          sessionId: id,
          seq: events.length,
          tMs: at,
          data: {
            kind: 'motion',
            event: { type: 'rep', tMs: at, emittedMs: at + 120, startMs: at - 2000, peakDeg: 16 },
          },
        });
        events.push({
          sessionId: id,
          seq: events.length,
          tMs: at + 200,
          data: { kind: 'cue', text: String(r + 1) },
        });
      }
      t += durationMs + dosage.restS * 1000;
    }
  }
  const endMs = t;
  const motion: MotionChunkRow[] = [];
  const heartRate = [];
  const beats: HeartRateSample[] = [];
  const dtMs = 1000 / hz;
  for (let c = 0; c * CHUNK_MS < endMs; c++) {
    const frames = [];
    for (let f = 0; f < (hz * CHUNK_MS) / 1000 / FRAME_SAMPLES; f++) {
      const t0Ms = c * CHUNK_MS + f * FRAME_SAMPLES * dtMs;
      const xyz = new Float32Array(FRAME_SAMPLES * 3);
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        const s = (t0Ms + i * dtMs) / 1000;
        xyz[i * 3] = 0.1 * Math.sin(s) + 0.01 * noise();
        xyz[i * 3 + 1] = -0.97 + 0.05 * Math.sin(s / 3) + 0.01 * noise();
        xyz[i * 3 + 2] = 0.2 * Math.cos(s / 2) + 0.01 * noise();
      }
      frames.push({ t0Ms, dtMs, xyz });
    }
    motion.push(encodeMotionChunk(id, c, STRAP.id, frames));
    const beat = {
      tMs: c * CHUNK_MS + 500,
      bpm: 85 + Math.round(20 * Math.abs(Math.sin(c / 90))),
      rrMs: [700],
    };
    beats.push(beat);
    heartRate.push(encodeHeartRateChunk(id, c, STRAP.id, [beat]));
  }
  const state = new SessionModel(() => 0, plan).state;
  const session: SessionRow = {
    id,
    startedAt,
    utcOffsetMin: localUtcOffsetMin(startedAt),
    endedAt: startedAt + endMs,
    status: 'finished',
    updatedAt: startedAt + endMs,
    plan: toPlanEntries(state.plan),
    snapshot: {
      phase: 'summary',
      exerciseIndex: plan.length - 1,
      set: null,
      restEndsMs: null,
      nowMs: endMs,
      startedMs: 0,
      endedMs: endMs,
    },
    summary: summarize(sets, beats, endMs),
    sources: [STRAP],
    gaps: [],
    motionBytes: motion.reduce((n, chunk) => n + motionChunkBytes(chunk), 0),
  };
  // As the app keeps a session once it is over (SessionStore.compact).
  return { session, sets, events, heartRate: compactHeartRate(heartRate), motion: compactMotion(motion) };
}

function persistenceOn(name: string): Persistence {
  return new Persistence(
    {
      session: new SessionModel(() => performance.now()),
      devices: { state: { source: null, devices: [], rejoining: false, awaiting: [] } },
      accel$: NEVER,
      heartRate$: new Subject<HeartRateSample | null>(),
      motion$: NEVER,
    },
    { openStore: () => SessionStore.open({ name }), page: null },
  );
}

let backupBlob: Blob | null = null;

const bench = {
  /** Three sessions a week (Monday, Wednesday, Friday at 18:00) for the years asked, written as the app writes them. */
  async seed(options: SeedOptions): Promise<{ sessions: number; ms: number; motionBytes: number }> {
    const t0 = performance.now();
    const store = await SessionStore.open();
    const weeks = Math.round(options.years * 52);
    const end = new Date(options.endAt);
    let sessions = 0;
    let motionBytes = 0;
    for (let w = weeks - 1; w >= 0; w--) {
      for (let k = 0; k < options.perWeek; k++) {
        const day = new Date(end.getTime() - w * 7 * DAY_MS - (options.perWeek - 1 - k) * 2 * DAY_MS);
        day.setHours(18, 0, 0, 0);
        const bundle = makeSession(`seed-${w}-${k}`, day.getTime(), options.hz);
        await store.write(bundle);
        motionBytes += bundle.session.motionBytes ?? 0;
        sessions++;
      }
    }
    store.close();
    return { sessions, ms: performance.now() - t0, motionBytes };
  },

  /**
   * Progression's read of the past sessions as a tab starting up does it: a fresh Persistence each
   * time, three times, timing its start (the store opened, the history's first page and the week
   * rows read) and then the read; and the read once more.
   */
  async pastSessions(): Promise<{ startMs: number[]; coldMs: number[]; warmMs: number; sessions: number }> {
    const startMs: number[] = [];
    const coldMs: number[] = [];
    let warmMs = 0;
    let sessions = 0;
    for (let round = 0; round < 3; round++) {
      const persistence = persistenceOn('backbeat');
      let t0 = performance.now();
      await persistence.start();
      startMs.push(performance.now() - t0);
      t0 = performance.now();
      sessions = (await persistence.pastSessions()).length;
      coldMs.push(performance.now() - t0);
      t0 = performance.now();
      await persistence.pastSessions();
      warmMs = performance.now() - t0;
      await persistence.dispose();
    }
    return { startMs, coldMs, warmMs, sessions };
  },

  /** The backup the History button makes, into a Blob kept for the restore. */
  async backup(): Promise<{ ms: number; bytes: number; sessions: number; total: number }> {
    const persistence = persistenceOn('backbeat');
    await persistence.start();
    let sessions = 0;
    let total = 0;
    const t0 = performance.now();
    const file = await persistence.backup({
      onProgress: (done, all) => {
        sessions = done;
        total = all;
      },
    });
    const ms = performance.now() - t0;
    await persistence.dispose();
    backupBlob = file.blob;
    return { ms, bytes: file.blob.size, sessions, total };
  },

  /** Restores that backup into an empty database, as the import does. */
  async restore(): Promise<{ ms: number; added: number }> {
    indexedDB.deleteDatabase('backbeat-restored');
    const persistence = persistenceOn('backbeat-restored');
    await persistence.start();
    const t0 = performance.now();
    const result = await persistence.restore(backupBlob!);
    const ms = performance.now() - t0;
    await persistence.dispose();
    return { ms, added: result.added.length };
  },

  /** Whether every session reads back from the restored database exactly as from the original. */
  async compare(): Promise<{ equal: boolean; sessions: number; firstDifference: string | null }> {
    const [a, b] = await Promise.all([SessionStore.open(), SessionStore.open({ name: 'backbeat-restored' })]);
    const ids = await a.sessionIds();
    const restoredIds = await b.sessionIds();
    let firstDifference: string | null = ids.length === restoredIds.length ? null : 'session count';
    for (const id of ids) {
      if (firstDifference) break;
      const [x, y] = await Promise.all([a.loadBundle(id), b.loadBundle(id)]);
      if (!x || !y || sessionLine(x, true) !== sessionLine(y, true)) firstDifference = id;
    }
    a.close();
    b.close();
    return { equal: firstDifference === null, sessions: ids.length, firstDifference };
  },
};

declare global {
  interface Window {
    benchStore: typeof bench;
  }
}
window.benchStore = bench;
