// The virtual strap's person sets off on "Go" as one listening would: once the voice has said it.
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { goWhenHeard, MAX_WAIT_FOR_GO_MS } from '../../../src/app/go-when-heard.ts';
import type { Activity } from '../../../src/sensors/virtual/choreography.ts';

const position: Activity = { kind: 'position', exercise: 'bat-hang' };
const breathe: Activity = { kind: 'exercise', exercise: 'bat-hang', target: 4 };

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('the virtual person told to go once in position', () => {
  it('waits out a first set\'s line of where to lie and how it is done, some 23 s, and goes on "Go"', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      // In position 6 s into the bat hang's first line ("… Breathe in quietly through your nose into
      // your upper back", 23 s at the voice's rate), then "In position. Go." to 24.5 s.
      const activities = cold<Activity>('p 5999ms e', { p: position, e: breathe });
      const talking = hot<boolean>('t 24499ms s', { t: true, s: false });
      expectObservable(activities.pipe(goWhenHeard(talking))).toBe('p 24499ms e', {
        p: position,
        e: breathe,
      });
    });
  });

  it('goes at once with no voice, and after a while by the screen with a voice that never ends', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const activities = cold<Activity>('p 999ms e', { p: position, e: breathe });
      expectObservable(activities.pipe(goWhenHeard(null))).toBe('p 999ms e', { p: position, e: breathe });
      const talking = hot<boolean>('t', { t: true });
      expectObservable(activities.pipe(goWhenHeard(talking))).toBe(`p 999ms ${MAX_WAIT_FOR_GO_MS}ms e`, {
        p: position,
        e: breathe,
      });
    });
  });
});
