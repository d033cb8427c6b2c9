// A person moving between poses, for the posture tests: a list of poses held from given times, with
// a smooth turn of a given length into each, as angles from standing upright (see synth.ts).

import type { SynthOptions, Vec3 } from './synth.ts';

/** "Up" of a person standing: gravity along the spine. */
export const STANDING: Vec3 = [0, 1, 0];

/** From standing, as pitch and roll (degrees): lying face down, face up, on the left side. */
export const POSE = {
  standing: { pitch: 0, roll: 0 },
  faceDown: { pitch: -90, roll: 0 },
  faceUp: { pitch: 90, roll: 0 },
  side: { pitch: -90, roll: 90 },
  hunched: { pitch: -30, roll: 0 },
} as const;

export interface PoseStep {
  /** When the turn into this pose begins, s. */
  readonly atS: number;
  readonly pose: { readonly pitch: number; readonly roll: number };
  /** How long the turn takes, s. */
  readonly turnS?: number;
}

/** Angles over time for a sequence of poses, each turned into with cosine easing. */
export function poses(steps: readonly PoseStep[]): SynthOptions['angles'] {
  return (tS) => {
    let from = steps[0].pose;
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i];
      const turnS = step.turnS ?? 2;
      if (tS < step.atS) break;
      if (tS < step.atS + turnS) {
        const k = (1 - Math.cos((Math.PI * (tS - step.atS)) / turnS)) / 2;
        return {
          pitch: from.pitch + (step.pose.pitch - from.pitch) * k,
          roll: from.roll + (step.pose.roll - from.roll) * k,
        };
      }
      from = step.pose;
    }
    return { ...from };
  };
}
