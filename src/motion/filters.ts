// Small streaming filters that accept irregular sample spacing. Every coefficient is derived from the
// actual time step, so a 4 Hz BLE advertisement tag and a 200 Hz strap see the same time constants.

export const RAD_TO_DEG = 180 / Math.PI;

/** Smoothing factor of a first-order low-pass for a step of dtMs with time constant tauMs. */
export function expAlpha(dtMs: number, tauMs: number): number {
  if (dtMs <= 0) return 0;
  return 1 - Math.exp(-dtMs / tauMs);
}

/** First-order low-pass of a 3-vector; the first sample initialises it, so there is no start-up ramp. */
export class LowPass3 {
  x = 0;
  y = 0;
  z = 0;
  private started = false;
  // Frames at a fixed rate repeat the same step: caching its factor saves an exp() per sample.
  private lastDtMs = -1;
  private alpha = 0;

  constructor(private tau: number) {}

  get tauMs(): number {
    return this.tau;
  }

  /** Retunes the filter (a detector adapting to the person's tempo). */
  set tauMs(tauMs: number) {
    this.tau = tauMs;
    this.lastDtMs = -1;
  }

  update(dtMs: number, x: number, y: number, z: number): void {
    if (!this.started) {
      this.x = x;
      this.y = y;
      this.z = z;
      this.started = true;
      return;
    }
    if (dtMs !== this.lastDtMs) {
      this.lastDtMs = dtMs;
      this.alpha = expAlpha(dtMs, this.tau);
    }
    const a = this.alpha;
    this.x += a * (x - this.x);
    this.y += a * (y - this.y);
    this.z += a * (z - this.z);
  }

  reset(): void {
    this.started = false;
  }

  get ready(): boolean {
    return this.started;
  }
}

/** First-order low-pass of a scalar. */
export class LowPass1 {
  value = 0;
  private started = false;
  private lastDtMs = -1;
  private alpha = 0;

  constructor(readonly tauMs: number) {}

  update(dtMs: number, v: number): number {
    if (!this.started) {
      this.value = v;
      this.started = true;
    } else {
      if (dtMs !== this.lastDtMs) {
        this.lastDtMs = dtMs;
        this.alpha = expAlpha(dtMs, this.tauMs);
      }
      this.value += this.alpha * (v - this.value);
    }
    return this.value;
  }

  reset(): void {
    this.started = false;
  }

  get ready(): boolean {
    return this.started;
  }
}

/** Length of a 3-vector. Math.hypot is several times slower in V8, and this runs per sample. */
export function norm3(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z);
}

/** Angle in degrees between two (not necessarily unit) vectors. */
export function angleDeg(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const na = norm3(ax, ay, az);
  const nb = norm3(bx, by, bz);
  if (na === 0 || nb === 0) return 0;
  // atan2 of cross and dot stays accurate for the small angles that matter here (acos does not).
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(norm3(cx, cy, cz), ax * bx + ay * by + az * bz) * RAD_TO_DEG;
}

/** Time at which a signal sampled at (t0, v0) and (t1, v1) crossed the level, by linear interpolation. */
export function crossingTime(t0: number, v0: number, t1: number, v1: number, level: number): number {
  if (Number.isNaN(t0) || v0 === v1) return t1;
  const u = (v0 - level) / (v0 - v1);
  return t0 + Math.max(0, Math.min(1, u)) * (t1 - t0);
}

/** Median of a list (0 for an empty one); the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return 0;
  return n % 2 === 1 ? sorted[(n - 1) >> 1] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
}

/**
 * Running median of the last `size` values, for adapting thresholds to the person: one odd rep must
 * not move them, which a mean would.
 */
export class RecentMedian {
  private readonly values: number[] = [];
  // The median is read per sample and changes only per rep: computed once per push.
  private cached = Number.NaN;

  constructor(private readonly size: number) {}

  push(v: number): void {
    this.values.push(v);
    if (this.values.length > this.size) this.values.shift();
    this.cached = Number.NaN;
  }

  get count(): number {
    return this.values.length;
  }

  median(fallback: number): number {
    const n = this.values.length;
    if (n === 0) return fallback;
    if (Number.isNaN(this.cached)) this.cached = median(this.values);
    return this.cached;
  }

  /**
   * The lower median: the smaller middle value of an even count. Of two values, the smaller: one odd
   * value among a person's first two cannot then set the size of the rest.
   */
  lowerMedian(fallback: number): number {
    const n = this.values.length;
    if (n === 0) return fallback;
    return [...this.values].sort((a, b) => a - b)[(n - 1) >> 1];
  }

  clear(): void {
    this.values.length = 0;
    this.cached = Number.NaN;
  }
}

/**
 * The direction in which a stream of 3-vectors varies most: an exponentially weighted covariance,
 * with one power-iteration step per sample, which keeps the axis current at almost no cost. A
 * step never turns the axis through to its opposite, so its sign holds from where it was started.
 */
export class PrincipalAxis {
  x = 1;
  y = 0;
  z = 0;
  // Covariance terms: xx, yy, zz, xy, xz, yz.
  private cxx = 0;
  private cyy = 0;
  private czz = 0;
  private cxy = 0;
  private cxz = 0;
  private cyz = 0;
  private lastDtMs = -1;
  private alpha = 0;

  constructor(private readonly tauMs: number) {}

  /** One deviation from the stream's centre, over a step of dtMs. */
  update(dtMs: number, dx: number, dy: number, dz: number): void {
    if (dtMs !== this.lastDtMs) {
      this.lastDtMs = dtMs;
      this.alpha = expAlpha(dtMs, this.tauMs);
    }
    const a = this.alpha;
    this.cxx += a * (dx * dx - this.cxx);
    this.cyy += a * (dy * dy - this.cyy);
    this.czz += a * (dz * dz - this.czz);
    this.cxy += a * (dx * dy - this.cxy);
    this.cxz += a * (dx * dz - this.cxz);
    this.cyz += a * (dy * dz - this.cyz);
    const nx = this.cxx * this.x + this.cxy * this.y + this.cxz * this.z;
    const ny = this.cxy * this.x + this.cyy * this.y + this.cyz * this.z;
    const nz = this.cxz * this.x + this.cyz * this.y + this.czz * this.z;
    const n = norm3(nx, ny, nz);
    if (n > 1e-15) {
      this.x = nx / n;
      this.y = ny / n;
      this.z = nz / n;
    }
  }

  /** Starts the axis along a direction (it need not be of unit length). */
  point(x: number, y: number, z: number): void {
    const n = norm3(x, y, z) || 1;
    this.x = x / n;
    this.y = y / n;
    this.z = z / n;
  }

  reset(): void {
    this.cxx = this.cyy = this.czz = this.cxy = this.cxz = this.cyz = 0;
    this.point(1, 0, 0);
  }
}
