import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/sensors/virtual/choreography.ts';
import type { PerformedActivity, VirtualPersonStatus } from '../../../src/sensors/virtual/virtual-strap.ts';
import { describePerson } from '../../../src/ui/virtual-person-words.ts';

function performed(activity: Activity, patch: Partial<PerformedActivity> = {}): PerformedActivity {
  return { activity, repsDone: 0, holdS: null, breathsDone: 0, inPosition: false, wrongWay: false, ...patch };
}

function person(
  current: PerformedActivity,
  previous: PerformedActivity | null = null,
  habit: VirtualPersonStatus['habit'] = 'usual',
): VirtualPersonStatus {
  return { current, previous, habit };
}

const SUPERMAN: Activity = { kind: 'exercise', exercise: 'superman', target: 10 };
const BAT_HANG: Activity = { kind: 'exercise', exercise: 'bat-hang', target: 6 };
const DRAWING_IN: Activity = { kind: 'exercise', exercise: 'drawing-in', target: 1 };
const POSITION: Activity = { kind: 'position', exercise: 'superman' };

describe("the virtual person's line", () => {
  it('counts the reps, breaths or seconds of the exercise under way', () => {
    expect(describePerson(person(performed(SUPERMAN, { repsDone: 1 })))).toBe('Virtual person: 1 rep done');
    expect(describePerson(person(performed(SUPERMAN, { repsDone: 4 })))).toBe('Virtual person: 4 reps done');
    expect(describePerson(person(performed(BAT_HANG, { breathsDone: 3 })))).toBe(
      'Virtual person: 3 breaths done',
    );
    expect(describePerson(person(performed(DRAWING_IN, { holdS: 12.9 })))).toBe(
      'Virtual person: holding 12 s',
    );
  });

  it('says how the person gets into position, by their habit', () => {
    expect(describePerson(person(performed(POSITION)))).toBe('Virtual person: getting into position');
    expect(describePerson(person(performed(POSITION, { inPosition: true })))).toBe(
      'Virtual person: in position, waiting for Go',
    );
    expect(describePerson(person(performed(POSITION, { wrongWay: true })))).toBe(
      'Virtual person: lying the wrong way',
    );
    expect(describePerson(person(performed(POSITION), null, 'stays-up'))).toBe(
      'Virtual person: staying on their feet',
    );
  });

  it('says in a rest what was just done', () => {
    const rest: Activity = { kind: 'rest' };
    expect(describePerson(person(performed(rest), performed(SUPERMAN, { repsDone: 8 })))).toBe(
      'Virtual person: resting after 8 reps',
    );
    expect(describePerson(person(performed(rest), performed(DRAWING_IN, { holdS: 30 })))).toBe(
      'Virtual person: resting after a hold of 30 s',
    );
    expect(describePerson(person(performed(rest), performed(BAT_HANG, { breathsDone: 1 })))).toBe(
      'Virtual person: resting after 1 breath',
    );
    expect(describePerson(person(performed(rest)))).toBe('Virtual person: resting');
  });

  it('is waiting when it does nothing the session asked', () => {
    expect(describePerson(person(performed({ kind: 'sit' })))).toBe('Virtual person: waiting');
  });
});
