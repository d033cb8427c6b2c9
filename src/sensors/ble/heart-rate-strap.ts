// A standard Bluetooth heart-rate strap (Heart Rate Service 0x180D), through Web Bluetooth:
// pick it in the browser's chooser, connect, and stream its Heart Rate Measurement notifications.

import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { parseHeartRateMeasurement } from '../../protocol/heart-rate.ts';
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../protocol/uuids.ts';
import type { HeartRateSample, SourceInfo } from '../samples.ts';

export type ConnectionState = 'connecting' | 'connected' | 'lost';

/** Why a Bluetooth device could not be used, worded for the person holding the phone. */
export class BluetoothProblem extends Error {
  constructor(
    readonly kind: 'unsupported' | 'cancelled' | 'denied' | 'unavailable' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'BluetoothProblem';
  }
}

export const UNSUPPORTED_MESSAGE =
  'This browser cannot talk to Bluetooth devices. Use Chrome or Edge on Android, Windows, macOS or ChromeOS ' +
  '(on iOS, the Bluefy browser). Meanwhile, the virtual strap works everywhere.';

/** Turns what requestDevice or connect threw into a problem the screen can explain. */
export function describeBluetoothError(error: unknown): BluetoothProblem {
  if (error instanceof BluetoothProblem) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotFoundError':
      // The chooser was closed without a pick, or the adapter is missing: both end in NotFoundError.
      if (/adapter/i.test(detail)) {
        return new BluetoothProblem(
          'unavailable',
          'Bluetooth is off or missing on this device. Turn it on and try again.',
        );
      }
      return new BluetoothProblem('cancelled', 'No device was chosen.');
    case 'SecurityError':
    case 'NotAllowedError':
      return new BluetoothProblem(
        'denied',
        'The browser did not allow Bluetooth here. Check the site permissions, and open the app over https or localhost.',
      );
    case 'NetworkError':
      return new BluetoothProblem(
        'failed',
        'The connection to the strap dropped. Move closer, wake the strap and try again.',
      );
    default:
      return new BluetoothProblem('failed', `The strap could not be used: ${detail}`);
  }
}

export function bluetoothOf(nav: Navigator): Bluetooth | null {
  return 'bluetooth' in nav && nav.bluetooth ? nav.bluetooth : null;
}

/** Opens the browser's device chooser for heart-rate straps. Must run inside a user gesture. */
export async function requestHeartRateStrap(bluetooth: Bluetooth | null): Promise<BluetoothDevice> {
  if (!bluetooth) throw new BluetoothProblem('unsupported', UNSUPPORTED_MESSAGE);
  try {
    return await bluetooth.requestDevice({ filters: [{ services: [HEART_RATE_SERVICE] }] });
  } catch (error) {
    throw describeBluetoothError(error);
  }
}

/** A connected heart-rate strap: its readings, its connection state, and a count of bad packets. */
export class HeartRateStrap {
  readonly info: SourceInfo;
  readonly connection$ = new BehaviorSubject<ConnectionState>('connecting');
  readonly malformedPackets$ = new BehaviorSubject(0);
  readonly heartRate$: Observable<HeartRateSample>;

  private readonly readings = new Subject<HeartRateSample>();
  private characteristic: BluetoothRemoteGATTCharacteristic | null = null;

  constructor(
    private readonly device: BluetoothDevice,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.info = {
      id: device.id,
      name: device.name || 'Heart-rate strap',
      kind: 'bluetooth',
      placement: null,
    };
    this.heartRate$ = this.readings.asObservable();
  }

  async connect(): Promise<void> {
    this.connection$.next('connecting');
    this.device.addEventListener('gattserverdisconnected', this.onDisconnected);
    try {
      const server = await this.device.gatt!.connect();
      const service = await server.getPrimaryService(HEART_RATE_SERVICE);
      const characteristic = await service.getCharacteristic(HEART_RATE_MEASUREMENT);
      characteristic.addEventListener('characteristicvaluechanged', this.onMeasurement);
      await characteristic.startNotifications();
      this.characteristic = characteristic;
      this.connection$.next('connected');
    } catch (error) {
      this.connection$.next('lost');
      throw describeBluetoothError(error);
    }
  }

  disconnect(): void {
    this.device.removeEventListener('gattserverdisconnected', this.onDisconnected);
    this.characteristic?.removeEventListener('characteristicvaluechanged', this.onMeasurement);
    this.characteristic = null;
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
    this.connection$.next('lost');
    this.readings.complete();
  }

  private readonly onMeasurement = (event: Event): void => {
    const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
    if (!value) return;
    const parsed = parseHeartRateMeasurement(value);
    if (!parsed.ok) {
      this.malformedPackets$.next(this.malformedPackets$.value + 1);
      return;
    }
    this.readings.next({ tMs: this.now(), bpm: parsed.value.bpm, rrMs: parsed.value.rrMs });
  };

  private readonly onDisconnected = (): void => {
    this.characteristic = null;
    this.connection$.next('lost');
  };
}
