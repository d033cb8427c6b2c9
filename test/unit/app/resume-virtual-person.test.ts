// A page reloaded in the middle of a set and resumed where it was ("Resume where I was"): the virtual
// strap's person on the new page does what is left of the set, not all of it again, and says the
// set's count as the app keeps it. Through the whole pipeline in Node, on one virtual clock.
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import type { VirtualPersonStatus } from '../../../src/sensors/virtual/virtual-strap.ts';
import { afterInterruption } from '../../../src/workout/interruption.ts';
import type { SessionState } from '../../../src/workout/session.ts';

function openApp(scheduler: TestScheduler): Backbeat {
  const app = new Backbeat({
    now: () => scheduler.now(),
    navigator: {} as Navigator,
    settingsStorage: null,
    persistence: { openStore: null, page: null },
  });
  return app;
}

describe('the first superman set (10 reps) resumed after a reload at 1 rep', () => {
  it('has the virtual person do the 9 reps left, saying "1 rep done" at first and 10 at the rest', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      // The page before the reload: the set runs until its first rep is counted.
      const before = openApp(scheduler);
      before.start();
      let saved: SessionState | null = null;
      scheduler.schedule(() => before.startSession(), 1000);
      const watchingBefore = before.session.state$.subscribe((state) => {
        if (saved || state.phase !== 'set' || state.set?.count !== 1) return;
        saved = state;
        scheduler.schedule(() => {
          watchingBefore.unsubscribe();
          before.dispose();
          // The page after it resumes the saved session on a clock that goes on from it, as a
          // resumed session's does.
          after.start();
          after.session.restore(afterInterruption(state));
        });
      });
      const after = openApp(scheduler);
      const firstSaid: number[] = [];
      let performedAtRest: number | null = null;
      const watchingAfter = after.virtualPerson$.subscribe((status: VirtualPersonStatus | null) => {
        if (status?.current.activity.kind === 'exercise' && firstSaid.length === 0)
          firstSaid.push(status.current.repsDone);
        if (status?.current.activity.kind === 'rest') performedAtRest ??= status.previous?.repsDone ?? null;
      });
      scheduler.schedule(() => {
        watchingAfter.unsubscribe();
        after.dispose();
      }, 120_000);
      flush();
      expect(saved).not.toBeNull();
      const [first] = after.session.state.completed;
      expect(first?.count).toBe(10);
      expect(firstSaid).toEqual([1]);
      expect(performedAtRest).toBe(10);
    });
  });
});
