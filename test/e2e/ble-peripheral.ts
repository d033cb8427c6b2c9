// An emulated Bluetooth LE peripheral for end-to-end tests, built with Chromium's DevTools-protocol
// BluetoothEmulation domain, so the app talks to it through Chromium's real Web Bluetooth stack.
// See ../shared/BROWSER-TESTING.md §3 for the calls and their quirks. A Bangle.js, with its UART and
// what the app wrote to it as text, is one emulateBangle.
import type { Browser, CDPSession, JSHandle, Page } from 'playwright-core';
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  INFINITIME_MOTION,
  INFINITIME_MOTION_SERVICE,
  NORDIC_UART_RX,
  NORDIC_UART_SERVICE,
  NORDIC_UART_TX,
} from '../../src/protocol/uuids.ts';

export interface CharacteristicSpec {
  readonly uuid: string;
  readonly properties: {
    notify?: boolean;
    indicate?: boolean;
    read?: boolean;
    write?: boolean;
    writeWithoutResponse?: boolean;
  };
  /** Answer to a read the app makes itself (not a pushed notification). */
  readonly readValue?: number[];
}

export interface PeripheralSpec {
  readonly address: string;
  readonly name: string;
  readonly services: ReadonlyArray<{
    readonly uuid: string;
    readonly characteristics: readonly CharacteristicSpec[];
  }>;
}

const CCCD = '00002902-0000-1000-8000-00805f9b34fb';
const GATT_SUCCESS = 0;
/**
 * HCI "Connection Failed to be Established": what an LE connection to a peripheral that never answers
 * ends with. Chromium's emulation also lets a connection go unanswered, but then, once the page gives
 * it up (gatt.disconnect()), the next one it answers fails as well: the emulation keeps the abandoned
 * request. A refusal leaves it as a real central is after a failed attempt.
 */
const CONNECTION_FAILED_TO_BE_ESTABLISHED = 0x3e;

export interface PeripheralOptions {
  /**
   * How long each connection the page asks for waits for its answer, as a strap still waking up or at
   * the edge of its range takes seconds to connect (default 0). Only the link: discovery and every
   * operation after it are answered at once.
   */
  readonly connectionDelayMs?: number;
}

export interface EmulatedPeripheral {
  /** Every GATT and characteristic operation the page made, in order ("connection", "subscribe-to-notifications"…). */
  readonly operations: string[];
  /** Bytes the page wrote, per characteristic uuid. */
  readonly writes: Map<string, number[][]>;
  /**
   * Delivers `bytes` to the app as a notification of the characteristic. The protocol has no command
   * for that; instead the bytes are queued as the answer to a read of the same characteristic object
   * the app holds, and Chromium fires characteristicvaluechanged on it.
   */
  notify(serviceUuid: string, characteristicUuid: string, bytes: number[]): Promise<void>;
  /**
   * Calls `answer` after each write to the characteristic has been acknowledged, as a device that
   * answers commands with notifications or indications (a PMD control point) does.
   */
  onWrite(characteristicUuid: string, answer: (bytes: number[]) => void): void;
  disconnect(): Promise<void>;
  /**
   * Carried out of reach (or switched off): the link drops, and every connection the page asks for
   * fails, recorded as "connection (out of reach)", until comeBackInReach().
   */
  goOutOfReach(): Promise<void>;
  /** In reach again: the next connection the page asks for is answered. */
  comeBackInReach(): void;
  /**
   * Answers no characteristic operation from now on, as a device stuck in the middle of what it was
   * asked: each is recorded as "<type> (never answered)", and a write's bytes are not taken.
   */
  stopAnswering(): void;
  dispose(): Promise<void>;
}

/** One BluetoothEmulation per browser (a second enable fails): peripherals of one browser share it. */
interface SharedEmulation {
  readonly bt: Promise<CDPSession>;
  users: number;
}
const emulations = new WeakMap<Browser, SharedEmulation>();

