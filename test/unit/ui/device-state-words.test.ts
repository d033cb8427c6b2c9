import { describe, expect, it } from 'vitest';
import { awaitedStateWords, connectionAlarmWords } from '../../../src/ui/device-state-words.ts';

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
