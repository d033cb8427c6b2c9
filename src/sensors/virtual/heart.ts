// A heart that speeds up with work and recovers at rest, beating with the small beat-to-beat
// variation (sinus arrhythmia with breathing, plus noise) that RR intervals show on a real strap.

import type { SimulatedPerson } from './person.ts';
import type { Random } from './random.ts';

// Heart rate reaches about 63% of a step in effort in ~25 s and comes down more slowly: the usual
// shape of on- and off-kinetics in moderate exercise.
const RISE_TIME_CONSTANT_S = 25;
const RECOVERY_TIME_CONSTANT_S = 45;

export class SimulatedHeart {
  private bpm: number;
  private nextBeatS: number;
  private readonly beats: number[] = [];

  constructor(
    private readonly person: SimulatedPerson,
    private readonly random: Random,
    startS = 0,
  ) {
    this.bpm = person.restingBpm;
    this.nextBeatS = startS + 60 / this.bpm;
  }

  get currentBpm(): number {
    return this.bpm;
  }

  /**
   * Moves the heart on to `tS` under `effort` (0 rest, 1 all-out) and returns the beat-to-beat
   * intervals, in ms, of the beats that fell in the step.
   */
  advance(tS: number, dtS: number, effort: number): number[] {
    const target = this.person.restingBpm + effort * (this.person.maxBpm - this.person.restingBpm);
    const tau = target > this.bpm ? RISE_TIME_CONSTANT_S : RECOVERY_TIME_CONSTANT_S;
    this.bpm += (target - this.bpm) * (1 - Math.exp(-dtS / tau));
    const intervals: number[] = [];
    // The heart beats from the step's start at the earliest: a strap first moved on at a clock hours
    // past its start (a page open for hours) has no beats of those hours to tell.
    this.nextBeatS = Math.max(this.nextBeatS, tS - dtS);
    while (this.nextBeatS <= tS) {
      const breathing = Math.sin((2 * Math.PI * this.nextBeatS * this.person.breathsPerMin) / 60);
      // Faster during inhalation, slower during exhalation; the swing shrinks as the rate climbs.
      const arrhythmia = 1 + 0.04 * breathing * (this.person.restingBpm / this.bpm);
      const intervalS = (60 / this.bpm) * arrhythmia * (1 + this.random.normal(0, 0.012));
      this.beats.push(intervalS);
      intervals.push(Math.round(intervalS * 1000));
      this.nextBeatS += intervalS;
    }
    if (this.beats.length > 8) this.beats.splice(0, this.beats.length - 8);
    return intervals;
  }

  /** What a strap displays: the rate over the last few beats, rounded. */
  displayedBpm(): number {
    if (this.beats.length === 0) return Math.round(this.bpm);
    const mean = this.beats.reduce((sum, s) => sum + s, 0) / this.beats.length;
    return Math.round(60 / mean);
  }
}
