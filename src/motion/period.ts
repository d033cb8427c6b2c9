// How long one repetition of a movement takes, measured from the movement itself: the lag at which
// the recent movement best matches itself shifted, its autocorrelation. The correlation is taken
// over the whole 3-vector (the sum of the products of the three axes), so it is the same however
// the sensor is worn.

// A quicker movement is looked for down to this share of the shortest period.
const QUICKER_SHARE = 1 / 3;

/** The period found, and how clearly the movement repeats at it (a correlation, up to 1). */
export interface PeriodEstimate {
  readonly periodMs: number;
  readonly clarity: number;
}

export interface PeriodSearch {
  readonly minMs: number;
  readonly maxMs: number;
  /** The least correlation at the period. */
  readonly minClarity: number;
  /**
   * A lag whose correlation is within this share of the best is preferred when it is shorter: a
   * movement repeats at two and three periods as well as at one.
   */
  readonly harmonicShare: number;
  /**
   * Each lag is judged over the last `span` lags of the series only, about their own mean: a change
   * of pose before the repeating movement (reaching up to a bar, lying down) then does not blur it.
   */
  readonly span: number;
  /** Whether a movement that repeats quicker than minMs, as clearly as at the period, rules it out. */
  readonly rejectsQuicker: boolean;
}

/**
 * The period of the latest movement in a series of 3-vectors (x, y, z interleaved) spaced stepMs,
 * or null when it does not clearly repeat.
 */
export function repetitionPeriod(
  v: Float64Array,
  stepMs: number,
  search: PeriodSearch,
): PeriodEstimate | null {
  const m = v.length / 3;
  const minLag = Math.max(2, Math.round(search.minMs / stepMs));
  const maxLag = Math.min(Math.round(search.maxMs / stepMs), Math.floor(m / 2));
  if (maxLag <= minLag + 1) return null;
  const quickestLag = search.rejectsQuicker ? Math.max(2, Math.floor(QUICKER_SHARE * minLag)) : minLag;
  // Prefix sums of the components and of the squared length: any stretch's mean and energy in O(1).
  const sx = new Float64Array(m + 1);
  const sy = new Float64Array(m + 1);
  const sz = new Float64Array(m + 1);
  const se = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) {
    const x = v[3 * i];
    const y = v[3 * i + 1];
    const z = v[3 * i + 2];
    sx[i + 1] = sx[i] + x;
    sy[i + 1] = sy[i] + y;
    sz[i + 1] = sz[i] + z;
    se[i + 1] = se[i] + x * x + y * y + z * z;
  }
  const r = new Float64Array(maxLag + 2);
  for (let k = quickestLag - 1; k <= maxLag + 1 && k < m; k++) {
    const w = Math.min(m, Math.round(search.span * k));
    const from = m - w;
    const pairs = w - k;
    if (pairs < 2) continue;
    const mx = (sx[m] - sx[from]) / w;
    const my = (sy[m] - sy[from]) / w;
    const mz = (sz[m] - sz[from]) / w;
    const mm = mx * mx + my * my + mz * mz;
    let dot = 0;
    for (let i = from + k; i < m; i++) {
      const j = i - k;
      dot += v[3 * i] * v[3 * j] + v[3 * i + 1] * v[3 * j + 1] + v[3 * i + 2] * v[3 * j + 2];
    }
    // The later stretch [from + k, m) and the earlier one [from, m − k), both about the mean.
    const lx = sx[m] - sx[from + k];
    const ly = sy[m] - sy[from + k];
    const lz = sz[m] - sz[from + k];
    const ex = sx[m - k] - sx[from];
    const ey = sy[m - k] - sy[from];
    const ez = sz[m - k] - sz[from];
    const cross = dot - (mx * (lx + ex) + my * (ly + ey) + mz * (lz + ez)) + pairs * mm;
    const later = se[m] - se[from + k] - 2 * (mx * lx + my * ly + mz * lz) + pairs * mm;
    const earlier = se[m - k] - se[from] - 2 * (mx * ex + my * ey + mz * ez) + pairs * mm;
    r[k] = later > 0 && earlier > 0 ? cross / Math.sqrt(later * earlier) : 0;
  }
  const isPeak = (k: number) => r[k] >= r[k - 1] && r[k] > r[k + 1];
  let best = -1;
  for (let k = minLag; k <= maxLag; k++) if (isPeak(k) && (best < 0 || r[k] > r[best])) best = k;
  if (best < 0 || r[best] < search.minClarity) return null;
  // A movement quicker than any rep (shaking the strap, steps) repeats at twice and three times its
  // own period too: those are not a rep's period.
  for (let k = quickestLag; k < minLag; k++) {
    if (isPeak(k) && r[k] >= search.harmonicShare * r[best]) return null;
  }
  for (let k = minLag; k < best; k++) {
    if (isPeak(k) && r[k] >= search.harmonicShare * r[best]) {
      best = k;
      break;
    }
  }
  // The peak's position between steps, from a parabola through it and its neighbours.
  const r0 = r[best - 1];
  const r1 = r[best];
  const r2 = r[best + 1];
  const curve = r0 - 2 * r1 + r2;
  const shift = curve < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (r0 - r2)) / curve)) : 0;
  return { periodMs: (best + shift) * stepMs, clarity: r1 };
}
