// Every device problem the app can show leads with a headline short enough to stay whole on the line
// at a glance of a 180 px wide screen, so the person on the mat reads what went wrong, not "…".
import { describe, expect, it } from 'vitest';
import { KNOWN_DEVICE_WORDS, RECORDING_WORDS } from '../../../src/app/device-words.ts';
import { BLUETOOTH_WORDS, describeBluetoothError, deviceFailed } from '../../../src/sensors/ble/errors.ts';
import { deviceProblem } from '../../../src/sensors/ble/problems.ts';
import { PHONE_MOTION_WORDS } from '../../../src/sensors/phone/phone-motion.ts';
import {
  HEADLINE_MAX_CHARS,
  problemAsTheSetTellsIt,
  shutLine,
  shutSubject,
  splitProblem,
} from '../../../src/ui/problem-line.ts';
import { EVERY_DEVICE_PROBLEM, LONG_DEVICE_NAME } from '../../device-problems.ts';
import { chestStrapStatus, heartRateStrapStatus } from '../../device-status.ts';

/** A long device name, as a Polar strap's: names never make a headline longer. */
const DEVICE = LONG_DEVICE_NAME;

const EVERY_PROBLEM = EVERY_DEVICE_PROBLEM;

describe('the headline of every device problem', () => {
  it.each(EVERY_PROBLEM)('%s: a few words and a colon, then why and what to do', (_, problem) => {
    const { headline, rest } = splitProblem(problem);
    expect(headline).toMatch(/^\S.*:$/);
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
    expect(headline).not.toContain(DEVICE);
    expect(rest.trim().length).toBeGreaterThan(0);
  });

  it('tells each problem apart from the others', () => {
    const headlines = EVERY_PROBLEM.map(([, problem]) => splitProblem(problem).headline);
    expect(new Set(headlines).size).toBe(headlines.length);
  });

  it('is what describeBluetoothError says for each error the browser throws', () => {
    const thrown = [
      new DOMException('Bluetooth adapter not available.', 'NotFoundError'),
      new DOMException('Web Bluetooth permission has been blocked.', 'NotFoundError'),
      new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError'),
      new DOMException('', 'SecurityError'),
      new DOMException('', 'NotAllowedError'),
      new DOMException('Connection attempt failed.', 'NetworkError'),
      new DOMException('GATT Error: Not supported.', 'NotSupportedError'),
    ];
    const words = new Set<string>(Object.values(BLUETOOTH_WORDS));
    for (const error of thrown) expect(words).toContain(describeBluetoothError(error).message);
    expect(describeBluetoothError(new Error('This watch offers no Bluetooth UART.')).message).toBe(
      deviceFailed('This watch offers no Bluetooth UART.'),
    );
  });
});

describe('a problem split for its line at a glance', () => {
  it('is its words up to the first colon, then the rest', () => {
    expect(splitProblem('On charger: the sensor does not stream. Take it off.')).toEqual({
      headline: 'On charger:',
      rest: ' the sensor does not stream. Take it off.',
    });
  });

  it('ends at a full stop that ends a word, not at one inside a name or number', () => {
    expect(splitProblem('Bangle.js stopped. Wake it.')).toEqual({
      headline: 'Bangle.js stopped.',
      rest: ' Wake it.',
    });
  });

  it('is all headline where the problem has neither', () => {
    expect(splitProblem('No device')).toEqual({ headline: 'No device', rest: '' });
  });
});

describe('what follows the headline on the line shut', () => {
  const outOfReach = (device: string) => deviceProblem('connection-lost', { device }).message;
  const strap = chestStrapStatus({ name: DEVICE, connection: 'lost' });
  const watch = chestStrapStatus({
    id: 'bangle',
    name: 'Bangle.js 3c4d',
    placement: 'wrist',
    connection: 'lost',
  });

  it('is the device out of reach that the problem names, in a word, as it is worn', () => {
    expect(shutSubject(outOfReach(DEVICE), [strap, watch])).toBe('strap');
    expect(shutSubject(outOfReach('Bangle.js 3c4d'), [strap, watch])).toBe('watch');
    expect(shutSubject(outOfReach('HRM-Dual'), [heartRateStrapStatus({ connection: 'reconnecting' })])).toBe(
      'strap',
    );
    // Beside a watch whose heart rate is read meanwhile, it is still the strap.
    const wristHeart = { ...watch, heartRate: true };
    const away = heartRateStrapStatus({ connection: 'reconnecting', heartRate: false });
    expect(shutSubject(outOfReach('HRM-Dual'), [away, wristHeart])).toBe('strap');
  });

  it('is nothing of a device back in reach, of one not named, or of a problem of no device', () => {
    expect(shutSubject(outOfReach(DEVICE), [{ ...strap, connection: 'connected' }])).toBeNull();
    expect(shutSubject(outOfReach('the device'), [strap])).toBeNull();
    expect(shutSubject(deviceProblem('mtu-too-small').message, [strap])).toBeNull();
  });
});

