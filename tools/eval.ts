// The evaluation command: runs the motion detectors over a corpus folder in the shared dataset
// format and scores them against its labels.
//
//   npm run -s eval -- DIR            a table per corpus, placement and exercise; the set's start by
//                                     position; and the pauses at the top of a rep that the voice
//                                     times (top-pause-score.ts), where a rep set's labels time them
//   npm run -s eval -- DIR --jsonl    one JSON line per recording, nothing else on stdout
//   npm run -s eval -- DIR --robustness
//                                     also: per exercise and transform (turned, resampled, re-paced,
//                                     frames dropped), the share of recordings whose outcome held;
//                                     the set's start with the strap turned; and the count of a set
//                                     whose still start is turned a few degrees (still-start.ts)
//   npm run -s eval -- DIR --negatives chest
//                                     score that placement's recordings as "must count nothing"
//                                     (the UCI corpus: its chest sensor only sees limbs move)
//
// Only `file`, `exercise`, `placement` and `rate_hz` of a manifest entry drive the detectors; the
// label fields are read afterwards, for scoring, and never reach them (the private holdout strips
// them, and the command must behave the same).

import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isMotionProfileId } from '../src/motion/detector.ts';
import { motionProfile } from '../src/motion/profiles.ts';
import { type Detected, detect } from './detect.ts';
import { type PositionLabels, PositionRobustness, PositionScores } from './position-score.ts';
import { quantile } from './quantile.ts';
import { type LabelledEntry, type ManifestLabels, readRecordingCsv, toPlacement } from './recordings.ts';
import { transformOutcomes } from './robustness.ts';
import { StillStartRobustness } from './still-start.ts';
import { TopPauseScores } from './top-pause-score.ts';

// ---- scoring ----

interface Score {
  sets: number;
  within1: number;
  exact: number;
  absErr: number;
  latencies: number[];
  sidesRight: number;
  sidesTotal: number;
  holdStartErr: number[];
  holdEndErr: number[];
  holdsTrue: number;
  holdsFound: number;
  breathSets: number;
  breathExact: number;
  distractors: number;
  distractorReps: number;
  distractorClean: number;
}

function emptyScore(): Score {
  return {
    sets: 0,
    within1: 0,
    exact: 0,
    absErr: 0,
    latencies: [],
    sidesRight: 0,
    sidesTotal: 0,
    holdStartErr: [],
    holdEndErr: [],
    holdsTrue: 0,
    holdsFound: 0,
    breathSets: 0,
    breathExact: 0,
    distractors: 0,
    distractorReps: 0,
    distractorClean: 0,
  };
}

/** Pairs true rep ends with detected reps in order, each within half a rep period of the other. */
function matchReps(truth: number[], detected: number[]): [number, number][] {
  if (truth.length === 0 || detected.length === 0) return [];
  const gaps = truth.slice(1).map((t, i) => t - truth[i]);
  const window = gaps.length > 0 ? Math.max(0.8, 0.5 * quantile(gaps, 0.5)) : 2;
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < truth.length; i++) {
    while (j < detected.length && detected[j] < truth[i] - window) j++;
    if (j < detected.length && Math.abs(detected[j] - truth[i]) <= window) {
      pairs.push([i, j]);
      j++;
    }
  }
  return pairs;
}