async function joinEmulation(browser: Browser): Promise<CDPSession> {
  let emulation = emulations.get(browser);
  if (!emulation) {
    emulation = {
      users: 0,
      bt: browser.newBrowserCDPSession().then(async (bt) => {
        await bt.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
        return bt;
      }),
    };
    emulations.set(browser, emulation);
  }
  emulation.users++;
  return emulation.bt;
}

async function leaveEmulation(browser: Browser): Promise<void> {
  const emulation = emulations.get(browser);
  if (!emulation || --emulation.users > 0) return;
  emulations.delete(browser);
  const bt = await emulation.bt;
  await bt.send('BluetoothEmulation.disable').catch(() => {});
  await bt.detach().catch(() => {});
}

/**
 * Emulates one peripheral. Several peripherals of the same browser (a strap and a watch) share its
 * one emulation; each answers only for its own address and attributes.
 */
export async function emulatePeripheral(
  browser: Browser,
  page: Page,
  spec: PeripheralSpec,
  options: PeripheralOptions = {},
): Promise<EmulatedPeripheral> {
  const bt: CDPSession = await joinEmulation(browser);
  const pageSession: CDPSession = await page.context().newCDPSession(page);
  const operations: string[] = [];
  const writes = new Map<string, number[][]>();
  const pushQueue = new Map<string, number[][]>();
  const uuidOf = new Map<string, string>();
  const readValueOf = new Map<string, number[]>();
  const writeAnswers = new Map<string, (bytes: number[]) => void>();
  let inReach = true;
  let answering = true;
  /**
   * Settled once the attributes removed at a disconnection are all added again: a connection is
   * answered only then, as a real device offers all its services at once when it reconnects. Answered
   * in between, the app would find some of them missing (a strap without its motion service).
   */
  let attributesBack: Promise<void> = Promise.resolve();
  /** Connections answered late, still to be answered: none is once the emulation is torn down. */
  const lateAnswers = new Set<ReturnType<typeof setTimeout>>();

  bt.on('BluetoothEmulation.gattOperationReceived', (event) => {
    if (event.address !== spec.address) return;
    const refused = !inReach && event.type === 'connection';
    operations.push(refused ? 'connection (out of reach)' : event.type);
    const answer = () =>
      void bt.send('BluetoothEmulation.simulateGATTOperationResponse', {
        address: event.address,
        type: event.type,
        code: refused ? CONNECTION_FAILED_TO_BE_ESTABLISHED : GATT_SUCCESS,
      });
    // The simulated central holds the page's gatt.connect() until it is answered, however late.
    const delayMs = event.type === 'connection' ? (options.connectionDelayMs ?? 0) : 0;
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        lateAnswers.delete(timer);
        void attributesBack.then(answer);
      }, delayMs);
      lateAnswers.add(timer);
    } else void attributesBack.then(answer);
  });
  bt.on('BluetoothEmulation.characteristicOperationReceived', (event) => {
    const uuid = uuidOf.get(event.characteristicId);
    if (uuid === undefined) return;
    if (!answering) {
      operations.push(`${event.type} (never answered)`);
      return;
    }
    operations.push(event.type);
    if (event.type === 'read') {
      const bytes = pushQueue.get(uuid)?.shift() ?? readValueOf.get(uuid) ?? [0];
      // A characteristic holds the value it last gave: read again, a watch still since gives that.
      readValueOf.set(uuid, bytes);
      void bt
        .send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
          characteristicId: event.characteristicId,
          type: 'read',
          code: GATT_SUCCESS,
          data: Buffer.from(bytes).toString('base64'),
        })
        // An operation of a page still streaming may come as the emulation is torn down: none to answer.
        .catch(() => undefined);
      return;
    }
    const written = event.type === 'write' && event.data ? [...Buffer.from(event.data, 'base64')] : null;
    if (written) {
      const list = writes.get(uuid) ?? [];
      list.push(written);
      writes.set(uuid, list);
    }
    void bt
      .send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
        characteristicId: event.characteristicId,
        type: event.type,
        code: GATT_SUCCESS,
      })
      .then(() => {
        // The answer goes out once the write itself is acknowledged, as on a real device.
        if (written) writeAnswers.get(uuid)?.(written);
      })
      .catch(() => undefined);
  });

  await bt.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
    address: spec.address,
    name: spec.name,
    manufacturerData: [],
    knownServiceUuids: spec.services.map((s) => s.uuid),
  });
  const serviceIds: string[] = [];
  const addServices = async () => {
    for (const service of spec.services) {
      const { serviceId } = await bt.send('BluetoothEmulation.addService', {
        address: spec.address,
        serviceUuid: service.uuid,
      });
      serviceIds.push(serviceId);
      for (const characteristic of service.characteristics) {
        const { characteristicId } = await bt.send('BluetoothEmulation.addCharacteristic', {
          serviceId,
          characteristicUuid: characteristic.uuid,
          // Pushing goes through a read, so every characteristic that notifies must also be readable here.
          properties: { ...characteristic.properties, read: true },
        });
        uuidOf.set(characteristicId, characteristic.uuid);
        if (characteristic.readValue) readValueOf.set(characteristic.uuid, characteristic.readValue);
        // Without the CCCD, startNotifications() fails with NotSupportedError.
        if (characteristic.properties.notify || characteristic.properties.indicate) {
          await bt.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD });
        }
      }
    }
  };
  await addServices();

  await pageSession.send('DeviceAccess.enable');
  const answered = new Set<string>();
  pageSession.on('DeviceAccess.deviceRequestPrompted', (event) => {
    // The prompt event comes twice for one request: answer it once, when our device is listed.
    if (answered.has(event.id)) return;
    const device = event.devices.find((d) => d.id === spec.address);
    if (!device) return;
    answered.add(event.id);
    void pageSession.send('DeviceAccess.selectPrompt', { id: event.id, deviceId: device.id });
  });

  const handles = new Map<string, JSHandle>();
  const disconnect = async () => {
    handles.clear();
    let addedAgain = () => {};
    attributesBack = new Promise((resolve) => {
      addedAgain = resolve;
    });
    try {
      await bt.send('BluetoothEmulation.simulateGATTDisconnection', { address: spec.address });
      // Chromium forgets the peripheral's attributes on a disconnection (a real central rediscovers
      // them): without adding them again, getPrimaryService() after a reconnection fails with
      // NotFoundError. Fresh ids, same UUIDs, as a real device after a reconnect.
      for (const serviceId of serviceIds.splice(0)) {
        await bt.send('BluetoothEmulation.removeService', { serviceId }).catch(() => undefined);
      }
      await addServices();
    } finally {
      addedAgain();
    }
  };
  return {
    operations,
    writes,
    async notify(serviceUuid, characteristicUuid, bytes) {
      const queue = pushQueue.get(characteristicUuid) ?? [];
      queue.push(bytes);
      pushQueue.set(characteristicUuid, queue);
      let handle = handles.get(characteristicUuid);
      if (!handle) {
        handle = await page.evaluateHandle(
          async ([service, characteristic, name]) => {
            const device = (await navigator.bluetooth.getDevices()).find(
              (d) => d.gatt?.connected && d.name === name,
            );
            if (!device?.gatt) throw new Error(`${name} is not connected`);
            return (await device.gatt.getPrimaryService(service)).getCharacteristic(characteristic);
          },
          [serviceUuid, characteristicUuid, spec.name] as const,
        );
        handles.set(characteristicUuid, handle);
      }
      await handle.evaluate((c) =>
        (c as BluetoothRemoteGATTCharacteristic).readValue().then(() => undefined),
      );
    },
    onWrite(characteristicUuid, answer) {
      writeAnswers.set(characteristicUuid, answer);
    },
    disconnect,
    async goOutOfReach() {
      inReach = false;
      await disconnect();
    },
    comeBackInReach() {
      inReach = true;
    },
    stopAnswering() {
      answering = false;
    },
    async dispose() {
      for (const timer of lateAnswers) clearTimeout(timer);
      await pageSession.detach().catch(() => {});
      await leaveEmulation(browser);
    },
  };
}

