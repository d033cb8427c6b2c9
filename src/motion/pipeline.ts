// The detector the app and the evaluation use: it walks each frame sample by sample (at the
// sample's own time, so irregular and gapped streams need no resampling), keeps a gravity estimate,
// and feeds the detectors the profile asks for.

import type { AccelFrame, Placement } from '../sensors/samples.ts';
import { BreathCounter } from './breath.ts';
import type { MotionDetector, MotionProfileId, SpineDirection } from './detector.ts';
import type { MotionEvent } from './events.ts';
import { ExcursionDetector } from './excursion.ts';
import { LowPass1, LowPass3, norm3 } from './filters.ts';
import { HoldDetector } from './hold.ts';
import { HoldBreaths } from './hold-breaths.ts';
import { OscillationCounter } from './oscillation.ts';
import { motionProfile } from './profiles.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

// Gravity is the accelerometer low-passed: 150 ms passes a torso tilt of a rep or a breath whole,
// and averages out tremor (8–12 Hz), footsteps and sensor noise.
export const GRAVITY_TAU_MS = 150;
// Movement = what is left of the reading once gravity is taken out, as an RMS over ~0.3 s. The
// reading is first smoothed to a band every device samples (25 Hz and up), so that the sensor's noise
// weighs the same whatever its rate: a faster device averages more samples into the same band.
const MOTION_TAU_MS = 300;
const MOTION_BAND_TAU_MS = 25;
// A lost frame leaves a gap in time. The filters step across it as over one sample of the frame, so
// that the first reading after it (one noisy sample) does not replace the estimate outright.
const GAP_STEPS = 2.5;
const NO_EVENTS: readonly MotionEvent[] = [];

class Pipeline implements MotionDetector {
  private readonly gravity = new LowPass3(GRAVITY_TAU_MS);
  private readonly motion = new LowPass1(MOTION_TAU_MS);
  private readonly band = new LowPass3(MOTION_BAND_TAU_MS);
  private prevT = Number.NaN;
  private readonly scratch: MotionEvent[] = [];
  private readonly reps: ExcursionDetector | null;
  private readonly breaths: BreathCounter | null;
  private readonly hold: HoldDetector | null;
  private readonly oscillation: OscillationCounter | null;
  private readonly holdBreaths: HoldBreaths | null;

  constructor(
    profile: MotionProfileId,
    placement: Placement,
    tuning: PersonalTuning,
    spine: SpineDirection | null,
  ) {
    const p = motionProfile(profile, placement);
    this.reps = p.reps ? new ExcursionDetector(p.reps, tuning, spine) : null;
    this.breaths = p.breaths ? new BreathCounter(p.breaths) : null;
    this.hold = p.hold ? new HoldDetector(p.hold, tuning) : null;
    this.oscillation = p.oscillation ? new OscillationCounter(p.oscillation) : null;
    const breaths = this.breaths;
    this.holdBreaths = this.hold && breaths ? new HoldBreaths((tMs) => breaths.countFrom(tMs)) : null;
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
      const stepMs = frame.dtMs > 0 && dt > GAP_STEPS * frame.dtMs ? frame.dtMs : dt;
      this.prevT = t;
      const x = xyz[3 * i];
      const y = xyz[3 * i + 1];
      const z = xyz[3 * i + 2];
      this.oscillation?.update(t, x, y, z, events);
      if (this.reps || this.breaths || this.hold) {
        const g = this.gravity;
        g.update(stepMs, x, y, z);
        const norm = norm3(g.x, g.y, g.z);
        if (norm < 1e-6) continue;
        const gx = g.x / norm;
        const gy = g.y / norm;
        const gz = g.z / norm;
        const b = this.band;
        b.update(stepMs, x, y, z);
        const mx = b.x - g.x;
        const my = b.y - g.y;
        const mz = b.z - g.z;
        const motionG = Math.sqrt(this.motion.update(stepMs, mx * mx + my * my + mz * mz));
        this.reps?.update(t, gx, gy, gz, motionG, events);
        this.hold?.update(t, gx, gy, gz, motionG, events);
        this.breaths?.update(t, gx, gy, gz, motionG, events);
      }
    }
    this.holdBreaths?.filter(events, this.prevT);
    if (events.length === 0) return NO_EVENTS;
    const done = events.slice();
    events.length = 0;
    return done;
  }
}

/**
 * Creates the detector of an exercise, scaled to what this person taught the app (see tuning.ts),
 * and told which way their head is when the strap has learned it.
 */
export function createMotionDetector(
  profile: MotionProfileId,
  placement: Placement,
  tuning: PersonalTuning = NEUTRAL_TUNING,
  spine: SpineDirection | null = null,
): MotionDetector {
  return new Pipeline(profile, placement, tuning, spine);
}
