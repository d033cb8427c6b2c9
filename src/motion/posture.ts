// Posture from the accelerometer, streaming and causal: which way the chest faces (down, up, or
// level: upright, or lying on the side) and whether the person is still. It runs beside the
// detectors, on the same samples, and lets the session start a set when the person is in position.
//
// Only physics is used, never the device's axes, with one exception a chest strap allows: its z
// axis points out of the chest, give or take 30°. So the angle of gravity to z tells face down
// (z towards the floor), face up (z to the ceiling) and level. Level is upright or on the side, and
// those two differ only by which way the spine points, which a strap turned any way about z cannot
// know by itself: it learns it from the person, from the direction gravity has while they walk
// (upright for sure), or else while they first stand or sit still with the chest level, which is
// how a strap is put on.
//
// Any other placement (a watch, the phone) cannot tell posture at all: it reports stillness only.

import type { AccelFrame, Placement } from '../sensors/samples.ts';
import type { SpineDirection } from './detector.ts';
import { angleDeg, expAlpha, LowPass1, LowPass3, norm3, RAD_TO_DEG } from './filters.ts';
import { GRAVITY_TAU_MS } from './pipeline.ts';

export type Posture = 'upright' | 'face-down' | 'face-up' | 'side';

/** What the tracker sees at one moment. */
export interface PostureReading {
  /** Data time of the reading. */
  readonly tMs: number;
  /** Whether this placement can tell posture (a chest strap); if not, `posture` stays null. */
  readonly sensesPosture: boolean;
  /** The posture, or null before the first samples or where the placement cannot tell. */
  readonly posture: Posture | null;
  /** Since when the posture has been what it is now. */
  readonly postureSinceMs: number;
  readonly still: boolean;
  /** Since when the person has been still; NaN while moving. */
  readonly stillSinceMs: number;
  /** The direction of gravity in the device's axes (unit): how far the torso has turned since. */
  readonly upX: number;
  readonly upY: number;
  readonly upZ: number;
  /** Which way the head is, once learned from the person upright (chest strap only); else null. */
  readonly spine: SpineDirection | null;
}

// Movement left once gravity is taken out, as an RMS over ~0.2 s. A held plank trembles up to
// ~0.05 g; getting into position, walking or fidgeting is well above.
const RESIDUAL_TAU_MS = 200;
const STILL_RESIDUAL_G = 0.06;
const MOVING_RESIDUAL_G = 0.08;
// Turning rate of gravity's direction, over a window long enough that sensor noise averages out:
// a slow deep breath turns the chest ~1°/s, a shuffle into place several, a rep 15°/s or more.
const RATE_WINDOW_MS = 250;
const STILL_RATE_DEG_S = 3;
const MOVING_RATE_DEG_S = 5;
// Until the spine is known: gravity this far below (above) the chest's level is face down (up).
// The strap may sit 30° off the chest's normal and a plank or a bridge's start tilts the torso
// 10–15°, so a level chest reads within ~45° and a lying one beyond. Hysteresis: a posture is kept
// until the angle is well inside the neighbouring band, so a rep or a breath near the edge never
// flips it.
const LYING_ENTER_DEG = 45;
const LYING_KEEP_DEG = 30;
// Once the spine is known: the torso this far from it is lying (a hunched sit is 30°, lying 90°),
// and lying, the chest's axis this far below (above) level is face down (up), else on the side. On
// the side the axis reads level give or take the strap's sideways tilt (up to 30°); face down, it
// reads 60° or more below.
const UPRIGHT_ENTER_DEG = 45;
const UPRIGHT_KEEP_DEG = 60;
const FACING_ENTER_DEG = 40;
const FACING_KEEP_DEG = 32;
// The spine direction is taken from the first still level pose once it has lasted this long (unless
// the person was lying before it), and from walking: sustained movement, mostly up and down along gravity, with the chest level.
const UPRIGHT_LEARN_MS = 2000;
const WALK_RESIDUAL_G = 0.1;
const WALK_VERTICAL_SHARE = 0.5;
const WALK_LEARN_MS = 2000;
// While walking or standing upright the learned direction follows slowly (a strap that shifted).
const SPINE_TAU_MS = 3000;
const HISTORY_STEP_MS = 10;
const HISTORY_SIZE = 64;

