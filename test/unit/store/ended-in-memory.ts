// A session of two seconds ended where the browser never let the store open: held in memory alone,
// which only its files can keep.
import { Persistence } from '../../../src/app/persistence.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';
import { appWithoutDevice } from '../../app-without-device.ts';

export async function sessionEndedInMemory(): Promise<Persistence> {
  let clockMs = 0;
  const session = new SessionModel(() => clockMs);
  const persistence = new Persistence(appWithoutDevice(session), {
    openStore: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    page: null,
  });
  await persistence.start();
  session.start();
  clockMs = 2000;
  session.finish();
  return persistence;
}
