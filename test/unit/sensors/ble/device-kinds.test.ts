// Facts of each kind of Bluetooth device that the app reads from the kind table.
import { describe, expect, it } from 'vitest';
import { BLE_DEVICE_KINDS } from '../../../../src/sensors/ble/device-kinds.ts';

describe('BLE_DEVICE_KINDS', () => {
  it('has a PineTime look at its motion every 100 ms and send only a change, where the others stream it', () => {
    const looks = Object.fromEntries(
      Object.values(BLE_DEVICE_KINDS).map((spec) => [spec.kind, spec.unchangedUnsentMs ?? null]),
    );
    expect(looks).toEqual({ 'heart-rate': null, polar: null, pinetime: 100, microbit: null, bangle: null });
  });

  it('has every kind but the micro:bit, which has no heart sensor, give a heart rate', () => {
    const heartRates = Object.fromEntries(
      Object.values(BLE_DEVICE_KINDS).map((spec) => [spec.kind, spec.givesHeartRate]),
    );
    expect(heartRates).toEqual({
      'heart-rate': true,
      polar: true,
      pinetime: true,
      microbit: false,
      bangle: true,
    });
  });

  it("has a reading stand for the heart rate now 5 s, a Bangle.js's 15 s, as the watch is unsure of several in a row", () => {
    const fresh = Object.fromEntries(
      Object.values(BLE_DEVICE_KINDS).map((spec) => [spec.kind, spec.heartRateFreshMs ?? null]),
    );
    expect(fresh).toEqual({
      'heart-rate': 5000,
      polar: 5000,
      pinetime: 5000,
      microbit: null,
      bangle: 15_000,
    });
  });
});