export class PostureTracker {
  readonly sensesPosture: boolean;
  // Gravity as the pipeline takes it, which passes a change of posture whole.
  private readonly gravity = new LowPass3(GRAVITY_TAU_MS);
  private readonly residual = new LowPass1(RESIDUAL_TAU_MS);
  private readonly vertical = new LowPass1(RESIDUAL_TAU_MS);
  private prevT = Number.NaN;
  private ux = 0;
  private uy = 0;
  private uz = 1;
  private ready = false;
  // Recent gravity directions, one per HISTORY_STEP_MS, for the turning rate over RATE_WINDOW_MS.
  private readonly histT = new Float64Array(HISTORY_SIZE);
  private readonly histXyz = new Float64Array(HISTORY_SIZE * 3);
  private histNext = 0;
  private histCount = 0;
  private still = false;
  private stillSinceMs = Number.NaN;
  private posture: Posture | null = null;
  private postureSinceMs = Number.NaN;
  // The spine's direction in the device's axes, once learned (NaN before).
  private spineX = Number.NaN;
  private spineY = Number.NaN;
  private spineZ = Number.NaN;
  private spineFromWalking = false;
  // Once the person has been seen lying, a still level pose may be a bridge held at the top, not
  // standing: from then on only walking teaches the spine.
  private seenLying = false;
  private walkingSinceMs = Number.NaN;

  constructor(placement: Placement) {
    this.sensesPosture = placement === 'chest';
  }

  /** One sample (in g) at data time tMs; samples older than the last are skipped. */
  update(tMs: number, x: number, y: number, z: number): void {
    if (tMs < this.prevT) return;
    const dt = Number.isNaN(this.prevT) ? 0 : tMs - this.prevT;
    this.prevT = tMs;
    const g = this.gravity;
    g.update(dt, x, y, z);
    const n = norm3(g.x, g.y, g.z);
    if (n < 1e-6) return;
    this.ux = g.x / n;
    this.uy = g.y / n;
    this.uz = g.z / n;
    const rx = x - g.x;
    const ry = y - g.y;
    const rz = z - g.z;
    const r2 = rx * rx + ry * ry + rz * rz;
    const along = rx * this.ux + ry * this.uy + rz * this.uz;
    const residualG = Math.sqrt(this.residual.update(dt, r2));
    const verticalG = Math.sqrt(this.vertical.update(dt, along * along));
    this.remember(tMs);
    this.updateStillness(tMs, this.turnRateDegS(tMs), residualG);
    this.ready = true;
    if (!this.sensesPosture) return;
    this.learnSpine(tMs, dt, residualG, verticalG);
    this.classify(tMs);
  }

