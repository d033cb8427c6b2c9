// The one test double: a Bluetooth device at the platform boundary (the Web Bluetooth objects our
// GATT code takes as arguments), scripted with real byte exchanges. Like Chromium, it refuses a
// second GATT operation while one is in flight (NetworkError), so unit tests catch unserialised
// code; and after a disconnect every attribute object it handed out is dead.

import { browserTimers, type Timers } from '../../../../src/sensors/ble/gatt-session.ts';

export interface FakeCharacteristicSpec {
  readonly uuid: string;
  readonly properties?: Partial<BluetoothCharacteristicProperties>;
  /** Answer to readValue(). */
  readonly read?: Uint8Array;
}

export interface FakeServiceSpec {
  readonly uuid: string;
  readonly characteristics: readonly FakeCharacteristicSpec[];
}

/** What the device answers to a write: notifications to send on the same characteristic. */
export type WriteScript = (characteristic: string, bytes: Uint8Array) => Uint8Array[];

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export class FakeDevice extends EventTarget {
  readonly id: string;
  readonly gatt: FakeServer;
  /** Every write, as [characteristic uuid, hex]. */
  readonly writes: Array<[string, string]> = [];
  readonly log: string[] = [];
  /** While false, connect() fails as for a device out of range. */
  reachable = true;
  /** How often the page gave back its permission for the device (forget(), Chrome and Edge). */
  forgotten = 0;
  /** The clock its answers to a write wait on: the page's timers, or a fake clock a test hands the app too. */
  timers: Timers = browserTimers;
  /** What forget() fails with, as a browser may (the permission store unreachable); null: it succeeds. */
  forgetFails: Error | null = null;
  /**
   * The next operation whose name (as `log` has them) begins with this is never answered, as by a
   * device that stops answering in the middle of its setup: its promise never settles, not even
   * once the link is gone.
   */
  private unanswered: string | null = null;
  /** The next operation whose name begins with `what` is answered once `answered` settles. */
  private late: { readonly what: string; readonly answered: Promise<void> } | null = null;
  /** An operation never answered holds the device busy. */
  private hanging = false;
  private busy = false;
  private generation = 0;
  private readonly subscribed = new Map<string, FakeCharacteristic>();

  constructor(
    readonly name: string,
    readonly services: readonly FakeServiceSpec[],
    public script: WriteScript = () => [],
  ) {
    super();
    this.id = `fake-${name}`;
    this.gatt = new FakeServer(this);
  }

  get connectionGeneration(): number {
    return this.generation;
  }

  /** The next operation whose name begins with `what` ('service', 'subscribe', …) is never answered. */
  neverAnswer(what: string): void {
    this.unanswered = what;
  }

  /**
   * The next operation whose name begins with `what` is answered only once `answered` settles, as by a
   * device slow to answer (a strap just put on, a radio crowded): the device is busy with it meanwhile.
   */
  answerLate(what: string, answered: Promise<void>): void {
    this.late = { what, answered };
  }

  /** One GATT operation; overlapping ones fail as Chromium's do. */
  async operation<T>(what: string, generation: number | null, run: () => T): Promise<T> {
    if (this.busy) throw domError('NetworkError', 'GATT operation already in progress.');
    this.busy = true;
    if (this.unanswered !== null && what.startsWith(this.unanswered)) {
      this.unanswered = null;
      this.hanging = true;
      this.log.push(`${what} (never answered)`);
      // The device is busy with it until the link drops (see drop).
      return new Promise<T>(() => {});
    }
    const late = this.late !== null && what.startsWith(this.late.what) ? this.late.answered : null;
    if (late) this.late = null;
    try {
      await late;
      await Promise.resolve();
      await Promise.resolve();
      if (generation !== null && (generation !== this.generation || !this.gatt.connected)) {
        throw domError('NetworkError', 'GATT Server is disconnected.');
      }
      this.log.push(what);
      return run();
    } finally {
      this.busy = false;
    }
  }

  connectNow(): void {
    this.generation++;
    this.subscribed.clear();
  }

  subscribe(characteristic: FakeCharacteristic): void {
    this.subscribed.set(characteristic.uuid, characteristic);
  }

  /** A notification from the device, delivered only if the app subscribed on this connection. */
  notify(uuid: string, bytes: Uint8Array): boolean {
    const characteristic = this.subscribed.get(uuid);
    if (!characteristic || !this.gatt.connected) return false;
    characteristic.deliver(bytes);
    return true;
  }

  /** Gives back the page's permission for the device, disconnecting it, as Chromium's forget() does. */
  async forget(): Promise<void> {
    this.forgotten++;
    if (this.forgetFails) throw this.forgetFails;
    if (this.gatt.connected) this.gatt.disconnect();
  }

  /** A connection the page gave up before it was answered: one never answered holds the device no more. */
  abandonConnection(): void {
    if (this.hanging && !this.gatt.connected) this.busy = false;
    this.hanging = false;
  }

  /** The link drops (out of range, strap off): gattserverdisconnected fires on the device. */
  drop(): void {
    this.gatt.connected = false;
    // The operation the device never answered ends with the link, for the device (its promise need not).
    if (this.hanging) this.busy = false;
    this.hanging = false;
    this.subscribed.clear();
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }
}

