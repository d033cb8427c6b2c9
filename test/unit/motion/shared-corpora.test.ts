// A sane accuracy floor on real recordings from ../shared (read at run time, never copied): the
// figures that matter come from `npm run -s eval`; these only catch a detector that has broken.

import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isMotionProfileId } from '../../../src/motion/detector.ts';
import { createMotionDetector } from '../../../src/motion/index.ts';
import { type LabelledEntry, readRecordingCsv, toFrames, toPlacement } from '../../../tools/recordings.ts';
import { describeWithShared, readSharedJson, SHARED_DIR } from '../../shared.ts';

function count(corpus: string, e: LabelledEntry): number {
  const rec = readRecordingCsv(join(SHARED_DIR, 'datasets', corpus, e.file));
  const detector = createMotionDetector(
    isMotionProfileId(e.exercise) ? e.exercise : 'generic',
    toPlacement(e.placement),
  );
  let reps = 0;
  for (const f of toFrames(rec, e.rate_hz)) for (const ev of detector.push(f)) if (ev.type === 'rep') reps++;
  return reps;
}

function shareWithinOne(corpus: string, keep: (e: LabelledEntry) => boolean): number {
  const entries = readSharedJson<LabelledEntry[]>(`datasets/${corpus}/manifest.json`).filter(keep);
  const ok = entries.filter((e) => Math.abs(count(corpus, e) - (e.reps ?? 0)) <= 1).length;
  return ok / entries.length;
}

describeWithShared('real recordings', () => {
  it('barbell lifts on the wrist: most sets within one rep', () => {
    expect(shareWithinOne('barbell-metamotion', () => true)).toBeGreaterThanOrEqual(0.85);
  });

  it('exermote chest tag at ~4.6 Hz, irregular: most sets within one rep', () => {
    expect(shareWithinOne('exermote', (e) => e.placement === 'chest')).toBeGreaterThanOrEqual(0.85);
  });

  it('physiotherapy on the shank: most sets within one rep', () => {
    expect(
      shareWithinOne('uci-physical-therapy', (e) => e.placement === 'right_shank'),
    ).toBeGreaterThanOrEqual(0.7);
  });

  it('a chest sensor counts nothing when only a limb moves', { timeout: 30000 }, () => {
    const entries = readSharedJson<LabelledEntry[]>('datasets/uci-physical-therapy/manifest.json').filter(
      (e) => e.placement === 'chest' && !e.exercise.includes('trunk'),
    );
    const total = entries.reduce((sum, e) => sum + count('uci-physical-therapy', e), 0);
    expect(total).toBeLessThanOrEqual(2);
  });
});
