// A Polar H10 out of reach, and a watch picked meanwhile: the H10 still counts the floor exercises,
// so they are still out of reach once the watch is connected; only the lat pulldown is counted by
// the watch now. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { motionAwayExercises } from '../../../src/workout/counted-by.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import { appPickingInTurn } from './heart-rate-strap-app.ts';

describe('a watch connected while the strap is out of reach', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the exercises the strap counts out of reach, and takes the lat pulldown from them', async () => {
    const h10 = fakeH10();
    const watch = fakePineTime();
    const app = appPickingInTurn([h10, watch]);
    app.start();
    const strapPicked = app.devices.connect('polar');
    await vi.advanceTimersByTimeAsync(50);
    await strapPicked;
    app.startSession();
    h10.reachable = false;
    h10.drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(motionAwayExercises(app.session.state)).toContain('lat-pulldown');
    expect(motionAwayExercises(app.session.state)).toContain('elbow-plank');

    const watchPicked = app.devices.connect('pinetime');
    await vi.advanceTimersByTimeAsync(50);
    await watchPicked;
    expect(app.devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Polar H10 0A1B2C3D', 'reconnecting'],
      [expect.any(String), 'connected'],
    ]);
    expect(motionAwayExercises(app.session.state)).not.toContain('lat-pulldown');
    expect(motionAwayExercises(app.session.state)).toContain('elbow-plank');
    app.dispose();
  });
});
