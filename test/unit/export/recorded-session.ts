// A short session recorded the way the app records one: the session model on a page clock, a strap
// at 200 Hz with heart rate every second, detector events, the recorder saving every second.
import type { MotionEvent } from '../../../src/motion/events.ts';
import { SessionRecorder } from '../../../src/store/recorder.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import type { SessionStore } from '../../../src/store/session-store.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import type { PlannedExercise } from '../../../src/workout/session.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

export const STRAP = {
  id: 'strap-1',
  name: 'Polar H10 <b>1</b>',
  kind: 'bluetooth',
  placement: 'chest',
} as const;
export const STARTED_AT = Date.UTC(2026, 10, 20, 17, 30, 0);
/** When a file of the session is read back: a month after it was recorded. */
export const IMPORTED_AT = STARTED_AT + 30 * 86_400_000;

export const SHORT_PLAN: PlannedExercise[] = [
  { exercise: exerciseById('superman'), dosage: { sets: 2, target: 3, restS: 20 } },
  { exercise: exerciseById('elbow-plank'), dosage: { sets: 1, target: 30, restS: 20 } },
  { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 4, restS: 20 } },
  { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 10, restS: 20 } },
  { exercise: exerciseById('lat-pulldown'), dosage: { sets: 1, target: 3, restS: 20, weightKg: 27.5 } },
];

/** `bundle` as a session whose plan gave the lat pulldown no weight (none logged yet) records it. */
export function withoutWeight(bundle: SessionBundle): SessionBundle {
  const { weights: _, ...summary } = bundle.session.summary;
  const plan = bundle.session.plan.map(({ exerciseId, dosage: { weightKg: __, ...dosage } }) => ({
    exerciseId,
    dosage,
  }));
  return { ...bundle, session: { ...bundle.session, plan, summary } };
}

export async function recordSession(store: SessionStore | null = null, rateHz = 200): Promise<SessionBundle> {
  let clockMs = 1200;
  const model = new SessionModel(() => clockMs, SHORT_PLAN);
  model.start();
  const recorder = SessionRecorder.start(store, model.state, [STRAP], {
    wallNow: () => STARTED_AT + clockMs - 1200,
    newId: () => 'session-1',
  });
  const packetMs = 100;
  const perPacket = (rateHz * packetMs) / 1000;
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += packetMs) {
      const xyz = new Float32Array(perPacket * 3);
      for (let i = 0; i < perPacket; i++) xyz.set([Math.sin(clockMs / 700) * 0.2, -0.97, 0.1], i * 3);
      recorder.recordAccel(STRAP.id, { t0Ms: clockMs, dtMs: 1000 / rateHz, xyz });
      clockMs += packetMs;
      if (clockMs % 1000 === 200) {
        const bpm = 80 + Math.round(20 * Math.abs(Math.sin(clockMs / 20_000)));
        recorder.recordHeartRate(STRAP.id, { tMs: clockMs, bpm, rrMs: [Math.round(60_000 / bpm)] });
        model.tick();
        recorder.update(model.state);
        await recorder.flush();
      }
    }
  };
  const motion = (event: MotionEvent) => {
    model.handleMotion(event);
    recorder.recordMotionEvent(event);
    recorder.update(model.state);
  };
  const rep = (peakDeg: number, side?: 'left' | 'right') =>
    motion({
      type: 'rep',
      tMs: clockMs,
      emittedMs: clockMs + 100,
      startMs: clockMs - 1800,
      peakDeg,
      ...(side ? { side } : {}),
    });
  const restUntilNextSet = async () => {
    while (model.state.phase === 'rest') await run(1000);
  };

  for (const set of [0, 1]) {
    for (let r = 0; r < 3; r++) {
      await run(2000);
      // The detectors tell of the stop at the top of a rep, and of its end, before the rep itself.
      motion({ type: 'top', tMs: clockMs - 1200, emittedMs: clockMs - 800 });
      motion({ type: 'top-left', tMs: clockMs - 600, emittedMs: clockMs - 600 });
      rep(14 + set * 3 + r);
    }
    await restUntilNextSet();
  }
  model.goHeard();
  await run(1500);
  motion({ type: 'hold-start', tMs: clockMs, emittedMs: clockMs + 300 });
  await run(34_000);
  motion({ type: 'form', tMs: clockMs, emittedMs: clockMs, issue: 'plank-sag' });
  motion({ type: 'hold-end', tMs: clockMs, emittedMs: clockMs + 200, reason: 'form' });
  recorder.recordCue(clockMs, 'Well held: 34 seconds');
  await restUntilNextSet();
  for (const side of ['left', 'right', 'left', 'right'] as const) {
    await run(2500);
    rep(6, side);
  }
  await restUntilNextSet();
  model.goHeard();
  await run(1000);
  motion({ type: 'hold-start', tMs: clockMs, emittedMs: clockMs + 300 });
  await run(11_000);
  await restUntilNextSet();
  for (let r = 0; r < 3; r++) {
    await run(3000);
    rep(8);
  }
  await run(500);
  if (model.state.phase !== 'summary') model.finish();
  await recorder.finish(model.state);
  return recorder.bundle();
}

/** The same session begun at `startedAt` (ms, UTC): its end and last write move with it. */
export function begunAt(bundle: SessionBundle, startedAt: number): SessionBundle {
  const shift = startedAt - bundle.session.startedAt;
  const { endedAt, updatedAt } = bundle.session;
  return {
    ...bundle,
    session: {
      ...bundle.session,
      startedAt,
      endedAt: endedAt === null ? null : endedAt + shift,
      updatedAt: updatedAt + shift,
    },
  };
}