/** Sends a notification of the peripheral's once those sent before it have gone. */
export type Notify = (serviceUuid: string, characteristicUuid: string, bytes: number[]) => Promise<void>;

/**
 * The peripheral's notifications one at a time, as over one radio link: each goes once the one
 * before it has, whether that one reached the page or not (the link gone).
 */
export function overOneRadio(peripheral: EmulatedPeripheral): Notify {
  let radio: Promise<unknown> = Promise.resolve();
  return (serviceUuid, characteristicUuid, bytes) => {
    const next = radio.then(() => peripheral.notify(serviceUuid, characteristicUuid, bytes));
    radio = next.catch(() => undefined);
    return next;
  };
}

/** The standard heart-rate service, its measurement notified [HRS]: a strap's, and a PineTime's. */
export const HEART_RATE_SERVICE_SPEC: PeripheralSpec['services'][number] = {
  uuid: HEART_RATE_SERVICE,
  characteristics: [{ uuid: HEART_RATE_MEASUREMENT, properties: { notify: true } }],
};

/** A strap that offers the standard heart-rate service alone. */
export function heartRateStrap(address: string, name: string): PeripheralSpec {
  return { address, name, services: [HEART_RATE_SERVICE_SPEC] };
}

/**
 * A PineTime on InfiniTime: its heart rate and its motion service, read as well as notified [IT],
 * `motion` its reading until it notifies another.
 */
