// What the app reads back of the person's devices from one visit to the next: what storage holds may
// be older, hand-edited or of another build, and only what is a device comes back; what is kept is
// the devices connected, each once.

import { describe, expect, it } from 'vitest';
import {
  BLUETOOTH_DEVICES_KEY,
  parseKnownDevices,
  RememberedDevices,
} from '../../../src/app/remembered-devices.ts';
import { MemoryStorage } from '../../memory-storage.ts';

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

describe('the devices remembered for the next visit', () => {
  it('are the devices connected, in the order they were connected, on the next visit too', () => {
    const storage = new MemoryStorage();
    const remembered = new RememberedDevices(storage);
    expect(remembered.list()).toEqual([]);
    remembered.keep({ id: 'h10-id', kind: 'polar' }, new Set());
    remembered.keep({ id: 'watch-id', kind: 'pinetime' }, new Set());
    expect(new RememberedDevices(storage).list()).toEqual([
      { id: 'h10-id', kind: 'polar' },
      { id: 'watch-id', kind: 'pinetime' },
    ]);
    expect(remembered.has('watch-id')).toBe(true);
    expect(remembered.has('bangle-id')).toBe(false);
  });

  it('keep one connected again once, last, and leave out those it takes the place of', () => {
    const storage = new MemoryStorage();
    const remembered = new RememberedDevices(storage);
    remembered.keep({ id: 'h10-id', kind: 'polar' }, new Set());
    remembered.keep({ id: 'watch-id', kind: 'pinetime' }, new Set());
    remembered.keep({ id: 'h10-id', kind: 'polar' }, new Set());
    expect(remembered.list()).toEqual([
      { id: 'watch-id', kind: 'pinetime' },
      { id: 'h10-id', kind: 'polar' },
    ]);
    remembered.keep({ id: 'other-watch-id', kind: 'pinetime' }, new Set(['watch-id']));
    expect(remembered.list()).toEqual([
      { id: 'h10-id', kind: 'polar' },
      { id: 'other-watch-id', kind: 'pinetime' },
    ]);
  });

  it('leave storage empty once the last is forgotten, or all are', () => {
    const storage = new MemoryStorage();
    const remembered = new RememberedDevices(storage);
    remembered.keep({ id: 'h10-id', kind: 'polar' }, new Set());
    remembered.keep({ id: 'watch-id', kind: 'pinetime' }, new Set());
    remembered.forget('h10-id');
    expect(remembered.list()).toEqual([{ id: 'watch-id', kind: 'pinetime' }]);
    remembered.forget('watch-id');
    expect(storage.getItem(BLUETOOTH_DEVICES_KEY)).toBeNull();
    remembered.keep({ id: 'h10-id', kind: 'polar' }, new Set());
    remembered.forgetAll();
    expect(storage.getItem(BLUETOOTH_DEVICES_KEY)).toBeNull();
    expect(remembered.has('h10-id')).toBe(false);
  });

  it('are read afresh each time: what another tab kept is seen', () => {
    const storage = new MemoryStorage();
    const remembered = new RememberedDevices(storage);
    new RememberedDevices(storage).keep({ id: 'bangle-id', kind: 'bangle' }, new Set());
    expect(remembered.has('bangle-id')).toBe(true);
  });
});
