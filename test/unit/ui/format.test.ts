import { describe, expect, it } from 'vitest';
import { englishLocaleFor } from '../../../src/app/person-locale.ts';
import { summarize } from '../../../src/store/summary.ts';
import {
  awayInRestText,
  awayPausedText,
  awayWhileSetRunsText,
  beforeGoText,
  clockFace,
  describeBelowRange,
  describeDosage,
  describeHeavierWeight,
  describeNoWeight,
  describeSessionFacts,
  describeSetOffer,
  describeTargetChange,
  farAboveProgramNote,
  formatDuration,
  learnedInSessionText,
  learnedText,
  listed,
  nextSetText,
  parseTypedNumber,
  pausedRingLabel,
  plural,
  sessionStartText,
  tapWordsOf,
  topPauseText,
  unbreakableRuns,
} from '../../../src/ui/format.ts';
import { type ExerciseId, exerciseById } from '../../../src/workout/program.ts';
import { drawingInBrokenByAPause, supermanSet } from '../../set-record.ts';

describe('times and counts as the screens write them', () => {
  it("names the set a rest leads to as the rest's voice does, in digits", () => {
    // The voice: "Next: Superman, set two of three", "Next: Glute bridge, one set".
    expect(nextSetText(2, 3)).toBe('set 2 of 3');
    expect(nextSetText(1, 4)).toBe('set 1 of 4');
    expect(nextSetText(1, 1)).toBe('1 set');
  });

  it('puts the unit beside a clock of seconds, and none beside minutes and seconds', () => {
    expect(clockFace(15)).toEqual({ digits: '15', suffix: 's' });
    expect(clockFace(67)).toEqual({ digits: '1:07', suffix: '' });
  });

  it('writes a duration for sentences the same way on every screen', () => {
    expect(formatDuration(152)).toBe('2 min 32 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(45)).toBe('45 s');
  });

  it('counts in the singular and plural', () => {
    expect(plural(1, 'set')).toBe('1 set');
    expect(plural(3, 'set')).toBe('3 sets');
  });

  it('says a plan of every kind of exercise in the singular and plural', () => {
    const plan = (id: Parameters<typeof exerciseById>[0], sets: number, target: number) =>
      describeDosage(exerciseById(id), { sets, target, restS: 30 });
    expect(plan('superman', 1, 1)).toBe('1 × 1 rep');
    expect(plan('superman', 3, 10)).toBe('3 × 10 reps');
    expect(plan('bat-hang', 1, 1)).toBe('1 × 1 breath');
    expect(plan('bat-hang', 2, 6)).toBe('2 × 6 breaths');
    expect(plan('elbow-plank', 3, 30)).toBe('3 × 30 s hold');
    // As the set's ring and the summary say a hold of two minutes.
    expect(plan('elbow-plank', 2, 120)).toBe('2 × 2 min hold');
    expect(plan('elbow-plank', 1, 75)).toBe('1 × 1 min 15 s hold');
    expect(
      describeDosage(exerciseById('lat-pulldown'), { sets: 3, target: 12, restS: 60, weightKg: 27.5 }),
    ).toBe('3 × 12 reps at 27.5 kg');
    // No weight set, or none at all: nothing to say of it.
    expect(
      describeDosage(exerciseById('lat-pulldown'), { sets: 3, target: 12, restS: 60, weightKg: 0 }),
    ).toBe('3 × 12 reps');
    expect(plan('bird-dog', 1, 20)).toBe('1 × 10 each side');
    expect(plan('bird-dog', 1, 2)).toBe('1 × 1 each side');
  });

  it('reads a number as a phone in any language types it', () => {
    expect(parseTypedNumber('12.5')).toBe(12.5);
    expect(parseTypedNumber('12,5')).toBe(12.5);
    expect(parseTypedNumber(' 25 ')).toBe(25);
    expect(parseTypedNumber('.5')).toBe(0.5);
    expect(parseTypedNumber('12.')).toBe(12);
    // Arabic-Indic digits and decimal separator, Persian digits, Devanagari digits.
    expect(parseTypedNumber('\u0661\u0662\u066b\u0665')).toBe(12.5);
    expect(parseTypedNumber('\u06f2\u06f7,\u06f5')).toBe(27.5);
    expect(parseTypedNumber('\u0967\u0968')).toBe(12);
    expect(parseTypedNumber('')).toBeNull();
    expect(parseTypedNumber('   ')).toBeNull();
    for (const text of ['12 kg', '1.000,5', '12,5,0', 'abc', '1e3', '--1']) {
      expect(parseTypedNumber(text), text).toBeNaN();
    }
  });

  it('says why a target moved', () => {
    // A plank goal kept at the setting, through a hold ended short by hand: nothing raised or lowered.
    expect(describeTargetChange({ exerciseId: 'elbow-plank', setting: 30, today: 30, reason: 'x' })).toBe(
      'Kept at 30 s: x.',
    );
    expect(describeTargetChange({ exerciseId: 'elbow-plank', setting: 30, today: 25, reason: 'x' })).toBe(
      'Lowered from 30 s: x.',
    );
    expect(describeTargetChange({ exerciseId: 'elbow-plank', setting: 120, today: 150, reason: 'x' })).toBe(
      'Raised from 2 min: x.',
    );
    // A count in its own unit, as the plan writes it.
    expect(describeTargetChange({ exerciseId: 'superman', setting: 10, today: 11, reason: 'x' })).toBe(
      'Raised from 10 reps: x.',
    );
    expect(describeTargetChange({ exerciseId: 'bat-hang', setting: 3, today: 4, reason: 'x' })).toBe(
      'Raised from 3 breaths: x.',
    );
    // A set added, its reps as they were: the sets and reps, as the plan writes them.
    const setAdded = { setting: 12, today: 12, sets: { setting: 3, today: 4 }, reason: 'x' };
    expect(describeTargetChange({ exerciseId: 'lat-pulldown', ...setAdded })).toBe(
      'Raised from 3 × 12 reps: x.',
    );
  });
});

describe('what the person does while the device that counts the set is out of reach', () => {
  const superman = exerciseById('superman');
  const plank = exerciseById('elbow-plank');
  const beforeTheHold = { holdStartMs: null };
  const inTheHold = { holdStartMs: 4000 };

  it('paused, as the voice says it: a count goes on with +1, a hold with the tap that begins or ends it', () => {
    expect(awayPausedText(superman, beforeTheHold)).toBe(
      'Tap Reconnect, or Resume and count with +1 until the device is back.',
    );
    expect(awayPausedText(exerciseById('bat-hang'), beforeTheHold)).toBe(
      'Tap Reconnect, or Resume and count with +1 until the device is back.',
    );
    expect(awayPausedText(plank, beforeTheHold)).toBe(
      'Tap Reconnect, or Resume and tap Start hold when you are in position.',
    );
    expect(awayPausedText(plank, inTheHold)).toBe(
      'Tap Reconnect, or Resume and tap End hold when you let go.',
    );
  });

  it('paused in a rest, as the voice says it: the set after it goes on by hand, a hold with Start hold', () => {
    expect(awayInRestText(superman)).toBe(
      'Tap Reconnect, or Resume and count with +1 until the device is back.',
    );
    expect(awayInRestText(plank)).toBe(
      'Tap Reconnect, or Resume and tap Start hold when you are in position.',
    );
  });

  // With a strap and a watch worn, the voice named the one that went ("until the watch is back") while
  // the screen said "until the device is back", for a person with the voice muted to guess which.
  it('names the device that went where the voice names it, in a set, in a rest and under Finish', () => {
    expect(awayPausedText(superman, beforeTheHold, 'Resume', 'wrist')).toBe(
      'Tap Reconnect, or Resume and count with +1 until the watch is back.',
    );
    expect(awayInRestText(superman, 'Resume', 'chest')).toBe(
      'Tap Reconnect, or Resume and count with +1 until the strap is back.',
    );
    expect(awayPausedText(superman, beforeTheHold, 'Keep going', 'chest')).toBe(
      'Tap Reconnect, or Keep going and count with +1 until the strap is back.',
    );
    expect(awayInRestText(exerciseById('bat-hang'), 'Keep going, then Resume', 'wrist')).toBe(
      'Tap Reconnect, or Keep going, then Resume, and count with +1 until the watch is back.',
    );
    // A hold goes on by a tap that waits for no device, as the voice's line does.
    expect(awayPausedText(plank, beforeTheHold, 'Resume', 'chest')).toBe(
      'Tap Reconnect, or Resume and tap Start hold when you are in position.',
    );
    // One device worn, or which went not known: "the device", as the voice says it.
    expect(awayPausedText(superman, beforeTheHold, 'Resume', undefined)).toBe(
      'Tap Reconnect, or Resume and count with +1 until the device is back.',
    );
  });

  it("under Finish's question, names its Keep going in place of the Resume it takes off the screen", () => {
    expect(awayPausedText(plank, inTheHold, 'Keep going')).toBe(
      'Tap Reconnect, or Keep going and tap End hold when you let go.',
    );
    expect(awayPausedText(superman, beforeTheHold, 'Keep going, then Resume')).toBe(
      'Tap Reconnect, or Keep going, then Resume, and count with +1 until the device is back.',
    );
    expect(awayInRestText(plank, 'Keep going, then Resume')).toBe(
      'Tap Reconnect, or Keep going, then Resume, and tap Start hold when you are in position.',
    );
  });

  it("while the set runs under Finish's question, names its Keep going before the tap it hides", () => {
    expect(awayWhileSetRunsText(superman, beforeTheHold, undefined, false, 'Keep going')).toBe(
      'Device out of reach: Keep going, then count with +1',
    );
    expect(awayWhileSetRunsText(plank, inTheHold, 'wrist', false, 'Keep going, then Resume')).toBe(
      'Watch out of reach: Keep going, then Resume and tap End hold when you let go',
    );
  });

  it('while the set runs, in a line short enough to stand under the set', () => {
    expect(awayWhileSetRunsText(superman, beforeTheHold)).toBe('Device out of reach: count with +1');
    expect(awayWhileSetRunsText(plank, beforeTheHold)).toBe('Device out of reach: tap Start hold');
    expect(awayWhileSetRunsText(plank, inTheHold)).toBe('Device out of reach: tap End hold when you let go');
    // The strap beside it still connected, the line names the one away.
    expect(awayWhileSetRunsText(superman, beforeTheHold, 'wrist')).toBe('Watch out of reach: count with +1');
    // Connected, as the header says, its motion stopped: not out of reach.
    expect(awayWhileSetRunsText(superman, beforeTheHold, 'wrist', true)).toBe(
      'Watch motion stopped: count with +1',
    );
  });
});

describe('the words of a line under the set that ask for a tap, kept on one line', () => {
  it('cuts out the words from the verb to the button they name', () => {
    expect(tapWordsOf('Watch motion stopped: count with +1')).toEqual({
      before: 'Watch motion stopped: ',
      tap: 'count with +1',
      after: '',
    });
    expect(tapWordsOf('InfiniTime cannot see this exercise: count with +1').tap).toBe('count with +1');
    expect(tapWordsOf('Device out of reach: tap Start hold').tap).toBe('tap Start hold');
    expect(tapWordsOf('Device out of reach: tap End hold when you let go')).toEqual({
      before: 'Device out of reach: ',
      tap: 'tap End hold',
      after: ' when you let go',
    });
  });

  it('leaves a line that asks for no tap whole', () => {
    expect(tapWordsOf('Strap out of reach: heart rate paused')).toEqual({
      before: 'Strap out of reach: heart rate paused',
      tap: '',
      after: '',
    });
  });
});

// A walk of the whole session read "Listen for Go." under "In position" for 8 s while the voice still
// said how the superman is done: glanced at from the mat, the line ended in the command not yet given.
describe('what a set begun by itself says under its big line until the voice has said "Go"', () => {
  const superman = exerciseById('superman');
  const plank = exerciseById('elbow-plank');

  it('asks the person to wait where they are for the voice\'s "Go", which it names only as words to come', () => {
    for (const startSeen of ['position', 'stillness'] as const) {
      const line = beforeGoText(superman, { startSeen });
      expect(line, startSeen).toBe('Stay there until the voice says “Go”.');
      expect(beforeGoText(plank, { startSeen }), startSeen).toBe(line);
    }
  });

  it('where nothing saw the person, tells them to start on the voice\'s "Go", or to tap Start hold for a hold', () => {
    expect(beforeGoText(superman, {})).toBe('Start when the voice says “Go”.');
    expect(beforeGoText(plank, {})).toBe('Listen, then tap Start hold.');
  });

  it('never ends on the word "Go", nor has it anywhere but quoted', () => {
    for (const exercise of [superman, plank])
      for (const startSeen of ['position', 'stillness', undefined] as const) {
        const line = beforeGoText(exercise, { startSeen });
        expect(line.replace(/“Go”/g, ''), line).not.toMatch(/\bgo\b/i);
      }
  });
});

describe("the pause at the top of a rep that the voice times, as the set's ring writes it", () => {
  const bridge = exerciseById('glute-bridge');

  it('counts down the seconds left from when the person got there, then says Down until the rep is counted', () => {
    const at = { atTopSinceMs: 10_000 };
    expect(bridge.topPauseS).toBe(3);
    expect(topPauseText(bridge, at, 10_000)).toBe('Hold 3');
    expect(topPauseText(bridge, at, 10_460)).toBe('Hold 3');
    expect(topPauseText(bridge, at, 11_000)).toBe('Hold 2');
    expect(topPauseText(bridge, at, 12_999)).toBe('Hold 1');
    expect(topPauseText(bridge, at, 13_000)).toBe('Down');
    expect(topPauseText(bridge, at, 16_000)).toBe('Down');
    expect(topPauseText(bridge, { atTopSinceMs: null }, 12_000)).toBeNull();
    expect(topPauseText(bridge, {}, 12_000)).toBeNull();
  });

  it('says nothing for an exercise whose pause at the top the voice does not time', () => {
    expect(topPauseText(exerciseById('superman'), { atTopSinceMs: 10_000 }, 11_000)).toBeNull();
  });
});

describe('a ring\'s name while its session is paused, for a screen reader that hears no "Paused" on it', () => {
  it('says paused, and why where the app paused for a device, and nothing more while it goes on', () => {
    expect(pausedRingLabel('Rest remaining', false, null)).toBe('Rest remaining');
    expect(pausedRingLabel('Rest remaining', true, null)).toBe('Rest remaining, paused');
    expect(pausedRingLabel('Rest remaining', true, 'lost')).toBe('Rest remaining, paused: out of reach');
    expect(pausedRingLabel('Reps', true, 'replay')).toBe('Reps, paused: replay ended');
  });
});

describe('when a session began, in a sentence', () => {
  const now = new Date(2026, 11, 4, 21, 30).getTime();
  const at = (month: number, day: number, year = 2026) => new Date(year, month, day, 8, 0).getTime();
  // Some versions of ICU put a narrow no-break space before "AM".
  const startText = (startedAt: number, now: number, locale: string) =>
    sessionStartText(startedAt, now, locale).replace(/\s/g, ' ');

  it("writes dates in English in the person's own style, whatever the browser's language", () => {
    const at = Date.UTC(2026, 10, 22, 18, 20);
    const write = (languages: string[]) =>
      new Date(at)
        .toLocaleString(englishLocaleFor(languages), {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'UTC',
        })
        .replace(/\s/g, ' ');
    // Day before month and a 24-hour clock, in English words and digits.
    expect(write(['de-DE', 'de'])).toBe('22 Nov 2026, 18:20');
    expect(write(['fr-FR'])).toBe('22 Nov 2026, 18:20');
    // India's English, 12-hour; an Egyptian phone's clock, in Latin digits among English words.
    expect(write(['hi-IN', 'hi'])).toBe('22 Nov 2026, 6:20 pm');
    expect(write(['ar-EG'])).toBe('Nov 22, 2026, 6:20 PM');
    // A region with no English of its own: English, on the person's 24-hour clock.
    expect(write(['pt-BR'])).toBe('Nov 22, 2026, 18:20');
    expect(write(['en-GB'])).toBe('22 Nov 2026, 18:20');
    expect(write(['en-US', 'en'])).toBe('Nov 22, 2026, 6:20 PM');
    expect(write([])).toBe('Nov 22, 2026, 6:20 PM');
    expect(englishLocaleFor(['not a language tag'])).toBe('en');
  });

  it('gives the time alone today, and the day too on any other', () => {
    expect(startText(at(11, 4), now, 'en-US')).toBe('8:00 AM');
    expect(startText(at(11, 3), now, 'en-US')).toBe('yesterday at 8:00 AM');
    expect(startText(at(10, 16), now, 'en-US')).toBe('Nov 16 at 8:00 AM');
    expect(startText(at(11, 20, 2025), now, 'en-US')).toBe('Dec 20, 2025 at 8:00 AM');
    expect(startText(at(10, 16), now, 'en-GB')).toBe('16 Nov at 08:00');
  });

  it('goes by the calendar day, not by 24 hours', () => {
    const justAfterMidnight = new Date(2026, 11, 5, 0, 10).getTime();
    expect(startText(new Date(2026, 11, 4, 23, 50).getTime(), justAfterMidnight, 'en-US')).toBe(
      'yesterday at 11:50 PM',
    );
    expect(startText(at(11, 3), justAfterMidnight, 'en-US')).toBe('Dec 3 at 8:00 AM');
  });
});

describe('describeSessionFacts', () => {
  const summary = {
    durationMs: 300_000,
    sets: 3,
    reps: 0,
    holdMs: 0,
    avgBpm: null,
    maxBpm: null,
    recoveryBpm: null,
  };

  it('tells what a session counted and held, leaving out what it had none of', () => {
    expect(describeSessionFacts({ ...summary, holdMs: 138_600, avgBpm: 92 })).toBe(
      '5 min · 3 sets · 2 min 18 s held · 92 bpm average',
    );
    expect(describeSessionFacts({ ...summary, sets: 1, reps: 15 })).toBe(
      '5 min · 1 set · 15 reps and breaths',
    );
    expect(describeSessionFacts({ ...summary, durationMs: 20_000, reps: 13, holdMs: 44_000 })).toBe(
      'under a minute · 3 sets · 13 reps and breaths · 44 s held',
    );
    expect(describeSessionFacts({ ...summary, sets: 1, reps: 1 })).toBe('5 min · 1 set · 1 rep or breath');
  });

  it('says the time of holds broken by a pause with the pause, as the rest and the voice said each', () => {
    // "45 s held" read as one hold kept whole, which the plan takes no step from.
    const broken = drawingInBrokenByAPause();
    const whole = supermanSet({
      exerciseId: 'elbow-plank',
      target: 30,
      count: 0,
      holdMs: 31_000,
      peakDeg: null,
    });
    expect(describeSessionFacts(summarize([broken], [], 300_000))).toBe(
      '5 min · 1 set · 45 s held, with a pause',
    );
    expect(describeSessionFacts(summarize([broken, whole], [], 300_000))).toBe(
      '5 min · 2 sets · 1 min 16 s held, 45 s of it with a pause',
    );
    expect(describeSessionFacts(summarize([whole], [], 300_000))).toBe('5 min · 1 set · 31 s held');
  });

  it('says reps, breaths and skipped sets apart, as the summary after the session does', () => {
    const kept = { ...summary, sets: 14, skipped: 1, reps: 109, breaths: 8 };
    expect(describeSessionFacts(kept)).toBe('5 min · 13 done, 1 skipped · 101 reps · 8 breaths');
    expect(describeSessionFacts({ ...kept, skipped: 0, reps: 1, breaths: 0 })).toBe(
      '5 min · 14 sets · 1 rep',
    );
    expect(describeSessionFacts({ ...kept, reps: 8 })).toBe('5 min · 13 done, 1 skipped · 8 breaths');
  });

  // "2 sets, 2 cut short, 2 skipped" read as two sets in all: the sets done are named done, as the
  // question before Finish and the voice name them.
  it('says the sets cut short apart from those done, as the summary after the session does', () => {
    const kept = { ...summary, sets: 14, skipped: 1, cutShort: 2, reps: 101 };
    expect(describeSessionFacts(kept)).toBe('5 min · 11 done, 2 cut short, 1 skipped · 101 reps and breaths');
    expect(describeSessionFacts({ ...summary, sets: 6, skipped: 2, cutShort: 2 })).toBe(
      '5 min · 2 done, 2 cut short, 2 skipped',
    );
    // None done in full: "0 sets" would read as nothing kept.
    expect(describeSessionFacts({ ...kept, sets: 2, skipped: 0, cutShort: 2 })).toBe(
      '5 min · 2 sets cut short · 101 reps and breaths',
    );
  });

  it('says the weight an exercise was done with, as the program asks it logged', () => {
    const weights = [{ exerciseId: 'lat-pulldown', kg: 27.5 }] as const;
    expect(describeSessionFacts({ ...summary, sets: 3, reps: 36, breaths: 0, avgBpm: 92, weights })).toBe(
      '5 min · 3 sets · 36 reps · 92 bpm average · Wide-grip lat pulldown at 27.5 kg',
    );
  });

  it('tells a bird dog per side, as every other screen does, and the other reps apart from it', () => {
    const withBirdDog = { ...summary, sets: 4, reps: 55, breaths: 0 };
    expect(
      describeSessionFacts({ ...withBirdDog, perSide: [{ exerciseId: 'bird-dog', right: 10, left: 10 }] }),
    ).toBe('5 min · 4 sets · 35 reps · Bird dog 10 each side');
    expect(
      describeSessionFacts({
        ...withBirdDog,
        reps: 15,
        perSide: [{ exerciseId: 'bird-dog', right: 8, left: 7 }],
      }),
    ).toBe('5 min · 4 sets · Bird dog 8 right, 7 left');
    // A session whose sides are not known: the total is all there is to tell.
    expect(describeSessionFacts(withBirdDog)).toBe('5 min · 4 sets · 55 reps');
    // Saved before breaths were kept apart: the other reps and breaths together, the bird dog apart.
    const { breaths: _, ...beforeBreaths } = withBirdDog;
    expect(
      describeSessionFacts({ ...beforeBreaths, perSide: [{ exerciseId: 'bird-dog', right: 10, left: 10 }] }),
    ).toBe('5 min · 4 sets · 35 reps and breaths · Bird dog 10 each side');
  });
});

describe('what was learned from the person’s corrections and holds ended by hand, in words', () => {
  const lower = { rangeScale: 0.6, holdLeaveScale: 1 };

  it('in Settings, for the exercise it belongs to', () => {
    expect(learnedText(exerciseById('superman'), lower)).toBe(
      'Learned from your corrections: reps count from 60 % of the movement the program expects.',
    );
    // End hold is how the person tells a hold ended, not a correction of a count: named as it is.
    expect(learnedText(exerciseById('elbow-plank'), { rangeScale: 1, holdLeaveScale: 0.8 })).toBe(
      'Learned from the holds you ended by hand: a hold ends at 80 % of the usual move out of the pose.',
    );
    expect(learnedText(exerciseById('superman'), undefined)).toBeNull();
    expect(learnedText(exerciseById('superman'), { rangeScale: 1, holdLeaveScale: 1 })).toBeNull();
  });

  it('after a session, in the same words, each exercise named, and where to forget it', () => {
    expect(learnedInSessionText([{ exerciseId: 'superman', tuning: lower }])).toBe(
      'Learned from your corrections: superman reps count from 60 % of the movement the program expects. Forget it in Settings.',
    );
    expect(
      learnedInSessionText([
        { exerciseId: 'bat-hang', tuning: { rangeScale: 1.2, holdLeaveScale: 1 } },
        { exerciseId: 'elbow-plank', tuning: { rangeScale: 1, holdLeaveScale: 0.8 } },
      ]),
    ).toBe(
      'Learned from your corrections and the holds you ended by hand: bat hang breaths count from 120 % of the movement the program expects; an elbow plank hold ends at 80 % of the usual move out of the pose. Forget it in Settings.',
    );
    expect(
      learnedInSessionText([{ exerciseId: 'elbow-plank', tuning: { rangeScale: 1, holdLeaveScale: 0.8 } }]),
    ).toBe(
      'Learned from the holds you ended by hand: an elbow plank hold ends at 80 % of the usual move out of the pose. Forget it in Settings.',
    );
    expect(learnedInSessionText([])).toBeNull();
  });
});

describe("a target below the program's dosage, which past sessions leave as set", () => {
  it('names the range of a count, and the 45 s the drawing-in starts at, in the same words', () => {
    expect(describeBelowRange(exerciseById('superman'), 'in Settings')).toBe(
      "Below the program's 10–12 reps, so past sessions leave it as you set it: raise it in Settings when you are ready for more.",
    );
    expect(describeBelowRange(exerciseById('drawing-in'), 'here')).toBe(
      "Below the program's 45 s, so past sessions leave it as you set it: raise it here when you are ready for more.",
    );
  });
});

describe('the advice to try a heavier weight, once every set of the most the program asks for is done', () => {
  const pulldown = exerciseById('lat-pulldown');

  it('says what was done and what to do, where the plan tells no change of its own', () => {
    // Without "last time": a short session since, its one set, leaves it due.
    expect(describeHeavierWeight(pulldown, 'in Settings', false)).toBe(
      'You did every set of 4 × 15 reps, the most the program asks for. Time to try a heavier weight, one that keeps good form throughout: raise it in Settings.',
    );
  });

  it('says only what to do after a change whose reason told what was done', () => {
    expect(describeHeavierWeight(pulldown, 'here', true)).toBe(
      'Time to try a heavier weight, one that keeps good form throughout: raise it here.',
    );
  });
});

describe('the offer of a set more beside the glute bridge', () => {
  it('says what was done, as a raised target tells it, and that the program offers more sets', () => {
    expect(describeSetOffer(exerciseById('glute-bridge'), 15)).toBe(
      'You did every set of 15 reps in your last 2 sessions: the program offers more sets.',
    );
  });
});

describe('the word beside a weighted exercise before a weight is logged', () => {
  it("asks for one in program.md's words, and says where to log it", () => {
    expect(describeNoWeight('in Settings')).toBe(
      'Pick a weight that keeps good form throughout, and log it in Settings.',
    );
    expect(describeNoWeight('here')).toBe('Pick a weight that keeps good form throughout, and log it here.');
  });
});

describe("a target far above the program's dosage", () => {
  it.each<[ExerciseId, number, number, string]>([
    ['superman', 24, 25, "Far above the program's 10–12 reps: build up to it slowly."],
    ['glute-bridge', 30, 31, "Far above the program's 15 reps: build up to it slowly."],
    ['drawing-in', 240, 241, "Far above the program's 2 min: build up to it slowly."],
    ['bird-dog', 40, 42, "Far above the program's 10 each side: build up to it slowly."],
    ['bat-hang', 10, 11, "Far above the program's 3–5 breaths: build up to it slowly."],
    ['lat-pulldown', 30, 31, "Far above the program's 12–15 reps: build up to it slowly."],
  ])(
    "%s: says nothing up to twice the program's top (%i), and past it says so calmly",
    (id, quiet, far, note) => {
      const exercise = exerciseById(id);
      expect(farAboveProgramNote(exercise, exercise.dosage.target)).toBeNull();
      expect(farAboveProgramNote(exercise, quiet)).toBeNull();
      expect(farAboveProgramNote(exercise, far)).toBe(note);
    },
  );

  it('a plank, held as long as form holds, past 2 min: from the 30 s it starts at, a step at a time', () => {
    const plank = exerciseById('elbow-plank');
    expect(farAboveProgramNote(plank, 120)).toBeNull();
    expect(farAboveProgramNote(plank, 600)).toBe(
      'Far above the 30 s a plank starts at: build up to it slowly, holding only as long as your form holds.',
    );
  });
});

describe('the runs of a sentence a line must not break inside', () => {
  /** The runs `unbreakableRuns` keeps whole: the odd parts of what it cuts. */
  const kept = (text: string) => unbreakableRuns(text).filter((_, i) => i % 2 === 1);

  it('keeps a range with its unit whole, the en dash included', () => {
    expect(kept("Far above the program's 10–12 reps: build up to it slowly.")).toEqual(['10–12 reps']);
    expect(kept("Below the program's 3–5 breaths, so past sessions leave it")).toEqual(['3–5 breaths']);
  });

  it('keeps a number with its unit whole: a duration, a weight, a count, a bird dog side, a heart rate', () => {
    expect(kept('Far above the 30 s a plank starts at')).toEqual(['30 s']);
    expect(kept('Raised from 1 min 30 s: you held the whole 2 min last time.')).toEqual([
      '1 min 30 s',
      '2 min',
    ]);
    expect(kept('3 × 12 reps at 22.5 kg')).toEqual(['3 ×', '12 reps', '22.5 kg']);
    expect(kept('1 rep, 4 breaths, 3 sets, 10 each side')).toEqual([
      '1 rep',
      '4 breaths',
      '3 sets',
      '10 each side',
    ]);
    expect(kept('44 s held · 93 bpm average')).toEqual(['44 s', '93 bpm']);
  });

  it("keeps a plan's count of sets with its times sign, apart from the set's target", () => {
    expect(kept('3 × 10 min hold')).toEqual(['3 ×', '10 min']);
    expect(kept('1 × 10 each side')).toEqual(['1 ×', '10 each side']);
    expect(kept('Raised from 3 × 12 reps: you did all 3 sets.')).toEqual(['3 ×', '12 reps', '3 sets']);
  });

  it("keeps each count of a session's sets whole with what it counts", () => {
    expect(kept('1 done, 1 cut short, 2 skipped · 13 reps')).toEqual([
      '1 done',
      '1 cut short',
      '2 skipped',
      '13 reps',
    ]);
    expect(kept('1 set cut short · under a minute')).toEqual(['1 set cut short']);
    expect(kept('8 sets, 2 skipped')).toEqual(['8 sets', '2 skipped']);
  });

  it('keeps a hyphenated name whole, and leaves a number without a unit and the words free', () => {
    expect(kept('Drawing-in, set 2 counted wrong?')).toEqual(['Drawing-in,']);
    expect(kept('Reps count both sides: 20 = 10 each side.')).toEqual(['10 each side']);
    expect(kept('so past sessions leave it as you set it')).toEqual([]);
  });

  it('loses no character of the text', () => {
    const text =
      "Today's session: 4 × 12 reps. Raised from 3 × 12 reps at 25 kg: the wide-grip lat pulldown.";
    expect(unbreakableRuns(text).join('')).toBe(text);
  });
});

describe('listed', () => {
  it('names one, two or more things as a sentence does', () => {
    expect(listed([])).toBe('');
    expect(listed(['HRM-Dual 4242'])).toBe('HRM-Dual 4242');
    expect(listed(['a', 'b'])).toBe('a and b');
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