class FakeServer {
  connected = false;
  /** Each connect() still waiting for its answer, as the spec's [[activeAlgorithms]] holds them. */
  private readonly connecting = new Set<() => void>();
  constructor(readonly device: FakeDevice) {}

  /** Connections asked for whose answer has not come, nor been given up with disconnect(). */
  get connectionsUnderWay(): number {
    return this.connecting.size;
  }

  async connect(): Promise<FakeServer> {
    let abort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      abort = () => reject(domError('AbortError', 'Connection attempt aborted.'));
    });
    this.connecting.add(abort);
    const answered = this.device.operation('connection', null, () => {
      // Given up before the device answered: the answer makes no connection [WB-SPEC connect()].
      if (!this.connecting.has(abort)) throw domError('AbortError', 'Connection attempt aborted.');
      if (!this.device.reachable) throw domError('NetworkError', 'Connection attempt failed.');
      this.connected = true;
      this.device.connectNow();
      return this;
    });
    answered.catch(() => undefined);
    try {
      return await Promise.race([answered, aborted]);
    } finally {
      this.connecting.delete(abort);
    }
  }

  /** Also gives up every connect() still waiting, which rejects with AbortError [WB-SPEC disconnect()]. */
  disconnect(): void {
    for (const abort of this.connecting) abort();
    if (this.connecting.size > 0) this.device.abandonConnection();
    this.connecting.clear();
    if (!this.connected) return;
    this.device.drop();
  }

  async getPrimaryService(uuid: string): Promise<FakeService> {
    const generation = this.device.connectionGeneration;
    return this.device.operation(`service ${uuid.slice(0, 8)}`, generation, () => {
      const spec = this.device.services.find((s) => s.uuid === uuid);
      if (!spec) throw domError('NotFoundError', `No Services matching UUID ${uuid} found in Device.`);
      return new FakeService(this.device, spec, generation);
    });
  }
}

class FakeService {
  constructor(
    private readonly device: FakeDevice,
    private readonly spec: FakeServiceSpec,
    private readonly generation: number,
  ) {}

  get uuid(): string {
    return this.spec.uuid;
  }

  async getCharacteristic(uuid: string): Promise<FakeCharacteristic> {
    return this.device.operation(`characteristic ${uuid.slice(0, 8)}`, this.generation, () => {
      const spec = this.spec.characteristics.find((c) => c.uuid === uuid);
      if (!spec)
        throw domError('NotFoundError', `No Characteristics matching UUID ${uuid} found in Service.`);
      return new FakeCharacteristic(this.device, spec, this.generation);
    });
  }
}

class FakeCharacteristic extends EventTarget {
  value: DataView | null = null;
  readonly properties: BluetoothCharacteristicProperties;

  constructor(
    private readonly device: FakeDevice,
    private readonly spec: FakeCharacteristicSpec,
    private readonly generation: number,
  ) {
    super();
    this.properties = {
      broadcast: false,
      read: false,
      writeWithoutResponse: false,
      write: false,
      notify: false,
      indicate: false,
      authenticatedSignedWrites: false,
      reliableWrite: false,
      writableAuxiliaries: false,
      ...spec.properties,
    };
  }

  get uuid(): string {
    return this.spec.uuid;
  }

  async startNotifications(): Promise<this> {
    return this.device.operation(`subscribe ${this.uuid.slice(0, 8)}`, this.generation, () => {
      if (!this.properties.notify && !this.properties.indicate) {
        throw domError('NotSupportedError', 'GATT Error: Not supported.');
      }
      this.device.subscribe(this);
      return this;
    });
  }

  async readValue(): Promise<DataView> {
    const bytes = await this.device.operation(`read ${this.uuid.slice(0, 8)}`, this.generation, () => {
      if (!this.spec.read) throw domError('NotSupportedError', 'GATT Error: Not supported.');
      return this.spec.read;
    });
    // A read fires characteristicvaluechanged too, as in Chromium [WB-SPEC].
    this.deliver(bytes);
    return new DataView(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }

  async writeValueWithResponse(value: BufferSource): Promise<void> {
    const bytes = new Uint8Array(
      value instanceof ArrayBuffer
        ? value
        : value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength),
    );
    const hex = Buffer.from(bytes).toString('hex');
    await this.device.operation(`write ${this.uuid.slice(0, 8)} ${hex}`, this.generation, () => {
      this.device.writes.push([this.uuid, hex]);
    });
    // The answers come as notifications after the write's own response, as on a real PMD CP.
    const answers = this.device.script(this.uuid, bytes);
    this.device.timers.setTimeout(() => {
      for (const answer of answers) this.device.notify(this.uuid, answer);
    }, 0);
  }

  writeValue(value: BufferSource): Promise<void> {
    return this.writeValueWithResponse(value);
  }

  deliver(bytes: Uint8Array): void {
    // The browser reuses the buffer: hand out a view that the next delivery overwrites.
    this.value = new DataView(new Uint8Array(bytes).buffer);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

/** As the app's code sees it. */
export function asBluetoothDevice(device: FakeDevice): BluetoothDevice {
  return device as unknown as BluetoothDevice;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'hex'));
}
