// Turns a planned performance into what an accelerometer on the sternum measures: gravity rotating
// with the torso, the small linear accelerations of the movement, breathing, tremor, walking bounce,
// the strap's mounting rotation and sensor noise.

import { type Keyframe, type Performance, POSTURE_UP } from './choreography.ts';
import type { SimulatedPerson } from './person.ts';
import type { Random } from './random.ts';
import { rotateAboutX, rotateAboutY, slerp, toSensorFrame, type Vec3 } from './rotation.ts';

const STANDARD_GRAVITY = 9.80665;
const DEG = Math.PI / 180;
// Distance from the joint the torso turns about (the hips, the knees) to the sternum: the lever
// that turns angular acceleration into linear acceleration at the strap.
const PITCH_LEVER_M = 0.4;
const ROLL_LEVER_M = 0.15;

interface TrackValue {
  pitchDeg: number;
  rollDeg: number;
  /** Second derivatives, degrees per second squared. */
  pitchAccel: number;
  rollAccel: number;
}

/** Reads a keyframe track in time order; the cursor makes a whole recording cost O(samples). */
class TrackReader {
  private index = 0;
  private readonly value: TrackValue = { pitchDeg: 0, rollDeg: 0, pitchAccel: 0, rollAccel: 0 };

  constructor(private readonly keyframes: readonly Keyframe[]) {}

  at(tS: number): TrackValue {
    const frames = this.keyframes;
    if (this.index > 0 && frames[this.index].tS > tS) this.index = 0;
    while (this.index < frames.length - 1 && frames[this.index + 1].tS <= tS) this.index++;
    const from = frames[this.index];
    const to = frames[this.index + 1];
    const v = this.value;
    if (!to || tS <= from.tS) {
      v.pitchDeg = from.pitchDeg;
      v.rollDeg = from.rollDeg;
      v.pitchAccel = 0;
      v.rollAccel = 0;
      return v;
    }
    // Cosine easing: the body speeds up and slows down smoothly, as a limb driven by muscle does.
    const span = to.tS - from.tS;
    const u = (tS - from.tS) / span;
    const ease = (1 - Math.cos(Math.PI * u)) / 2;
    const curvature = (Math.PI / span) ** 2 * Math.cos(Math.PI * u) * 0.5;
    v.pitchDeg = from.pitchDeg + (to.pitchDeg - from.pitchDeg) * ease;
    v.rollDeg = from.rollDeg + (to.rollDeg - from.rollDeg) * ease;
    v.pitchAccel = (to.pitchDeg - from.pitchDeg) * curvature;
    v.rollAccel = (to.rollDeg - from.rollDeg) * curvature;
    return v;
  }
}

/**
 * One performance placed on the time line at `startS`, turning in from the torso direction the person
 * had when it began. `upAt` gives the gravity direction in the body frame; `sample` the reading in g.
 */
export class BodyMotion {
  private readonly track: TrackReader;
  private readonly tremorPhase: number;
  private readonly tremorHz: number;

  constructor(
    readonly performance: Performance,
    readonly startS: number,
    private readonly fromUp: Vec3,
    private readonly person: SimulatedPerson,
    private readonly random: Random,
  ) {
    this.track = new TrackReader(performance.keyframes);
    this.tremorPhase = random.between(0, 2 * Math.PI);
    this.tremorHz = random.between(8, 12);
  }

  /** The torso's "up" in the body frame, breathing included. */
  upAt(tS: number): Vec3 {
    const local = tS - this.startS;
    const angles = this.track.at(local);
    return this.orient(local, tS, angles.pitchDeg, angles.rollDeg);
  }

  /** The accelerometer reading at absolute time tS, in g, in the sensor's axes. */
  sample(tS: number, out: Float32Array, offset: number): void {
    const local = tS - this.startS;
    const p = this.performance;
    const angles = this.track.at(local);
    const up = this.orient(local, tS, angles.pitchDeg, angles.rollDeg);
    // Tangential acceleration of the sternum as the torso turns: along z for pitch, x for roll.
    let ax = up[0] + (ROLL_LEVER_M * angles.rollAccel * DEG) / STANDARD_GRAVITY;
    let ay = up[1];
    let az = up[2] + (PITCH_LEVER_M * angles.pitchAccel * DEG) / STANDARD_GRAVITY;
    const reactS = p.reactS ?? 0;
    if (local < p.settleS && local >= reactS) {
      // Getting into position is brisk and untidy: a burst of movement on top of the turn.
      const jolt = (p.joltG ?? 0.08) * Math.sin((Math.PI * (local - reactS)) / (p.settleS - reactS));
      ax += this.random.normal(0, jolt);
      ay += this.random.normal(0, jolt);
      az += this.random.normal(0, jolt);
    }
    if (p.bounce) {
      const lift = p.bounce.g * Math.sin(2 * Math.PI * p.bounce.hz * tS);
      ax += up[0] * lift;
      ay += up[1] * lift;
      az += up[2] * lift;
    }
    const tremor =
      this.tremorAmplitude(local) * Math.sin(2 * Math.PI * this.tremorHz * tS + this.tremorPhase);
    az += tremor;
    const reading = toSensorFrame([ax, ay, az], this.person.mounting);
    const noise = this.person.noiseG;
    out[offset] = reading[0] + this.random.normal(0, noise);
    out[offset + 1] = reading[1] + this.random.normal(0, noise);
    out[offset + 2] = reading[2] + this.random.normal(0, noise);
  }

  private orient(local: number, tS: number, pitchDeg: number, rollDeg: number): Vec3 {
    const p = this.performance;
    const breathHz = (this.person.breathsPerMin / 60) * (1 + 0.06 * Math.sin((2 * Math.PI * tS) / 47));
    const breath = this.person.breathTiltDeg * p.quietBreathing * Math.sin(2 * Math.PI * breathHz * tS);
    const target = rotateAboutY(rotateAboutX(POSTURE_UP[p.posture], pitchDeg + breath), rollDeg);
    if (local >= p.settleS) return target;
    // A moment to react first (reactS), then the turn.
    const reactS = p.reactS ?? 0;
    const u = Math.max(0, (local - reactS) / (p.settleS - reactS));
    return slerp(this.fromUp, target, (1 - Math.cos(Math.PI * u)) / 2);
  }

  private tremorAmplitude(local: number): number {
    const [start, end] = this.performance.tremorG;
    // A performance of no length (a rest of 0 s) has nothing to grow over.
    const { durationS } = this.performance;
    const span = Number.isFinite(durationS) && durationS > 0 ? durationS : 120;
    return start + (end - start) * Math.min(1, Math.max(0, local / span));
  }
}
