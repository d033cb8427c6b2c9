// The same recording, worn another way, sampled at another rate, replayed at another pace or with
// more frames lost, must give the same counts, holds, breaths and pauses at the top of a rep: the
// detectors rely on physics, not on the device. Every recording of the shared corpora and of the
// virtual strap's own corpus, under every transform that applies to its placement
// (tools/transforms.ts), each with a seed of its own. Per corpus and transform: identical in at
// least 95% of recordings, within one in all.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../tools/detect.ts';
import { type ManifestEntry, type Recording, readRecordingCsv } from '../../../tools/recordings.ts';
import { type TransformOutcome, transformOutcomes } from '../../../tools/robustness.ts';
import { simulateCorpus } from '../../../tools/virtual-corpus.ts';
import { describeWithShared, readSharedJson, SHARED_DIR } from '../../shared.ts';

const MIN_UNCHANGED = 0.95;

function checkCorpus(name: string, load: () => { entry: ManifestEntry; rec: Recording }[]): void {
  it(`${name}: every transform keeps the outcome of ≥ 95% of recordings, and of all within one`, () => {
    const byTransform = new Map<string, { file: string; outcome: TransformOutcome }[]>();
    for (const { entry, rec } of load()) {
      const input = { exercise: entry.exercise, placement: entry.placement, rateHz: entry.rate_hz };
      for (const outcome of transformOutcomes(entry.file, rec, input)) {
        const list = byTransform.get(outcome.transform) ?? [];
        list.push({ file: entry.file, outcome });
        byTransform.set(outcome.transform, list);
      }
    }
    expect(byTransform.size).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const [transform, list] of byTransform) {
      const changed = list.filter((r) => !r.outcome.comparison.unchanged);
      const beyondOne = list.filter((r) => !r.outcome.comparison.withinOne);
      const unchanged = 1 - changed.length / list.length;
      if (unchanged < MIN_UNCHANGED || beyondOne.length > 0) {
        failures.push(
          `${transform}: ${Math.round(100 * unchanged)}% unchanged of ${list.length}, ${beyondOne.length} beyond one; ` +
            changed.map((r) => `${r.file} (${r.outcome.comparison.detail})`).join(', '),
        );
      }
    }
    expect(failures).toEqual([]);
  });
}

function sharedCorpus(corpus: string): () => { entry: ManifestEntry; rec: Recording }[] {
  return () =>
    readSharedJson<ManifestEntry[]>(`datasets/${corpus}/manifest.json`).map((entry) => ({
      entry,
      rec: readRecordingCsv(join(SHARED_DIR, 'datasets', corpus, entry.file)),
    }));
}

describe('metamorphic: the virtual strap corpus', { timeout: 120_000 }, () => {
  checkCorpus('virtual strap, 16 people', () =>
    simulateCorpus(16, 1).map(({ entry, recording }) => ({ entry, rec: recording })),
  );
});

describeWithShared('metamorphic: the shared corpora', () => {
  for (const corpus of ['synthetic-seven', 'exermote', 'barbell-metamotion', 'uci-physical-therapy']) {
    describe(corpus, { timeout: 120_000 }, () => checkCorpus(corpus, sharedCorpus(corpus)));
  }
});

// Where a recording starts moves the moments at which the generic counter studies the movement, and
// how much of the stillness before the first rep it sees.
describeWithShared('metamorphic: where the recording starts', () => {
  function countsFrom(corpus: string, file: string, startsS: readonly number[]): number[] {
    const entry = readSharedJson<ManifestEntry[]>(`datasets/${corpus}/manifest.json`).find(
      (e) => e.file === file,
    );
    if (!entry) throw new Error(`${file} is not in ${corpus}'s manifest`);
    const rec = readRecordingCsv(join(SHARED_DIR, 'datasets', corpus, file));
    const input = { exercise: entry.exercise, placement: entry.placement, rateHz: entry.rate_hz };
    return startsS.map((startS) => {
      const from = rec.tS.findIndex((t) => t >= rec.tS[0]! + startS);
      return detect({ tS: rec.tS.slice(from), xyz: rec.xyz.slice(3 * from) }, input).reps;
    });
  }

  // A person whose first sit-ups come at an uneven pace, and whose arm loops through a pose mid-way
  // up and down, once had that mid-way pose taken for rest (two reps counted per sit-up) for most
  // starts within half a second, and the held lying pose for the others.
  it('counts the same sit-ups whichever of the first ten 50 ms steps the recording starts at', () => {
    const steps = Array.from({ length: 10 }, (_, step) => step * 0.05);
    const counts = countsFrom('exermote', 'ind6_20170504T194119_situp_set05_arm.csv', steps);
    expect(counts).toEqual(counts.map(() => counts[0]));
  });

  // Seated with the leg down for a moment before the first knee extension: cut closer, the moment
  // left is still the rest, and the held top of the first rep is not taken for it (one rep lost).
  it('takes a moment of stillness before a tightly cut first rep for the rest, however short', () => {
    const counts = countsFrom(
      'uci-physical-therapy',
      's2_e1_seated_knee_extension_test_right_shank.csv',
      [0, 0.1, 0.25, 0.4],
    );
    expect(counts).toEqual([30, 30, 30, 30]);
  });

  // Settling a strap: a long lean out and back, a shorter and smaller one a while later. Cut closer,
  // the counter once told both as first reps from the one period it had seen of them.
  it('counts no rep in a strap being settled, wherever the recording starts', () => {
    const counts = countsFrom('synthetic-seven', 'D07_setup-fidget_chest.csv', [0, 0.1, 0.25, 0.4]);
    expect(counts).toEqual([0, 0, 0, 0]);
  });
});