  /** A frame's samples, then the reading at its end. */
  push(frame: AccelFrame): PostureReading {
    const xyz = frame.xyz;
    const n = xyz.length / 3;
    for (let i = 0; i < n; i++)
      this.update(frame.t0Ms + i * frame.dtMs, xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    return this.reading();
  }

  reading(): PostureReading {
    return {
      tMs: this.prevT,
      sensesPosture: this.sensesPosture,
      posture: this.ready ? this.posture : null,
      postureSinceMs: this.postureSinceMs,
      still: this.still,
      stillSinceMs: this.stillSinceMs,
      upX: this.ux,
      upY: this.uy,
      upZ: this.uz,
      spine: Number.isNaN(this.spineX) ? null : [this.spineX, this.spineY, this.spineZ],
    };
  }

  private remember(tMs: number): void {
    const last = (this.histNext + HISTORY_SIZE - 1) % HISTORY_SIZE;
    if (this.histCount > 0 && tMs - this.histT[last] < HISTORY_STEP_MS) return;
    const i = this.histNext;
    this.histT[i] = tMs;
    this.histXyz[3 * i] = this.ux;
    this.histXyz[3 * i + 1] = this.uy;
    this.histXyz[3 * i + 2] = this.uz;
    this.histNext = (i + 1) % HISTORY_SIZE;
    this.histCount = Math.min(HISTORY_SIZE, this.histCount + 1);
  }

  /** Degrees per second over the last RATE_WINDOW_MS (or the oldest sample kept); NaN at the start. */
  private turnRateDegS(tMs: number): number {
    let oldest = -1;
    for (let k = 1; k <= this.histCount; k++) {
      const i = (this.histNext + HISTORY_SIZE - k) % HISTORY_SIZE;
      oldest = i;
      if (tMs - this.histT[i] >= RATE_WINDOW_MS) break;
    }
    if (oldest < 0) return Number.NaN;
    const spanMs = tMs - this.histT[oldest];
    // A sparse source (4 Hz) or the first samples: too short a span to tell a turn from noise.
    if (spanMs < RATE_WINDOW_MS / 2) return Number.NaN;
    const h = this.histXyz;
    const deg = angleDeg(this.ux, this.uy, this.uz, h[3 * oldest], h[3 * oldest + 1], h[3 * oldest + 2]);
    return (deg * 1000) / spanMs;
  }

  private updateStillness(tMs: number, rateDegS: number, residualG: number): void {
    if (Number.isNaN(rateDegS)) return;
    if (this.still) {
      if (rateDegS > MOVING_RATE_DEG_S || residualG > MOVING_RESIDUAL_G) {
        this.still = false;
        this.stillSinceMs = Number.NaN;
      }
    } else if (rateDegS < STILL_RATE_DEG_S && residualG < STILL_RESIDUAL_G) {
      this.still = true;
      // The rate covers the window just past: the body has been still since its start.
      this.stillSinceMs = tMs - RATE_WINDOW_MS;
    }
  }

  /**
   * Elevation of the chest's axis above the horizontal, degrees: +90 lying on the back. The axis is
   * the strap's z until the spine is known; then z with its lean along the spine taken out (the chest
   * is square to the spine), which undoes most of a strap worn tilted.
   */
  private chestElevationDeg(): number {
    let up = this.uz;
    if (!Number.isNaN(this.spineX)) {
      const along = this.spineZ;
      const nx = -along * this.spineX;
      const ny = -along * this.spineY;
      const nz = 1 - along * this.spineZ;
      const n = norm3(nx, ny, nz);
      if (n > 1e-6) up = (this.ux * nx + this.uy * ny + this.uz * nz) / n;
    }
    return Math.asin(Math.max(-1, Math.min(1, up))) * RAD_TO_DEG;
  }

  private classify(tMs: number): void {
    const next = Number.isNaN(this.spineX) ? this.byChestAxis() : this.bySpine();
    if (next !== this.posture) {
      this.posture = next;
      this.postureSinceMs = tMs;
    }
  }

  /** Before the spine is known: by the chest's axis alone, level counting as upright. */
  private byChestAxis(): Posture {
    const el = this.chestElevationDeg();
    const current = this.posture;
    if (current === 'face-down' && el < -LYING_KEEP_DEG) return 'face-down';
    if (current === 'face-up' && el > LYING_KEEP_DEG) return 'face-up';
    if (el <= -LYING_ENTER_DEG) return 'face-down';
    if (el >= LYING_ENTER_DEG) return 'face-up';
    return 'upright';
  }

  /** Upright by the learned spine; lying, face down, face up or on the side by the chest's axis. */
  private bySpine(): Posture {
    const current = this.posture;
    const fromSpine = angleDeg(this.ux, this.uy, this.uz, this.spineX, this.spineY, this.spineZ);
    if (fromSpine < (current === 'upright' ? UPRIGHT_KEEP_DEG : UPRIGHT_ENTER_DEG)) return 'upright';
    const el = this.chestElevationDeg();
    if (el < -(current === 'face-down' ? FACING_KEEP_DEG : FACING_ENTER_DEG)) return 'face-down';
    if (el > (current === 'face-up' ? FACING_KEEP_DEG : FACING_ENTER_DEG)) return 'face-up';
    return 'side';
  }

  private learnSpine(tMs: number, dt: number, residualG: number, verticalG: number): void {
    const level = Math.abs(this.chestElevationDeg()) < LYING_KEEP_DEG;
    const walking = level && residualG > WALK_RESIDUAL_G && verticalG > WALK_VERTICAL_SHARE * residualG;
    if (!walking) this.walkingSinceMs = Number.NaN;
    else if (Number.isNaN(this.walkingSinceMs)) this.walkingSinceMs = tMs;
    if (walking && tMs - this.walkingSinceMs >= WALK_LEARN_MS) {
      // Walking is upright whatever came before: it overrides a guess from standing still.
      if (!this.spineFromWalking) this.setSpine(this.ux, this.uy, this.uz);
      this.spineFromWalking = true;
      this.followSpine(dt);
      return;
    }
    if (this.posture === 'face-down' || this.posture === 'face-up') this.seenLying = true;
    const stillLevel = level && this.still && tMs - this.stillSinceMs >= UPRIGHT_LEARN_MS;
    if (!stillLevel) return;
    if (Number.isNaN(this.spineX)) {
      if (!this.seenLying) this.setSpine(this.ux, this.uy, this.uz);
    } else if (this.posture === 'upright') this.followSpine(dt);
  }

  private setSpine(x: number, y: number, z: number): void {
    const n = norm3(x, y, z) || 1;
    this.spineX = x / n;
    this.spineY = y / n;
    this.spineZ = z / n;
  }

  private followSpine(dt: number): void {
    const a = expAlpha(dt, SPINE_TAU_MS);
    this.setSpine(
      this.spineX + a * (this.ux - this.spineX),
      this.spineY + a * (this.uy - this.spineY),
      this.spineZ + a * (this.uz - this.spineZ),
    );
  }
}
