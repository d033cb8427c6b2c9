// The values every source produces, whatever the device. Times are milliseconds on the session's
// one time base (performance.now() in the app, seconds × 1000 from the start of a recording offline).

/** Where on the body a motion sensor sits; the motion profiles differ by placement. */
export type Placement = 'chest' | 'wrist' | 'arm' | 'phone';

/**
 * A block of accelerometer samples: interleaved x,y,z in g, evenly spaced.
 * High-rate data moves as frames so that 200 Hz costs one emission per device packet, not per sample.
 * Irregular sources (a watch that notifies on change, a BLE advertisement tag) emit one-sample frames.
 */
export interface AccelFrame {
  /** Time of the first sample. */
  readonly t0Ms: number;
  /** Spacing of the samples; 0 for a frame of one sample. */
  readonly dtMs: number;
  /** x0,y0,z0,x1,y1,z1,… in g. */
  readonly xyz: Float32Array;
}

export function frameLength(frame: AccelFrame): number {
  return frame.xyz.length / 3;
}

/** One heart-rate reading, as a Heart Rate Measurement notification carries it. */
export interface HeartRateSample {
  readonly tMs: number;
  readonly bpm: number;
  /** Beat-to-beat intervals in ms, oldest first; empty when the device sends none. */
  readonly rrMs: readonly number[];
}

/** What a connected source can deliver; the UI shows it and the session picks its detectors by it. */
export interface SourceInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'virtual' | 'bluetooth' | 'replay' | 'phone';
  /** Where its accelerometer sits, or null when it has none (a plain heart-rate strap). */
  readonly placement: Placement | null;
}
