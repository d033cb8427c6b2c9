// An app with no device for Persistence to record: the session alone, no source, motion or heart rate.
import { NEVER, Subject } from 'rxjs';
import type { PreferencesPort, RecordableApp } from '../src/app/persistence.ts';
import type { HeartRateSample, SourceInfo } from '../src/sensors/samples.ts';
import type { SessionModel } from '../src/workout/session-model.ts';

export function appWithoutDevice(session: SessionModel, preferences?: PreferencesPort): RecordableApp {
  return {
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
    ...(preferences ? { preferences } : {}),
  };
}
