import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src/app/device-status.ts';
import {
  awaitedStateWords,
  connectionAlarmWords,
  countByHandWords,
  goingOnWithout,
  narrowStateWords,
  type SessionOfDevices,
  sessionStateWords,
} from '../../../src/ui/device-state-words.ts';
import { chestStrapStatus, heartRateStrapStatus } from '../../device-status.ts';

describe("a device's state in the device panel's words", () => {
  it('says of a device connected whose motion stopped that it did, as the set and the voice do', () => {
    const watch = { kind: 'bangle', connection: 'connected', motionStopped: true } as const;
    expect(connectionAlarmWords(watch, true)).toBe('connected, motion stopped');
    // Where the header lays the devices out whole, about as long as "connected".
    expect(connectionAlarmWords(watch, false)).toBe('motion stopped');
    expect(connectionAlarmWords({ ...watch, motionStopped: false }, true)).toBe('connected');
  });

  it('says of one away how it is away, whatever its motion did before it went', () => {
    const watch = { kind: 'pinetime', motionStopped: true } as const;
    for (const opened of [false, true]) {
      expect(connectionAlarmWords({ ...watch, connection: 'reconnecting' }, opened)).toBe('connection lost');
      expect(connectionAlarmWords({ ...watch, connection: 'lost' }, opened)).toBe('out of reach');
    }
  });

  it('says a replay plays rather than is connected', () => {
    const replay = { kind: 'replay', motionStopped: false } as const;
    expect(connectionAlarmWords({ ...replay, connection: 'connected' }, false)).toBe('replaying');
    expect(connectionAlarmWords({ ...replay, connection: 'ended' }, false)).toBe('replay finished');
  });

  it('says of devices of an earlier visit which is being connected, which waits its turn, and which was not found', () => {
    expect(awaitedStateWords({ trying: true }, true)).toBe('connecting…');
    expect(awaitedStateWords({ trying: false }, true)).toBe('waiting');
    expect(awaitedStateWords({ trying: true }, false)).toBe('connecting…');
    expect(awaitedStateWords({ trying: false }, false)).toBe('not found');
  });
});

describe("a device's state as the session under way says it", () => {
  const strap = heartRateStrapStatus({ connection: 'reconnecting' });
  const h10 = chestStrapStatus();

  function session(patch: Partial<SessionOfDevices> = {}): SessionOfDevices {
    return { inSession: true, devices: [h10, strap], goneOnWithout: [strap], exercise: 'superman', ...patch };
  }

  it('is calm of a device away that the set goes on without, in the words the set says it in', () => {
    expect(goingOnWithout(strap, session())).toBe(true);
    expect(sessionStateWords(strap, session())).toBe('reconnecting: keep going');
    expect(sessionStateWords({ ...strap, connection: 'lost' }, session())).toBe('out of reach: keep going');
  });

  it('raises the alarm of a device away that the set needs, and of any out of a session', () => {
    const needed = session({ goneOnWithout: [] });
    expect(goingOnWithout(strap, needed)).toBe(false);
    expect(sessionStateWords(strap, needed)).toBe('connection lost');
    const outOfASession = session({ inSession: false });
    expect(goingOnWithout(strap, outOfASession)).toBe(false);
    expect(sessionStateWords(strap, outOfASession)).toBe('connection lost');
  });

  it('says a device in reach is connected, whatever the set goes on without', () => {
    const listedThoughConnected = session({ goneOnWithout: [h10] });
    expect(goingOnWithout(h10, listedThoughConnected)).toBe(false);
    expect(sessionStateWords(h10, listedThoughConnected)).toBe('connected');
  });

  it('says one whose motion stopped at length where the panel is opened to it', () => {
    const stopped: DeviceStatus = { ...h10, motionStopped: true };
    const needed = session({ devices: [stopped], goneOnWithout: [] });
    expect(sessionStateWords(stopped, needed, true)).toBe('connected, motion stopped');
    expect(sessionStateWords(stopped, needed)).toBe('motion stopped');
  });

  it('says reconnecting in a word on the narrow line, and else as the wide one does', () => {
    expect(narrowStateWords(strap)).toBe('reconnecting…');
    expect(narrowStateWords({ ...strap, connection: 'lost' })).toBe('out of reach');
    expect(narrowStateWords(h10)).toBe('connected');
  });
});

describe('the note that the set is counted by hand', () => {
  const source = { id: 'h10', name: 'Polar H10 0A1B2C3D', kind: 'bluetooth', placement: 'chest' } as const;

  it('says the heart rate alone is read where a device gives it, else that there is no motion', () => {
    expect(countByHandWords({ countsMotion: false, source }, [heartRateStrapStatus()])).toBe(
      'heart rate only: count with +1',
    );
    expect(countByHandWords({ countsMotion: false, source }, [chestStrapStatus({ heartRate: false })])).toBe(
      'no motion: count with +1',
    );
  });

  it('is none where motion is counted or no device is in use', () => {
    expect(countByHandWords({ countsMotion: true, source }, [chestStrapStatus()])).toBeNull();
    expect(countByHandWords({ countsMotion: false, source: null }, [])).toBeNull();
  });
});
