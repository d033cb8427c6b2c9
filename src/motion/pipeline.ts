// The detector the app and the evaluation use: it walks each frame sample by sample (at the
// sample's own time, so irregular and gapped streams need no resampling), keeps a gravity estimate,
// and feeds the detectors the profile asks for.

import type { AccelFrame, Placement } from '../sensors/samples.ts';
import { BreathCounter } from './breath.ts';
import type { MotionDetector, MotionProfileId } from './detector.ts';
import type { MotionEvent } from './events.ts';
import { ExcursionDetector } from './excursion.ts';
import { LowPass1, LowPass3, norm3 } from './filters.ts';
import { HoldDetector } from './hold.ts';
import { OscillationCounter } from './oscillation.ts';
import { motionProfile } from './profiles.ts';

// Gravity is the accelerometer low-passed: 150 ms passes a torso tilt of a rep or a breath whole,
// and averages out tremor (8–12 Hz), footsteps and sensor noise.
const GRAVITY_TAU_MS = 150;
// Movement = what is left of the reading once gravity is taken out, as an RMS over ~0.3 s.
const MOTION_TAU_MS = 300;
const NO_EVENTS: readonly MotionEvent[] = [];

class Pipeline implements MotionDetector {
  private readonly gravity = new LowPass3(GRAVITY_TAU_MS);
  private readonly motion = new LowPass1(MOTION_TAU_MS);
  private prevT = Number.NaN;
  private readonly scratch: MotionEvent[] = [];
  private readonly reps: ExcursionDetector | null;
  private readonly breaths: BreathCounter | null;
  private readonly hold: HoldDetector | null;
  private readonly oscillation: OscillationCounter | null;

  constructor(profile: MotionProfileId, placement: Placement) {
    const p = motionProfile(profile, placement);
    this.reps = p.reps ? new ExcursionDetector(p.reps) : null;
    this.breaths = p.breaths ? new BreathCounter(p.breaths) : null;
    this.hold = p.hold ? new HoldDetector(p.hold) : null;
    this.oscillation = p.oscillation ? new OscillationCounter(p.oscillation) : null;
  }

  push(frame: AccelFrame): readonly MotionEvent[] {
    const xyz = frame.xyz;
    const n = xyz.length / 3;
    // Most frames complete nothing: events collect in one reused array, copied out only when needed.
    const events = this.scratch;
    for (let i = 0; i < n; i++) {
      const t = frame.t0Ms + i * frame.dtMs;
      // A sample older than the last one (a reordered packet) cannot be placed causally: skip it.
      if (t < this.prevT) continue;
      const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
      this.prevT = t;
      const x = xyz[3 * i];
      const y = xyz[3 * i + 1];
      const z = xyz[3 * i + 2];
      this.oscillation?.update(t, x, y, z, events);
      if (this.reps || this.breaths || this.hold) {
        const g = this.gravity;
        g.update(dt, x, y, z);
        const norm = norm3(g.x, g.y, g.z);
        if (norm < 1e-6) continue;
        const gx = g.x / norm;
        const gy = g.y / norm;
        const gz = g.z / norm;
        const mx = x - g.x;
        const my = y - g.y;
        const mz = z - g.z;
        const motionG = Math.sqrt(this.motion.update(dt, mx * mx + my * my + mz * mz));
        this.reps?.update(t, gx, gy, gz, events);
        this.breaths?.update(t, gx, gy, gz, motionG, events);
        this.hold?.update(t, gx, gy, gz, motionG, events);
      }
    }
    if (events.length === 0) return NO_EVENTS;
    const done = events.slice();
    events.length = 0;
    return done;
  }
}

export function createMotionDetector(profile: MotionProfileId, placement: Placement): MotionDetector {
  return new Pipeline(profile, placement);
}
