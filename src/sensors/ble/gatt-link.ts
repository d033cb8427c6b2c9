// One connection's GATT: every operation goes through the device's queue, listeners are removed when
// the connection ends, and notification bytes are copied at once because the browser reuses the
// DataView's buffer (PROTOCOLS.md §6 [WB-SPEC]).

import type { GattQueue } from './gatt-queue.ts';

export type Listener = (bytes: Uint8Array) => void;

export class GattLink {
  private readonly listeners: Array<{ target: BluetoothRemoteGATTCharacteristic; fn: EventListener }> = [];
  private open = true;
  /** Fails once the connection has ended, for every operation still waiting for its answer. */
  private readonly ended = failureOnDemand();

  constructor(
    readonly server: BluetoothRemoteGATTServer,
    private readonly queue: GattQueue,
    /** Sees every write, so a recording or a decoder can follow the stream context it sets. */
    private readonly onWrite: (characteristic: string, bytes: Uint8Array) => void = () => {},
  ) {}

  get connected(): boolean {
    return this.open && this.server.connected;
  }

  /** The service, or null when the device does not have it (NotFoundError). */
  async service(uuid: string): Promise<BluetoothRemoteGATTService | null> {
    try {
      return await this.run(() => this.server.getPrimaryService(uuid));
    } catch (error) {
      if (error instanceof Error && error.name === 'NotFoundError') return null;
      throw error;
    }
  }

  async characteristic(
    service: BluetoothRemoteGATTService,
    uuid: string,
  ): Promise<BluetoothRemoteGATTCharacteristic | null> {
    try {
      return await this.run(() => service.getCharacteristic(uuid));
    } catch (error) {
      if (error instanceof Error && error.name === 'NotFoundError') return null;
      throw error;
    }
  }

  /** Adds the listener first, so that nothing sent right after startNotifications() is missed. */
  async subscribe(characteristic: BluetoothRemoteGATTCharacteristic, listener: Listener): Promise<void> {
    const fn: EventListener = (event) => {
      if (!this.open) return;
      const value = (event.target as BluetoothRemoteGATTCharacteristic).value;
      if (!value) return;
      listener(new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)));
    };
    characteristic.addEventListener('characteristicvaluechanged', fn);
    this.listeners.push({ target: characteristic, fn });
    await this.run(() => characteristic.startNotifications());
  }

  async read(characteristic: BluetoothRemoteGATTCharacteristic): Promise<Uint8Array> {
    const value = await this.run(() => characteristic.readValue());
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  }

  async write(characteristic: BluetoothRemoteGATTCharacteristic, bytes: Uint8Array): Promise<void> {
    this.onWrite(characteristic.uuid, bytes);
    // writeValue() is deprecated; writeValueWithResponse() exists since Chrome 85 [WB-SPEC; WB-IMPL].
    await this.run(() =>
      typeof characteristic.writeValueWithResponse === 'function'
        ? characteristic.writeValueWithResponse(bytes as Uint8Array<ArrayBuffer>)
        : characteristic.writeValue(bytes as Uint8Array<ArrayBuffer>),
    );
  }

  /**
   * One operation through the device's queue, failed when the connection ends. The queue is the
   * device's, for every connection: an operation the device never answers (an attempt given up in
   * its setup) would otherwise hold back every operation after it, the next connection's too.
   */
  private run<T>(operation: () => Promise<T>): Promise<T> {
    return this.queue.run(() =>
      this.open ? Promise.race([operation(), this.ended.failed]) : this.ended.failed,
    );
  }

  /**
   * Ends this connection's listeners and its operations still waiting; the attribute objects are dead
   * after a disconnect anyway.
   */
  close(): void {
    this.open = false;
    this.ended.fail(new Error('The connection ended.'));
    for (const { target, fn } of this.listeners) target.removeEventListener('characteristicvaluechanged', fn);
    this.listeners.length = 0;
  }
}

/**
 * A promise that fails when told to, for racing what the device may never answer against: failed
 * with nothing racing it (the work settled first), it is no error of its own.
 */
export function failureOnDemand(): {
  readonly failed: Promise<never>;
  readonly fail: (error: Error) => void;
} {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  return { failed, fail };
}
