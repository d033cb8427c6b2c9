// The FIT writer is a chunk of its own, loaded on the first FIT export: where it cannot be loaded
// (offline before the app was kept for offline use), the export says why in plain words.
import { NEVER, Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { Persistence } from '../../../src/app/persistence.ts';
import type { HeartRateSample, SourceInfo } from '../../../src/sensors/samples.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

vi.mock('../../../src/export/fit.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/fit-x.js');
});

describe('a FIT export whose writer cannot be loaded', () => {
  it('says so, and what to do, not the URL it failed on', async () => {
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
    await expect(persistence.exportCurrent('fit')).rejects.toThrow(
      'its writer could not be loaded (is the device offline?). Try again once online, or save it as CSV or JSON now.',
    );
    await expect(persistence.exportCurrent('csv')).resolves.not.toBeNull();
    await persistence.dispose();
  });
});
