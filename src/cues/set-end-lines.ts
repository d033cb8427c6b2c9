// What a set says as it ends, and of its count put right after it: "Done: forty-five seconds", "Set cut
// short: two reps done", "Eight reps".

import { exerciseById, FORM_ISSUE_TEXT } from '../workout/program.ts';
import { type CurrentSet, currentPlanned, type SessionState, type SetRecord } from '../workout/session.ts';
import { endedAtTap } from '../workout/set-outcomes.ts';
import { capitalised } from '../workout/set-words.ts';
import { type Cue, say, sayCount, sayReply, tone, vibrate } from './cue.ts';
import { countTapped, countUpCues } from './during-set-lines.ts';
import { formWarnings } from './form-warnings.ts';
import { countDoneText, setEndedWords, spokenCount } from './spoken-set.ts';
import { sentences, spokenNumber } from './spoken-words.ts';

const sayLastSet = (text: string): Cue => ({
  kind: 'say',
  text,
  interrupt: false,
  topic: 'last-set',
  reply: true,
});

/**
 * The set's closing line: one the person's tap ended (see endedAtTap) is answered, said over the rest.
 * One skipped with nothing done that `endsSession` is told by the session's line (see skippedIntoSummary).
 */
export function setEnded(
  prev: SessionState,
  set: CurrentSet,
  record: SetRecord,
  endsSession: boolean,
): Cue[] {
  const planned = currentPlanned(prev);
  if (!planned) return [];
  const atTap = endedAtTap(record);
  // A hold that was held is told by its time, however it ended (a hold the detectors end may have been
  // taken as begun in that same step, so the set before it shows none). One skipped before it began is
  // saved with a hold of 0 and is told skipped, as a rep set is: the person must hear their tap taken.
  // The exercise's last set skipped: its one point, kept through replies (see Cue.kept), is moot.
  const skipped = (text: string): Cue => ({
    ...sayReply(text, true),
    ...(record.setNumber >= planned.dosage.sets ? { ends: ['point'] } : {}),
  });
  if (record.holdMs !== null && record.endedBy !== 'skipped') {
    return holdEnded(set, record, atTap, skipped);
  }
  const cues = formWarnings(set.formIssues, record.formIssues);
  if (record.count > set.count) {
    // The tap that reached the target is answered as any tap is (see countTapped).
    const tapped = countTapped(set, record);
    cues.push(...countUpCues(planned.exercise, tapped));
    cues.push(sayCount(spokenCount(planned.exercise, record.count), tapped, tapped));
  }
  const words = setEndedWords(record);
  if (record.endedBy === 'skipped' && endsSession) return cues;
  if (record.endedBy === 'skipped' || record.skippedUnderWay) {
    // The tap is taken: what was still being said of the set (its instructions) is moot.
    cues.push(skipped(words));
  } else if (record.endedBy !== 'target') {
    // The answer to Finish is heard next, as "Set skipped" is; reps that stopped coming are news.
    cues.push(atTap ? sayReply(words, true) : say(words));
  }
  return cues;
}

/**
 * The set just done, its count put right during the rest (or, the session's last, on the summary):
 * "Eight reps". In a rest that set is the only one in question.
 */
export function correctedInRest(prev: SessionState, next: SessionState): Cue[] {
  const after = countPutRight(prev, next);
  if (!after) return [];
  // After the rest's announcement, not over it: it tells what comes next and how to lie for it.
  return [sayCount(capitalised(countDoneText(exerciseById(after.exerciseId), after.count)))];
}

/**
 * The set just done, put right from the set after it where no rest came between them: "Superman, set
 * one: four reps". It names the set, or the count would be heard as this set's target or count.
 */
export function correctedFromNextSet(prev: SessionState, next: SessionState): Cue[] {
  const after = countPutRight(prev, next);
  if (!after) return [];
  const exercise = exerciseById(after.exerciseId);
  const count = countDoneText(exercise, after.count);
  return [sayLastSet(`${exercise.name}, set ${spokenNumber(after.setNumber)}: ${count}`)];
}

/** The set just done, when its count was put right between these states. */
function countPutRight(prev: SessionState, next: SessionState): SetRecord | null {
  const before = prev.completed.at(-1);
  const after = next.completed.at(-1);
  return before && after && before !== after && before.count !== after.count ? after : null;
}

/**
 * "Done: forty-eight seconds", and the form problem that ended the hold as its reason when it had not
 * been said: "Hips in line" then would ask the person to mend a hold that is already over. (One said during
 * the hold is not said again.) Ended by a tap (`atTap`: Skip set, End hold or Finish), the answer to
 * it, said over what was still being said of the hold (its time calls are moot): "Done" at its target
 * or past it, and short of it "Set cut short: seven seconds held", where "Done" would be heard as the
 * hold completed.
 */
function holdEnded(
  set: CurrentSet,
  record: SetRecord,
  atTap: boolean,
  skipped: (text: string) => Cue,
): Cue[] {
  const news = record.formIssues.filter((issue) => !set.formIssues.includes(issue));
  const reasons = record.endedBy === 'form' ? news : [];
  const warned = formWarnings(
    set.formIssues,
    record.formIssues.filter((issue) => !reasons.includes(issue)),
  );
  if (record.skippedUnderWay) {
    return [...warned, tone('hold-end'), vibrate('hold-end'), skipped(setEndedWords(record))];
  }
  const done = [
    setEndedWords(record),
    ...reasons.map((issue) => `${capitalised(FORM_ISSUE_TEXT[issue].problem)} at the end`),
  ];
  const ended: Cue = atTap
    ? sayReply(sentences(done), true)
    : { kind: 'say', text: sentences(done), interrupt: false, ends: ['time'] };
  return [...warned, tone('hold-end'), vibrate('hold-end'), ended];
}
