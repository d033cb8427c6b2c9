// The virtual-strap corpus: simulated people performing the seven exercises of program.md, plus
// distractors (sitting, walking, getting down to the floor, resting in the pose), written in the
// shared dataset format so that `npm run -s eval -- OUTDIR` scores them like the real corpora.
//
//   npm run corpus -- OUTDIR [--people N] [--seed S]
//
// Every recording is one set of one person, at 50–200 Hz, some with dropped packets. The truth comes
// from the simulation itself (src/sensors/virtual/recording.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Activity,
  type BodyPosture,
  EXERCISE_POSTURE,
  type Habit,
  type VirtualExercise,
} from '../src/sensors/virtual/choreography.ts';
import { randomPerson, type SimulatedPerson } from '../src/sensors/virtual/person.ts';
import { createRandom, type Random } from '../src/sensors/virtual/random.ts';
import { type SimulatedRecording, simulateRecording } from '../src/sensors/virtual/recording.ts';
import { exerciseById, PROGRAM } from '../src/workout/program.ts';

const RATES_HZ = [50, 100, 130, 200];

interface SetPlan {
  readonly exercise: VirtualExercise;
  readonly activities: Activity[];
  readonly startPosture: BodyPosture;
  readonly kind: string;
  readonly habit?: Habit;
}

/** The sets one person does: the seven exercises at the program's dosages. */
function exerciseSets(random: Random): SetPlan[] {
  const pick = (a: number, b: number) => Math.round(random.between(a, b + 0.999) - 0.5);
  const set = (exercise: VirtualExercise, target: number, startPosture?: BodyPosture): SetPlan => ({
    exercise,
    kind: 'set',
    startPosture: startPosture ?? EXERCISE_POSTURE[exercise],
    activities: [{ kind: 'exercise', exercise, target }],
  });
  return [
    set('superman', pick(10, 12)),
    set('glute-bridge', pick(12, 16)),
    set('bird-dog', 2 * pick(8, 10)),
    set('lat-pulldown', pick(12, 15)),
    set('bat-hang', pick(3, 5)),
    set('drawing-in', Math.round(random.between(45, 65))),
    // A plank starts lying face down and lifts onto the elbows.
    set('elbow-plank', 60, 'prone'),
  ];
}

/** Things a person does while a set is running that must never count as a rep. */
function distractorSets(random: Random, index: number): SetPlan[] {
  const repExercises: VirtualExercise[] = ['superman', 'glute-bridge', 'bird-dog', 'lat-pulldown'];
  const exercise = repExercises[index % repExercises.length];
  const other = repExercises[(index + 1) % repExercises.length];
  const kinds: [string, Activity[], BodyPosture][] = [
    ['sit', [{ kind: 'sit', durationS: random.between(40, 70) }], 'seated'],
    ['walk', [{ kind: 'walk', durationS: random.between(40, 70) }], 'standing'],
    ['get-down', [{ kind: 'get-down' }, { kind: 'rest', durationS: random.between(15, 30) }], 'standing'],
    ['rest', [{ kind: 'rest', durationS: random.between(40, 70) }], EXERCISE_POSTURE[other]],
  ];
  const [a, b] = [kinds[index % kinds.length], kinds[(index + 2) % kinds.length]];
  return [
    { exercise, kind: a[0], activities: a[1], startPosture: a[2] },
    { exercise: other, kind: b[0], activities: b[1], startPosture: b[2] },
  ];
}

const ALL: readonly VirtualExercise[] = PROGRAM.map((e) => e.id);
const FLOOR: readonly VirtualExercise[] = PROGRAM.filter((e) => e.startPosture !== 'upright').map(
  (e) => e.id,
);
const COUNTED_ON_THE_FLOOR: readonly VirtualExercise[] = ['superman', 'glute-bridge', 'bird-dog', 'bat-hang'];

/**
 * Sets as the app runs them: the set falls due with the person standing, they get into position
 * (after a moment to react), keep still until "Go" and do the set. Each person also lies the wrong
 * way first once, gets up before the set is done once, and once stays standing when a floor
 * exercise is due (nothing may start then).
 */
function positionSets(random: Random, index: number): SetPlan[] {
  const dosage = (exercise: VirtualExercise) => exerciseById(exercise).dosage.target;
  const set = (exercise: VirtualExercise, kind: string, habit: Habit): SetPlan => ({
    exercise,
    kind,
    habit,
    startPosture: 'standing',
    activities: [
      { kind: 'position', exercise, stillForS: random.between(1.5, 2.5) },
      { kind: 'exercise', exercise, target: dosage(exercise) },
    ],
  });
  const up: SetPlan = {
    exercise: FLOOR[(index + 3) % FLOOR.length],
    kind: 'stays-up',
    habit: 'stays-up',
    startPosture: 'standing',
    activities: [
      { kind: 'position', exercise: FLOOR[(index + 3) % FLOOR.length], stillForS: random.between(30, 45) },
    ],
  };
  return [
    set(ALL[index % ALL.length], 'position', 'follows'),
    set(FLOOR[(index + 1) % FLOOR.length], 'wrong-way', 'wrong-way'),
    set(COUNTED_ON_THE_FLOOR[index % COUNTED_ON_THE_FLOOR.length], 'up-early', 'up-early'),
    up,
  ];
}