describe('the line of a problem shut', () => {
  /** What the eye reads on it: the headline and its device, or the headline without its colon. */
  const seen = (
    problem: string,
    devices: Parameters<typeof shutLine>[1],
    awaiting: Parameters<typeof shutLine>[2] = [],
  ) => {
    const { words, colon, subject } = shutLine(problem, devices, awaiting);
    return subject ? `${words}${colon} ${subject}` : words;
  };
  const strap = chestStrapStatus({ name: DEVICE });

  it.each(EVERY_PROBLEM)('%s: never a colon with nothing after it', (_, problem) => {
    expect(seen(problem, [strap])).not.toMatch(/:$/);
  });

  it('says the device it is about, as it is worn, where the problem names one or is of a watch', () => {
    expect(
      seen(deviceProblem('connection-lost', { device: DEVICE }).message, [{ ...strap, connection: 'lost' }]),
    ).toBe('Out of reach: strap');
    expect(seen(deviceProblem('no-data', { device: DEVICE }).message, [strap])).toBe('No readings: strap');
    const infiniTime = chestStrapStatus({
      id: 'pt',
      name: 'InfiniTime',
      kind: 'pinetime',
      placement: 'wrist',
    });
    expect(seen(deviceProblem('no-motion-service').message, [strap, infiniTime])).toBe('Cannot count: watch');
    const awaited = { name: 'Polar Sense 1A2B', kind: 'polar' as const };
    expect(seen(KNOWN_DEVICE_WORDS.notFound(awaited.name, false), [], [awaited])).toBe('Not found: armband');
    expect(
      seen(KNOWN_DEVICE_WORDS.notFound('HRM-Dual', true), [], [{ name: 'HRM-Dual', kind: 'heart-rate' }]),
    ).toBe('Not found: strap');
  });

  it('is the headline whole without its colon where no device is named, or the problem is of none', () => {
    expect(seen(BLUETOOTH_WORDS.off, [strap])).toBe('Bluetooth off');
    expect(seen(BLUETOOTH_WORDS.unsupported, [])).toBe('No Bluetooth');
    expect(seen(RECORDING_WORDS.notARecording('it does not open as JSON'), [strap])).toBe('Not a recording');
    expect(seen(deviceProblem('connection-lost').message, [{ ...strap, connection: 'lost' }])).toBe(
      'Out of reach',
    );
    expect(seen(deviceProblem('no-data').message, [strap])).toBe('No readings');
    expect(seen(deviceProblem('no-motion-service').message, [strap])).toBe('Cannot count');
    expect(seen(PHONE_MOTION_WORDS.refused, [])).toBe('Motion blocked');
  });

  it('keeps the colon where it goes on, and a headline that ends otherwise as it is', () => {
    expect(shutLine(deviceProblem('no-data', { device: DEVICE }).message, [strap])).toEqual({
      words: 'No readings',
      colon: ':',
      subject: 'strap',
    });
    expect(shutLine('Bangle.js stopped. Wake it.', [])).toEqual({
      words: 'Bangle.js stopped.',
      colon: '',
      subject: null,
    });
  });
});

describe('a strap out of reach whose set the watch counts, as the problem tells it', () => {
  const strapLost = chestStrapStatus({
    name: DEVICE,
    connection: 'lost',
    counts: ['glute-bridge', 'bird-dog', 'bat-hang', 'elbow-plank'],
    handedOver: ['superman', 'drawing-in'],
  });
  const watch = chestStrapStatus({
    id: 'watch',
    name: 'InfiniTime',
    kind: 'pinetime',
    placement: 'wrist',
    heartRate: false,
    motion: false,
    counts: ['superman', 'drawing-in', 'lat-pulldown'],
  });
  const outOfReach = deviceProblem('connection-lost', { device: DEVICE }).message;

  it('says, in a superman the watch counts, that the watch counts in its place, and still how to have it back', () => {
    const told = problemAsTheSetTellsIt(outOfReach, [strapLost, watch], 'superman');
    expect(told).toBe(
      `Out of reach: ${DEVICE} did not come back, and the watch counts in its place. ` +
        'Wake it or move closer: it is tried again by itself, or press Reconnect.',
    );
    // Its line shut is still the strap out of reach.
    expect(shutLine(told, [strapLost, watch])).toEqual({
      words: 'Out of reach',
      colon: ':',
      subject: 'strap',
    });
  });

  it('says it as it was where the set is one the watch does not count for it, or there is no set', () => {
    expect(problemAsTheSetTellsIt(outOfReach, [strapLost, watch], 'glute-bridge')).toBe(outOfReach);
    expect(problemAsTheSetTellsIt(outOfReach, [strapLost, watch], undefined)).toBe(outOfReach);
    const other = deviceProblem('no-data', { device: DEVICE }).message;
    expect(problemAsTheSetTellsIt(other, [strapLost, watch], 'superman')).toBe(other);
  });
});
