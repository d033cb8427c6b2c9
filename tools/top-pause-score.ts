// How well the pause at the top of a rep is told, for the evaluation command: for an exercise whose
// profile tells it (the glute bridge's 3–5 s, timed aloud), each labelled pause (a rep set's `holds`)
// against the top events found: told or missed, how far from the pause's start the event was dated,
// how long after that start it was told, and events where no pause was.

import type { Detected } from './detect.ts';
import { quantile } from './quantile.ts';

interface TopPauseScore {
  sets: number;
  pauses: number;
  told: number;
  extra: number;
  /** Top event's time minus the labelled start of its pause, s. */
  startErr: number[];
  /** When it was told minus that start, s. */
  toldAfter: number[];
  /** When the person was told to have left the top minus the labelled start of the lowering, s. */
  leftErr: number[];
}

// A top event belongs to a pause from shortly before its labelled start (labels and detectors may
// differ on where the rise ends) until the lowering begins.
const EARLY_S = 1;

export class TopPauseScores {
  private readonly groups = new Map<string, TopPauseScore>();

  add(key: string, pauses: readonly [number, number][], d: Detected): void {
    const g = this.groups.get(key) ?? {
      sets: 0,
      pauses: 0,
      told: 0,
      extra: 0,
      startErr: [],
      toldAfter: [],
      leftErr: [],
    };
    this.groups.set(key, g);
    g.sets++;
    g.pauses += pauses.length;
    const used = new Set<number>();
    for (const [start, end] of pauses) {
      const i = d.tops.findIndex((t, k) => !used.has(k) && t >= start - EARLY_S && t <= end);
      if (i < 0) continue;
      used.add(i);
      g.told++;
      g.startErr.push(d.tops[i] - start);
      g.toldAfter.push(d.top_emitted[i] - start);
      const left = d.top_left.find((t) => t > d.top_emitted[i]);
      if (left !== undefined) g.leftErr.push(left - end);
    }
    g.extra += d.tops.length - used.size;
  }

  rows(): string[][] {
    const s = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(2));
    return [
      [
        'corpus / placement / exercise',
        'sets',
        'pauses',
        'told',
        'extra',
        'start err p50 s',
        'told after p50 s',
        'told after p95 s',
        'left told p50 s',
      ],
      ...[...this.groups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, g]) => [
          key,
          String(g.sets),
          String(g.pauses),
          String(g.told),
          String(g.extra),
          s(quantile(g.startErr, 0.5)),
          s(quantile(g.toldAfter, 0.5)),
          s(quantile(g.toldAfter, 0.95)),
          s(quantile(g.leftErr, 0.5)),
        ]),
    ];
  }
}
