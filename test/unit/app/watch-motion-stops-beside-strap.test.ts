// A Polar H10 and a PineTime worn together, the watch's motion stream stopped in the middle of a lat
// pulldown while it stays connected: the strap, which can see a lat pulldown, counts the set from
// there, as it does for a watch given up for lost, and the voice says so, where the set was left to
// be counted with +1 beside a strap streaming fine. Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as uuids from '../../../src/protocol/uuids.ts';
import { fakeH10, fakePineTime, pineTimeMotion } from '../sensors/ble/wearables.ts';
import {
  appPickingInTurn,
  connectInTurn,
  listeningVoice,
  sessionAtFirstSetOf,
} from './heart-rate-strap-app.ts';

describe('a watch whose motion stops beside a strap, in a lat pulldown the strap can see', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the strap count the set from there, and says so, where it asked for +1', async () => {
    const strap = fakeH10();
    const watch = fakePineTime(pineTimeMotion(0, 0, -1024));
    // What the watch holds now, that a read gives: the watch looks for changes it did not send.
    const held = watch.services[1].characteristics[0] as { read?: Uint8Array };
    const said: string[] = [];
    const app = appPickingInTurn([strap, watch], { cueHosts: listeningVoice(said) });
    app.start();
    await connectInTurn(app, ['polar', 'pinetime']);
    const countedBy = (name: string) => app.devices.state.devices.find((d) => d.name.startsWith(name));
    expect(countedBy('InfiniTime')?.counts).toEqual(['lat-pulldown']);

    sessionAtFirstSetOf(app, 'lat-pulldown');
    app.session.beginSet();
    for (let i = 0; i < 20; i++) {
      held.read = pineTimeMotion(100 + 10 * i, 0, -1000);
      watch.notify(uuids.INFINITIME_MOTION, held.read);
      await vi.advanceTimersByTimeAsync(100);
    }
    // The wrist moves on, and the watch sends none of it.
    for (let i = 0; i < 60; i++) {
      held.read = pineTimeMotion(400 + 10 * i, 0, -900);
      await vi.advanceTimersByTimeAsync(100);
    }

    expect(countedBy('InfiniTime')).toMatchObject({
      connection: 'connected',
      motionStopped: true,
      counts: [],
    });
    expect(countedBy('Polar')?.counts).toContain('lat-pulldown');
    expect(app.session.state.motionPlacements?.['lat-pulldown']).toBe('chest');
    expect(app.session.state.pausedAtMs).toBeNull();
    expect(said).toContain('Watch motion stopped: the strap counts from here');
    expect(said.join('\n')).not.toMatch(/stopped sending motion|plus one/);

    // The watch streams again: the strap keeps the set under way to its end.
    watch.notify(uuids.INFINITIME_MOTION, pineTimeMotion(0, 0, -1024));
    await vi.advanceTimersByTimeAsync(100);
    expect(countedBy('InfiniTime')?.motionStopped).toBe(false);
    expect(countedBy('Polar')?.counts).toContain('lat-pulldown');
    expect(said.join('\n')).not.toMatch(/is back/);
    app.dispose();
  });
});
