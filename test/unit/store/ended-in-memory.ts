// A session of two seconds ended where the browser never let the store open: held in memory alone,
// which only its files can keep.
import { NEVER, Subject } from 'rxjs';
import { Persistence } from '../../../src/app/persistence.ts';
import type { HeartRateSample, SourceInfo } from '../../../src/sensors/samples.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

export async function sessionEndedInMemory(): Promise<Persistence> {
  let clockMs = 0;
  const session = new SessionModel(() => clockMs);
  const persistence = new Persistence(
    {
      session,
      devices: {
        state: {
          source: null as SourceInfo | null,
          devices: [],
          rejoining: false,
          awaiting: [],
        },
      },
      accel$: NEVER,
      heartRate$: new Subject<HeartRateSample | null>(),
      motion$: NEVER,
    },
    { openStore: () => Promise.reject(new DOMException('denied', 'SecurityError')), page: null },
  );
  await persistence.start();
  session.start();
  clockMs = 2000;
  session.finish();
  return persistence;
}