export function pineTime(address: string, motion: readonly number[]): PeripheralSpec {
  return {
    address,
    name: 'InfiniTime',
    services: [
      HEART_RATE_SERVICE_SPEC,
      {
        uuid: INFINITIME_MOTION_SERVICE,
        characteristics: [
          { uuid: INFINITIME_MOTION, properties: { notify: true, read: true }, readValue: [...motion] },
        ],
      },
    ],
  };
}

export interface EmulatedBangle extends EmulatedPeripheral {
  /** Text the watch prints over its UART, once what it printed before has gone. */
  print(text: string): Promise<void>;
  /** What the app wrote to the watch's UART, as text, one entry per write. */
  written(): string[];
}

/**
 * A Bangle.js as the app finds it: Espruino's Nordic UART, and the battery service where
 * `batteryPercent` is given [ESP].
 */
export async function emulateBangle(
  browser: Browser,
  page: Page,
  watch: { readonly address: string; readonly name: string; readonly batteryPercent?: number },
): Promise<EmulatedBangle> {
  const uart = {
    uuid: NORDIC_UART_SERVICE,
    characteristics: [
      { uuid: NORDIC_UART_RX, properties: { write: true, writeWithoutResponse: true } },
      { uuid: NORDIC_UART_TX, properties: { notify: true } },
    ],
  };
  const battery = {
    uuid: BATTERY_SERVICE,
    characteristics: [
      { uuid: BATTERY_LEVEL, properties: { read: true }, readValue: [watch.batteryPercent ?? 0] },
    ],
  };
  const peripheral = await emulatePeripheral(browser, page, {
    address: watch.address,
    name: watch.name,
    services: watch.batteryPercent === undefined ? [uart] : [uart, battery],
  });
  const send = overOneRadio(peripheral);
  return Object.assign(peripheral, {
    print: (text: string) => send(NORDIC_UART_SERVICE, NORDIC_UART_TX, [...Buffer.from(text)]),
    written: () =>
      (peripheral.writes.get(NORDIC_UART_RX) ?? []).map((bytes) => Buffer.from(bytes).toString('latin1')),
  });
}

/**
 * Lets each emulated device go, in the order given, then closes the browser; whatever a set-up that
 * failed part way never made is passed over.
 */
export async function letGoAndClose(
  browser: Browser | undefined,
  ...peripherals: readonly (EmulatedPeripheral | undefined)[]
): Promise<void> {
  for (const peripheral of peripherals) await peripheral?.dispose();
  await browser?.close();
}
