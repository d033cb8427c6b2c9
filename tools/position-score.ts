// How well the set's start by position did, for the evaluation command: per corpus and exercise,
// whether the set started, how close to when the person was truly in position, and for recordings
// labelled as an exercise done in another posture (`wrong_posture`, see relabel.ts), that nothing
// started or was counted and that the wrong position was said; and whether the start holds when
// the strap is worn turned about the chest.

import { median } from '../src/motion/filters.ts';
import { createRandom, hashString } from '../src/sensors/virtual/random.ts';
import type { Detected, DetectorInput } from './detect.ts';
import { judgeRecording, startPostureOf } from './position.ts';
import { type Recording, toFrames } from './recordings.ts';
import { randomChestMounting, rotate } from './transforms.ts';

/** The labels this score reads (answers: read after detection, never by it). */
export interface PositionLabels {
  readonly reps?: number;
  readonly rep_times?: number[];
  readonly holds?: [number, number][];
  readonly breath_times?: number[];
  /** When the person was in position and still (the virtual strap's corpus knows it). */
  readonly in_position?: number | null;
  /** The recording is of another posture than its exercise's: nothing may start. */
  readonly wrong_posture?: boolean;
  /** …and the person lies still in it: the wrong position should be said. */
  readonly lying_still?: boolean;
}

interface PositionScore {
  lines: number;
  started: number;
  /** set_start minus the true moment of being in position (or the true hold start), s. */
  startErr: number[];
  /** Sets with a first rep or breath: started before it ended. */
  beforeFirst: number;
  withFirst: number;
  negatives: number;
  negativesStarted: number;
  negativesCounted: number;
  negativesWarned: number;
  lyingStill: number;
  lyingStillWarned: number;
}

const empty = (): PositionScore => ({
  lines: 0,
  started: 0,
  startErr: [],
  beforeFirst: 0,
  withFirst: 0,
  negatives: 0,
  negativesStarted: 0,
  negativesCounted: 0,
  negativesWarned: 0,
  lyingStill: 0,
  lyingStillWarned: 0,
});

export class PositionScores {
  private readonly groups = new Map<string, PositionScore>();

  add(key: string, labels: PositionLabels, d: Detected): void {
    const s = this.groups.get(key) ?? empty();
    this.groups.set(key, s);
    s.lines++;
    const started = d.set_start !== null;
    if (labels.wrong_posture) {
      s.negatives++;
      if (started) s.negativesStarted++;
      if (d.reps + d.breaths + d.holds.length > 0) s.negativesCounted++;
      if (d.wrong_position !== null) s.negativesWarned++;
      if (labels.lying_still) {
        s.lyingStill++;
        if (d.wrong_position !== null) s.lyingStillWarned++;
      }
      return;
    }
    if (started) s.started++;
    const truth = labels.in_position ?? labels.holds?.[0]?.[0];
    const isHoldSet = labels.holds?.length === 1 && !labels.rep_times;
    if (started && truth !== undefined && truth !== null && (labels.in_position != null || isHoldSet))
      s.startErr.push(d.set_start! - truth);
    const first = labels.rep_times?.[0] ?? labels.breath_times?.[0];
    if (first !== undefined) {
      s.withFirst++;
      if (started && d.set_start! < first) s.beforeFirst++;
    }
  }

  /** The table: one row per group that has an exercise of the program, sorted by name. */
  rows(): string[][] {
    const pct = (n: number, of: number) => (of === 0 ? '-' : `${Math.round((100 * n) / of)}%`);
    const p50 = (v: number[]) => (v.length === 0 ? '-' : median(v).toFixed(2));
    const header = [
      'corpus / placement / exercise',
      'lines',
      'set_start',
      'start − truth p50 s',
      'abs(start − truth) p50 s',
      'before 1st rep',
      'negatives',
      'neg. started',
      'neg. counted',
      'neg. warned',
      'lying still warned',
    ];
    const body = [...this.groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, s]) => [
        key,
        String(s.lines),
        `${s.started}/${s.lines - s.negatives}`,
        p50(s.startErr),
        p50(s.startErr.map(Math.abs)),
        pct(s.beforeFirst, s.withFirst),
        String(s.negatives || '-'),
        s.negatives ? String(s.negativesStarted) : '-',
        s.negatives ? String(s.negativesCounted) : '-',
        pct(s.negativesWarned, s.negatives),
        pct(s.lyingStillWarned, s.lyingStill),
      ]);
    return [header, ...body];
  }
}

/** Same `set_start` within this, turned or not. */
const SAME_START_S = 0.2;

/**
 * `eval --robustness`: whether the set starts at the same moment when the strap is worn turned any
 * way about the chest's axis and tilted up to 30°, per corpus and exercise (chest recordings of the
 * program's exercises; the turn seeded by the file, as the detectors' transforms are).
 */
export class PositionRobustness {
  private readonly groups = new Map<string, { recordings: number; same: number; changed: string[] }>();

  add(key: string, file: string, rec: Recording, input: DetectorInput, setStartS: number | null): void {
    const required = startPostureOf(input.exercise);
    if (input.placement !== 'chest' || !required) return;
    const random = createRandom(hashString(`${file} set_start`));
    const turned = rotate({ rec, rateHz: input.rateHz }, randomChestMounting(random, 30));
    const start = judgeRecording(toFrames(turned.rec, turned.rateHz), 'chest', required).find(
      (e) => e.status === 'in',
    );
    const after = start ? Math.round(start.emittedMs) / 1000 : null;
    const same =
      setStartS === null || after === null
        ? setStartS === after
        : Math.abs(setStartS - after) <= SAME_START_S;
    const g = this.groups.get(key) ?? { recordings: 0, same: 0, changed: [] };
    this.groups.set(key, g);
    g.recordings++;
    if (same) g.same++;
    else g.changed.push(`${file}: set_start ${setStartS} → ${after}`);
  }

  rows(): string[][] {
    const rows = [...this.groups].sort(([a], [b]) => a.localeCompare(b));
    return [
      ['corpus / placement / exercise', 'recordings', `same set_start (±${SAME_START_S} s)`],
      ...rows.map(([key, g]) => [key, String(g.recordings), `${Math.round((100 * g.same) / g.recordings)}%`]),
    ];
  }

  changed(): string[] {
    return [...this.groups.values()].flatMap((g) => g.changed);
  }
}
