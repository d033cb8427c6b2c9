// Samples put on an even time grid. Devices sample at 4 to 200 Hz, irregularly, with frames lost;
// a counter that reasons in periods and shares of a period wants one point per fixed step, so that
// a lag or a window means the same time at every rate. Each grid point is the mean of the samples in
// its step; steps with none are filled in linearly from their neighbours, unless the gap is so long
// that the data is missing rather than sparse.

/** Receives grid points: the time at the centre of the step and the mean vector over it. */
export type GridSink = (tMs: number, x: number, y: number, z: number) => void;

export class UniformGrid {
  private stepIndex = Number.NaN;
  private sumX = 0;
  private sumY = 0;
  private sumZ = 0;
  private count = 0;
  // The last grid point given out, to fill a gap from.
  private lastIndex = Number.NaN;
  private lastX = 0;
  private lastY = 0;
  private lastZ = 0;

  /**
   * @param stepMs the grid's spacing
   * @param maxGapMs steps missing over a longer stretch than this are left out, not filled in
   * @param sink called once per grid point, in time order
   */
  constructor(
    readonly stepMs: number,
    private readonly maxGapMs: number,
    private readonly sink: GridSink,
  ) {}

  /** One sample. A step is given out once a sample of a later step arrives. */
  push(tMs: number, x: number, y: number, z: number): void {
    const index = Math.floor(tMs / this.stepMs);
    if (index !== this.stepIndex) {
      if (this.count > 0) this.close();
      this.stepIndex = index;
    }
    this.sumX += x;
    this.sumY += y;
    this.sumZ += z;
    this.count++;
  }

  private close(): void {
    const n = this.count;
    const x = this.sumX / n;
    const y = this.sumY / n;
    const z = this.sumZ / n;
    const index = this.stepIndex;
    // Read the last point once: emit() moves it.
    const from = this.lastIndex;
    const x0 = this.lastX;
    const y0 = this.lastY;
    const z0 = this.lastZ;
    const missing = index - from - 1;
    if (missing > 0 && missing * this.stepMs <= this.maxGapMs) {
      for (let k = 1; k <= missing; k++) {
        const u = k / (missing + 1);
        this.emit(from + k, x0 + u * (x - x0), y0 + u * (y - y0), z0 + u * (z - z0));
      }
    }
    this.emit(index, x, y, z);
    this.sumX = 0;
    this.sumY = 0;
    this.sumZ = 0;
    this.count = 0;
  }

  private emit(index: number, x: number, y: number, z: number): void {
    this.lastIndex = index;
    this.lastX = x;
    this.lastY = y;
    this.lastZ = z;
    this.sink((index + 0.5) * this.stepMs, x, y, z);
  }
}
