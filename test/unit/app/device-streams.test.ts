// Whether a watch is finding the pulse, as its readings tell it: the watch prints a reading it is
// unsure of about every second while its sensor looks for the pulse, and a sure one once it has it.
// (A device's motion stopped, and a reading held while it does not change, are stated beside the
// Devices model, devices.test.ts.)

import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src/app/device-status.ts';
import {
  FINDING_PULSE_MS,
  findingPulseOf,
  HANDED_OVER_AFTER_MS,
  handedOverOf,
} from '../../../src/app/device-streams.ts';

const values = { t: true, f: false };
const connections: Record<string, ConnectionState> = {
  c: 'connected',
  r: 'reconnecting',
  l: 'lost',
  n: 'connecting',
};

/** What findingPulseOf says of readings unsure (`sought`) and sure (`sure`) over a connection. */
function finding(marbles: { connection: string; sought: string; sure: string; expected: string }): void {
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(
    ({ hot, expectObservable }) => {
      const finding$ = findingPulseOf(
        hot(marbles.sought),
        hot(marbles.sure),
        hot(marbles.connection, connections),
      );
      expectObservable(finding$).toBe(marbles.expected, values);
    },
  );
}

describe('a watch finding the pulse', () => {
  it('is from its first unsure reading until FINDING_PULSE_MS after its last', () => {
    finding({
      connection: 'c',
      sought: '   1s s 999ms s 999ms s',
      sure: '     -',
      // The last unsure reading at 3 s.
      expected: ` f 999ms t ${2000 + FINDING_PULSE_MS - 1}ms f`,
    });
  });

  it('is no more once a sure reading comes', () => {
    finding({
      connection: 'c',
      sought: '   1s s',
      sure: '     2s s',
      expected: ' f 999ms t 999ms f',
    });
  });

  it('is not, connected, while every reading is sure', () => {
    finding({
      connection: 'c',
      sought: '   -',
      sure: '     1s s 999ms s',
      expected: ' f',
    });
  });

  it('is not while the watch is being connected, reconnecting or lost, unsure readings or not', () => {
    finding({
      connection: 'n 999ms c 999ms r 999ms l',
      sought: '   500ms s 999ms s 999ms s',
      sure: '     -',
      expected: ' f 1499ms t 499ms f',
    });
  });

  it('ends as the watch drops, and starts again only with an unsure reading once it is back', () => {
    finding({
      connection: 'c 1999ms r 999ms c',
      sought: '   1s s 2999ms s',
      sure: '     -',
      expected: ` f 999ms t 999ms f 1999ms t ${FINDING_PULSE_MS - 1}ms f`,
    });
  });
});

/** What handedOverOf says of a device's connection, as marbles. */
function handedOver(connection: string, expected: string): void {
  new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted)).run(({ hot, expectObservable }) => {
    expectObservable(handedOverOf(hot(connection, connections))).toBe(expected, values);
  });
}

describe('what a device away counts, handed to another', () => {
  it('is handed over once it has been reconnecting HANDED_OVER_AFTER_MS, and back once it is connected', () => {
    handedOver(
      `c 999ms r ${HANDED_OVER_AFTER_MS + 999}ms c`,
      // Reconnecting from 1 s: handed over at 1 s + HANDED_OVER_AFTER_MS, back when connected at 2 s after it.
      `f ${HANDED_OVER_AFTER_MS + 999}ms t 999ms f`,
    );
  });

  it('is not handed over when the device is back within those seconds', () => {
    handedOver('c 999ms r 2999ms c', 'f');
  });

  it('is handed over at once when given up for lost, and stays so while it is tried again', () => {
    handedOver(`l 999ms r ${HANDED_OVER_AFTER_MS + 999}ms c`, `t ${HANDED_OVER_AFTER_MS + 1999}ms f`);
  });
});
