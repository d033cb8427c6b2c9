// What the app reads back of the person's devices from one visit to the next: what storage holds may
// be older, hand-edited or of another build, and only what is a device comes back.

import { describe, expect, it } from 'vitest';
import { parseKnownDevices } from '../../../src/app/remembered-devices.ts';

describe('the devices kept from an earlier visit', () => {
  it('come back in the order they were picked: a strap and a watch', () => {
    const kept = [
      { id: 'h10-id', kind: 'polar' },
      { id: 'watch-id', kind: 'pinetime' },
    ];
    expect(parseKnownDevices(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
  });

  it('are none where nothing, or no list, was kept', () => {
    expect(parseKnownDevices(null)).toEqual([]);
    expect(parseKnownDevices(undefined)).toEqual([]);
    expect(parseKnownDevices({ id: 'h10-id', kind: 'polar' })).toEqual([]);
    expect(parseKnownDevices('polar')).toEqual([]);
    expect(parseKnownDevices([])).toEqual([]);
  });

  it('leave out what is no Bluetooth device the app can connect to, and keep the rest', () => {
    const kept = [
      { id: 'h10-id', kind: 'polar' },
      // Not devices a chooser gives: nothing to connect to again.
      { id: 'virtual', kind: 'virtual' },
      { id: 'phone', kind: 'phone' },
      // A kind no build knows, or one read off the object's prototype.
      { id: 'x', kind: 'garmin' },
      { id: 'y', kind: 'toString' },
      // Half an entry.
      { id: 'z' },
      { kind: 'bangle' },
      { id: 7, kind: 'bangle' },
      null,
      'bangle-id',
      // More than an id and a kind (a later build's): still a device to connect to.
      { id: 'bangle-id', kind: 'bangle', name: 'Bangle.js 1a2b' },
    ];
    expect(parseKnownDevices(kept)).toEqual([
      { id: 'h10-id', kind: 'polar' },
      { id: 'bangle-id', kind: 'bangle', name: 'Bangle.js 1a2b' },
    ]);
  });
});