function score(s: Score, labels: ManifestLabels, d: Detected, timesHolds: boolean): void {
  if (labels.reps === 0) {
    s.distractors++;
    s.distractorReps += d.reps;
    if (d.reps === 0) s.distractorClean++;
  } else if (labels.reps !== undefined) {
    s.sets++;
    const err = Math.abs(d.reps - labels.reps);
    if (err <= 1) s.within1++;
    if (err === 0) s.exact++;
    s.absErr += err;
    if (labels.rep_times) {
      for (const [i, j] of matchReps(labels.rep_times, d.rep_times)) {
        s.latencies.push(d.rep_emitted[j] - labels.rep_times[i]);
        const side = labels.sides?.[i];
        if (side) {
          s.sidesTotal++;
          if (d.sides[j] === side) s.sidesRight++;
        }
      }
    }
  }
  // Rep sets label their pauses at the top as holds too; only hold exercises are timed as holds.
  if (labels.holds && labels.holds.length > 0 && timesHolds) {
    for (const [ts, te] of labels.holds) {
      s.holdsTrue++;
      // The detected hold that overlaps the true one most.
      let best: [number, number] | null = null;
      let bestOverlap = 0;
      for (const h of d.holds) {
        const overlap = Math.min(te, h[1]) - Math.max(ts, h[0]);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = h;
        }
      }
      if (best) {
        s.holdsFound++;
        s.holdStartErr.push(Math.abs(best[0] - ts));
        s.holdEndErr.push(Math.abs(best[1] - te));
      }
    }
  }
  if (labels.breaths !== undefined && labels.breaths > 0) {
    s.breathSets++;
    if (d.breaths === labels.breaths) s.breathExact++;
  }
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${Math.round((100 * n) / d)}%`);
const sec = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(2));

function row(name: string, s: Score): string[] {
  return [
    name,
    String(s.sets),
    pct(s.within1, s.sets),
    pct(s.exact, s.sets),
    s.sets ? (s.absErr / s.sets).toFixed(2) : '-',
    sec(quantile(s.latencies, 0.5)),
    sec(quantile(s.latencies, 0.95)),
    pct(s.sidesRight, s.sidesTotal),
    s.holdsTrue ? `${s.holdsFound}/${s.holdsTrue}` : '-',
    sec(quantile(s.holdStartErr, 0.5)),
    sec(quantile(s.holdEndErr, 0.5)),
    pct(s.breathExact, s.breathSets),
    s.distractors ? `${s.distractorReps} in ${s.distractors - s.distractorClean}/${s.distractors}` : '-',
  ];
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const fmt = (r: string[]) =>
    `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' | ')} |`;
  console.log(fmt(rows[0]));
  console.log(
    `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const r of rows.slice(1)) console.log(fmt(r));
}

interface Options {
  readonly dir: string;
  readonly jsonl: boolean;
  readonly robustness: boolean;
  readonly negatives: string | null;
}