function toCsv(rec: SimulatedRecording): string {
  const lines = ['t,ax,ay,az'];
  for (let i = 0; i < rec.tS.length; i++) {
    const x = rec.xyz[3 * i];
    const y = rec.xyz[3 * i + 1];
    const z = rec.xyz[3 * i + 2];
    lines.push(`${rec.tS[i].toFixed(4)},${x.toFixed(5)},${y.toFixed(5)},${z.toFixed(5)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface CorpusRecording {
  /** The manifest entry, labels included, in the shared dataset format. */
  readonly entry: Record<string, unknown> & {
    file: string;
    exercise: string;
    placement: string;
    rate_hz: number;
  };
  readonly recording: SimulatedRecording;
}

/** The corpus in memory: every person's sets and distractors, reproducible from the seed. */
export function simulateCorpus(people: number, seed: number): CorpusRecording[] {
  const corpus: CorpusRecording[] = [];
  for (let p = 0; p < people; p++) {
    const random = createRandom(seed * 100003 + p);
    const person: SimulatedPerson = randomPerson(random.fork('person'));
    const subject = `v${String(p + 1).padStart(2, '0')}`;
    const plans = [...exerciseSets(random.fork('sets')), ...distractorSets(random.fork('distractors'), p)];
    // The sets by position draw from a stream of their own, so the recordings above stay as they were.
    plans.push(...positionSets(createRandom(seed * 100003 + p + 0x5eed), p));
    plans.forEach((plan, k) => {
      const r = random.fork(`${plan.exercise}:${plan.kind}:${k}`);
      const rateHz = RATES_HZ[Math.floor(r.between(0, RATES_HZ.length))];
      const dropoutChance = r.chance(0.5) ? r.between(0.005, 0.03) : 0;
      const recording = simulateRecording({
        seed: Math.floor(r.between(0, 2 ** 31)),
        activities: plan.activities,
        person,
        rateHz,
        dropoutChance,
        startPosture: plan.startPosture,
        habit: plan.habit,
      });
      const t = recording.truth;
      const entry: CorpusRecording['entry'] = {
        file: `${subject}_${plan.exercise}_${plan.kind}.csv`,
        exercise: plan.exercise,
        placement: 'chest',
        rate_hz: rateHz,
        subject,
        source: 'virtual strap (src/sensors/virtual), simulated',
        activity: plan.kind,
        dropout_chance: Math.round(dropoutChance * 1000) / 1000,
        mounting_deg: person.mounting,
      };
      const byPosition = plan.activities[0].kind === 'position';
      if (byPosition) {
        entry.in_position = t.in_position[0] ?? null;
        if (t.wrong_position.length) entry.wrong_position = t.wrong_position[0];
      }
      if (plan.kind === 'stays-up')
        Object.assign(entry, { reps: 0, holds: [], wrong_posture: true, lying_still: false });
      else if (plan.kind !== 'set' && !byPosition) entry.reps = 0;
      else if (plan.exercise === 'bat-hang')
        Object.assign(entry, { breaths: t.breaths, breath_times: t.breath_times });
      else if (t.holds.length > 0) {
        // A drawing-in hold is stillness in position: it began when the person was in position and
        // still, before "Go" (as synthetic-seven defines it). A plank's begins once lifted.
        const fromPosition = byPosition && plan.exercise === 'drawing-in' && t.in_position.length > 0;
        entry.holds = fromPosition ? [[t.in_position[0], t.holds[0][1]], ...t.holds.slice(1)] : t.holds;
      } else
        Object.assign(entry, {
          reps: t.reps,
          rep_times: t.rep_times,
          ...(t.sides.length ? { sides: t.sides } : {}),
        });
      corpus.push({ entry, recording });
    });
  }
  return corpus;
}

function main(): void {
  const args = process.argv.slice(2);
  const outArg = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!outArg) {
    console.error('usage: npm run corpus -- OUTDIR [--people N] [--seed S]');
    process.exit(2);
  }
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const people = option('--people', 16);
  const out = resolve(outArg);
  mkdirSync(out, { recursive: true });
  const corpus = simulateCorpus(people, option('--seed', 1));
  for (const { entry, recording } of corpus) writeFileSync(join(out, entry.file), toCsv(recording));
  const manifest = corpus.map((c) => c.entry);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`${manifest.length} recordings of ${people} simulated people in ${out}`);
}

// Run as a command, not when the tests import the corpus.
if (import.meta.url === `file://${process.argv[1]}`) main();
