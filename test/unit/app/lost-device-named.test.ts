// A device given up for lost in the middle of a set, as the voice says it: with a strap and a watch
// both worn, the one that went, where "The device is out of reach" left the person to guess which of
// the two to bring back in reach; with one device alone, the words it has always had. In sets the
// other device cannot count in its place: a glute bridge, which a wrist cannot see, and a lat
// pulldown beside a strap that gives the heart rate alone. Through the whole app in Node, its voice
// written down.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceKind } from '../../../src/app/device-status.ts';
import type { ExerciseId } from '../../../src/workout/program.ts';
import type { FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import {
  appPickingInTurn,
  connectInTurn,
  droppedInTheFirstSetOf,
  heartRateStrap,
  listeningVoice,
} from './heart-rate-strap-app.ts';

describe('a device lost in a set, as the voice says it', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** `worn` connected as `kinds`, a set of `exercise` begun, `gone` given up on: what the voice said of it. */
  async function saidOfLost(
    worn: readonly FakeDevice[],
    kinds: readonly DeviceKind[],
    exercise: ExerciseId,
    gone: FakeDevice,
  ) {
    const said: string[] = [];
    const app = appPickingInTurn(worn, { cueHosts: listeningVoice(said) });
    app.start();
    await connectInTurn(app, kinds);
    await droppedInTheFirstSetOf(app, exercise, gone, 72_000);
    expect(app.session.state.pausedFor).toBe('lost');
    app.dispose();
    return said.filter((line) => line.includes('out of reach'));
  }

  it('names the watch that went beside a chest strap', async () => {
    const watch = fakePineTime();
    const worn = [heartRateStrap(), watch];
    expect(await saidOfLost(worn, ['heart-rate', 'pinetime'], 'lat-pulldown', watch)).toEqual([
      'The watch is out of reach. Tap Reconnect, or Resume and count with plus one until the watch is back',
    ]);
  });

  it('names the chest strap that went beside a watch', async () => {
    const strap = fakeH10();
    expect(await saidOfLost([strap, fakePineTime()], ['polar', 'pinetime'], 'glute-bridge', strap)).toEqual([
      'The strap is out of reach. Tap Reconnect, or Resume and count with plus one until the strap is back',
    ]);
  });

  it('says "the device" of a strap worn alone, as before', async () => {
    const strap = fakeH10();
    expect(await saidOfLost([strap], ['polar'], 'superman', strap)).toEqual([
      'The device is out of reach. Tap Reconnect, or Resume and count with plus one until the device is back',
    ]);
  });
});