function parseArgs(args: readonly string[]): Options {
  const negIndex = args.indexOf('--negatives');
  const negatives = negIndex >= 0 ? (args[negIndex + 1] ?? null) : null;
  const dir = args.find((a, i) => !a.startsWith('--') && (negIndex < 0 || i !== negIndex + 1));
  if (!dir || (negIndex >= 0 && !negatives)) {
    console.error('usage: npm run -s eval -- DIR [--jsonl] [--robustness] [--negatives PLACEMENT]');
    process.exit(2);
  }
  return {
    dir: resolve(dir),
    jsonl: args.includes('--jsonl'),
    robustness: args.includes('--robustness'),
    negatives,
  };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const { dir, jsonl, negatives } = options;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as LabelledEntry[];
  const corpus = basename(dir);
  const groups = new Map<string, Score>();
  const placements = new Map<string, Score>();
  const total = emptyScore();
  const robustness = new Map<string, Robustness>();
  const positions = new PositionScores();
  const positionRobustness = new PositionRobustness();
  const stillStart = new StillStartRobustness();
  const topPauses = new TopPauseScores();
  for (const full of manifest) {
    // The detectors get the four input fields and nothing else.
    const input = { exercise: full.exercise, placement: full.placement, rateHz: full.rate_hz };
    const rec = readRecordingCsv(join(dir, full.file));
    const d = detect(rec, input, { setByPosition: true });
    if (jsonl) {
      process.stdout.write(`${JSON.stringify({ file: full.file, exercise: full.exercise, ...d })}\n`);
      continue;
    }
    // A placement that only sees other body parts move is a distractor whatever the set's count.
    const labels: ManifestLabels =
      full.placement === negatives ? { ...full, reps: 0, rep_times: undefined } : full;
    const key = `${corpus} / ${full.placement} / ${full.exercise}`;
    const pkey = `${corpus} / ${full.placement}`;
    if (!groups.has(key)) groups.set(key, emptyScore());
    if (!placements.has(pkey)) placements.set(pkey, emptyScore());
    const timesHolds =
      isMotionProfileId(full.exercise) &&
      motionProfile(full.exercise, toPlacement(full.placement)).hold !== undefined;
    score(groups.get(key)!, labels, d, timesHolds);
    score(placements.get(pkey)!, labels, d, timesHolds);
    score(total, labels, d, timesHolds);
    if (
      full.holds?.length &&
      isMotionProfileId(full.exercise) &&
      motionProfile(full.exercise, toPlacement(full.placement)).reps?.tellsTopPause
    )
      topPauses.add(key, full.holds, d);
    if (d.set_start !== null || d.wrong_position !== null || (full as PositionLabels).wrong_posture)
      positions.add(key, full as PositionLabels, d);
    if (options.robustness) {
      positionRobustness.add(key, full.file, rec, input, d.set_start);
      stillStart.add(key, full.file, rec, input);
      for (const { transform, comparison } of transformOutcomes(full.file, rec, input)) {
        const rkey = `${key} / ${transform}`;
        const r = robustness.get(rkey) ?? { recordings: 0, unchanged: 0, withinOne: 0, changed: [] };
        r.recordings++;
        if (comparison.unchanged) r.unchanged++;
        if (comparison.withinOne) r.withinOne++;
        if (!comparison.unchanged) r.changed.push(`${full.file}: ${comparison.detail}`);
        robustness.set(rkey, r);
      }
    }
  }
  if (jsonl) return;
  const header = [
    'corpus / placement / exercise',
    'sets',
    '±1',
    'exact',
    'MAE',
    'lat p50 s',
    'lat p95 s',
    'sides',
    'holds',
    'hold start err s',
    'hold end err s',
    'breaths exact',
    'false reps (distractors)',
  ];
  console.log(`\n## ${corpus}: per exercise\n`);
  printTable([header, ...[...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => row(k, s))]);
  console.log(`\n## ${corpus}: per placement\n`);
  printTable([
    ['corpus / placement', ...header.slice(1)],
    ...[...placements].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => row(k, s)),
    row(`${corpus} / all`, total),
  ]);
  const positionRows = positions.rows();
  if (positionRows.length > 1) {
    console.log(`\n## ${corpus}: sets started by position\n`);
    printTable(positionRows);
  }
  const topPauseRows = topPauses.rows();
  if (topPauseRows.length > 1) {
    console.log(`\n## ${corpus}: pauses at the top of a rep, timed aloud\n`);
    printTable(topPauseRows);
  }
  if (options.robustness) {
    printRobustness(corpus, robustness);
    printPositionRobustness(corpus, positionRobustness);
    printStillStart(corpus, stillStart);
  }
}

function printPositionRobustness(corpus: string, robustness: PositionRobustness): void {
  const rows = robustness.rows();
  if (rows.length < 2) return;
  console.log(`\n## ${corpus}: set_start with the strap turned about the chest, tilt ≤30°\n`);
  printTable(rows);
  for (const line of robustness.changed()) console.log(`- ${line}`);
}

function printStillStart(corpus: string, robustness: StillStartRobustness): void {
  const rows = robustness.rows();
  if (rows.length < 2) return;
  console.log(`\n## ${corpus}: a still start turned a few degrees before the set (counted by position)\n`);
  printTable(rows);
  for (const line of robustness.changed()) console.log(`- ${line}`);
}

interface Robustness {
  recordings: number;
  unchanged: number;
  withinOne: number;
  changed: string[];
}

function printRobustness(corpus: string, robustness: Map<string, Robustness>): void {
  console.log(`\n## ${corpus}: robustness (share of recordings whose outcome did not change)\n`);
  const rows = [...robustness].sort(([a], [b]) => a.localeCompare(b));
  printTable([
    ['corpus / placement / exercise / transform', 'recordings', 'unchanged', '±1'],
    ...rows.map(([k, r]) => [
      k,
      String(r.recordings),
      pct(r.unchanged, r.recordings),
      pct(r.withinOne, r.recordings),
    ]),
  ]);
  const changed = rows.flatMap(([k, r]) => r.changed.map((c) => `- ${k.split(' / ').pop()}: ${c}`));
  if (changed.length > 0) {
    console.log(`\n### changed outcomes\n`);
    for (const line of changed) console.log(line);
  }
}

main();
