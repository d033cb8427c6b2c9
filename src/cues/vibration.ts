// The buzz, for a muted phone or a noisy gym. navigator.vibrate is missing on iOS and desktops, and
// Chromium ignores it (returns false) until the page has had a user gesture; either way nothing throws.

export interface VibrationHost {
  readonly vibrate?: (pattern: VibratePattern) => boolean;
}

export class Vibration {
  constructor(private readonly host: VibrationHost) {}

  get available(): boolean {
    return typeof this.host.vibrate === 'function';
  }

  /** Buzzes the pattern (ms on, off, on, …); true when the device took it. */
  vibrate(patternMs: readonly number[]): boolean {
    if (!this.host.vibrate || patternMs.length === 0) return false;
    try {
      return this.host.vibrate.call(this.host, [...patternMs]);
    } catch {
      return false;
    }
  }

  stop(): void {
    try {
      this.host.vibrate?.call(this.host, 0);
    } catch {
      // Nothing to stop.
    }
  }
}
