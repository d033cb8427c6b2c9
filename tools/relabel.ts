// Negative cases for the set's start by position: recordings of one thing labelled as an exercise
// done in another posture (walking or resting called a face-down floor exercise, bridges called
// supermans and supermans bridges, a bat hang called a bird dog). Nothing of such a set may start
// or be counted, and a person lying still in the wrong posture should hear so.
//
//   npm run -s relabel -- SRCDIR OUTDIR      writes OUTDIR/manifest.json, with links to SRCDIR's CSVs
//   npm run -s eval -- OUTDIR                scores them (the "position" table)
//
// Each relabelled entry keeps its file and placement, takes the other exercise, and is labelled as
// a negative: `reps: 0`, `holds: []`, `breaths: 0` and `wrong_posture: true`, with `lying_still` saying
// whether the person lies still in it (the share of those warned is the figure that matters).

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROGRAM } from '../src/workout/program.ts';
import type { ManifestEntry } from './recordings.ts';

interface Entry extends ManifestEntry {
  readonly subject?: string;
  readonly notes?: string;
}

const FACE_DOWN_EXERCISES = PROGRAM.filter((e) => e.startPosture === 'face-down').map((e) => e.id);

/** What a recording of `exercise` may be called instead, and whether the person in it lies still. */
function relabellings(entry: Entry): { exercise: string; lyingStill: boolean }[] {
  if (entry.placement !== 'chest') return [];
  const lying = /lying|supine|prone/.test(entry.notes ?? '');
  switch (entry.exercise) {
    case 'walking':
      return FACE_DOWN_EXERCISES.map((exercise) => ({ exercise, lyingStill: false }));
    case 'rest':
      return FACE_DOWN_EXERCISES.map((exercise) => ({ exercise, lyingStill: lying }));
    case 'glute-bridge':
      return [{ exercise: 'superman', lyingStill: true }];
    case 'superman':
      return [{ exercise: 'glute-bridge', lyingStill: true }];
    case 'bat-hang':
      return [{ exercise: 'bird-dog', lyingStill: true }];
    default:
      return [];
  }
}

function main(): void {
  const [srcArg, outArg] = process.argv.slice(2);
  if (!srcArg || !outArg) {
    console.error('usage: npm run -s relabel -- SRCDIR OUTDIR');
    process.exit(2);
  }
  const src = resolve(srcArg);
  const out = resolve(outArg);
  const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')) as Entry[];
  mkdirSync(out, { recursive: true });
  const relabelled: Record<string, unknown>[] = [];
  for (const entry of manifest) {
    const others = relabellings(entry);
    if (others.length === 0) continue;
    const link = join(out, entry.file);
    if (!existsSync(link)) symlinkSync(join(src, entry.file), link);
    for (const { exercise, lyingStill } of others) {
      relabelled.push({
        file: entry.file,
        exercise,
        placement: entry.placement,
        rate_hz: entry.rate_hz,
        subject: entry.subject,
        source: `${entry.exercise} relabelled as ${exercise}`,
        reps: 0,
        holds: [],
        breaths: 0,
        wrong_posture: true,
        lying_still: lyingStill,
      });
    }
  }
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(relabelled, null, 1)}\n`);
  console.log(`${relabelled.length} relabelled recordings in ${out}`);
}

main();
