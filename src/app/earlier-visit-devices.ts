// The Bluetooth devices of an earlier visit, connected again with no tap and no chooser: tried one at a
// time as the page loads, and those that do not answer awaited, tried again by themselves with their
// limits (see tryAgainDelayMs) or at the person's word.

import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';
import type { Timers } from '../sensors/ble/gatt-session.ts';
import type { DeviceState } from './device-status.ts';
import { notFoundWords } from './device-words.ts';
import { type RejoinCircumstances, tryAgainDelayMs } from './rejoin-policy.ts';
import type { KnownDevice } from './remembered-devices.ts';

/** A device of an earlier visit, as the browser gives it back, and its kind. */
export interface EarlierDevice {
  readonly device: BluetoothDevice;
  readonly kind: BleDeviceKind;
}

/** What the devices of an earlier visit are connected through, and what they are told to. */
export interface EarlierVisitHost {
  /** One try at `device`, with no tap and no chooser; true once it is connected. */
  connect(device: BluetoothDevice, kind: BleDeviceKind): Promise<boolean>;
  /** Whether the person still has the app know the device (not let go of it meanwhile). */
  isKnown(id: string): boolean;
  /** Whether the device is listed among the devices the app reads. */
  isListed(id: string): boolean;
  update(patch: Partial<Pick<DeviceState, 'awaiting' | 'firstTries' | 'rejoining' | 'problem'>>): void;
  /** Whether a session is under way and the page hidden, which space the tries by themselves. */
  pace(): Omit<RejoinCircumstances, 'failedAttempts'>;
}

export class EarlierVisitDevices {
  /** Devices of an earlier visit being connected again, by id, until the attempt is over (true: connected). */
  private readonly rejoining = new Map<string, Promise<boolean>>();
  /** The devices of an earlier visit on their first try as the page loads (see DeviceState.firstTries). */
  private firstTries: EarlierDevice[] = [];
  /** Devices of an earlier visit that did not answer as the page loaded, tried again now and then. */
  private awaited: EarlierDevice[] = [];
  private rejoinTimer: unknown = null;
  /** The awaited devices are being tried by themselves now: the round schedules the next when it ends. */
  private rejoiningAwaited = false;
  /** Tries of the awaited devices made by themselves since the page loaded. */
  private failedRejoins = 0;

  /** `timers` space the tries by themselves: the page's own in the app, a fake clock in a test. */
  constructor(
    private readonly host: EarlierVisitHost,
    private readonly timers: Timers,
  ) {}

  /**
   * The first try of each of `known` that the browser still lets the app use (`granted`), one at a
   * time; those that do not answer are awaited, and said not to be found.
   */
  async tryInTurn(known: readonly KnownDevice[], granted: readonly BluetoothDevice[]): Promise<void> {
    // Tried one at a time, all named from the start: a watch waiting its turn behind a strap is said
    // to be on its way, not left out as if it were not coming.
    this.firstTries = known.flatMap(({ id, kind }) => {
      const device = granted.find((d) => d.id === id);
      return device && !this.host.isListed(id) ? [{ device, kind }] : [];
    });
    this.publishAwaiting();
    for (const { device, kind } of [...this.firstTries]) {
      // The person may have chosen the virtual strap, or picked this device, while the others were tried.
      const stillKnown = this.host.isKnown(device.id);
      if (!stillKnown || this.host.isListed(device.id)) {
        this.firstTries = this.firstTries.filter((t) => t.device !== device);
        this.publishAwaiting();
        continue;
      }
      const reached = await this.rejoin(device, kind, true);
      if (!reached && this.awaited.some((a) => a.device === device)) this.tellNotFound(device, kind);
    }
    this.scheduleRejoin();
  }

  /**
   * One try at a device of an earlier visit, with no chooser; true when it is connected. The first try
   * of the visit (`awaitIfUnreached`) leaves one that does not answer awaited, in the same news as the
   * try's end: no moment says the device is neither tried nor awaited (a pause picked up from an
   * earlier page would take it for back, see pauseForConnectionOnRestore).
   */
  private async rejoin(
    device: BluetoothDevice,
    kind: BleDeviceKind,
    awaitIfUnreached = false,
  ): Promise<boolean> {
    const attempt = this.host.connect(device, kind);
    this.rejoining.set(device.id, attempt);
    if (awaitIfUnreached && !this.firstTries.some((t) => t.device === device)) {
      this.firstTries.push({ device, kind });
    }
    this.publishAwaiting();
    let reached = false;
    try {
      reached = await attempt;
      return reached;
    } finally {
      this.rejoining.delete(device.id);
      if (awaitIfUnreached) this.firstTries = this.firstTries.filter((t) => t.device !== device);
      // The person may have chosen the virtual strap or another strap while it was tried.
      const stillKnown = this.host.isKnown(device.id);
      if (!reached && awaitIfUnreached && stillKnown) this.awaited.push({ device, kind });
      this.publishAwaiting();
    }
  }

  /** The person asked for an awaited device: it is tried at once, and said again not to be found. */
  async rejoinAwaitedNow(id: string): Promise<void> {
    const awaited = this.awaited.find((a) => a.device.id === id);
    if (!awaited || this.rejoining.has(id)) return;
    // The person did what "Not found … bring it closer" asked; if the device stays away, it is said again.
    this.host.update({ problem: null });
    const reached = await this.rejoin(awaited.device, awaited.kind);
    if (!reached && this.awaited.includes(awaited)) this.tellNotFound(awaited.device, awaited.kind);
  }

  private tellNotFound(device: BluetoothDevice, kind: BleDeviceKind): void {
    this.host.update({ problem: notFoundWords(device, kind) });
  }

  /**
   * The next try of the awaited devices by themselves, when there is one to make (see tryAgainDelayMs).
   * None while a round of tries is under way (an attempt may take ATTEMPT_TIMEOUT_MS): that round
   * schedules the next as it ends, lest two rounds run side by side and each count a failure.
   */
  scheduleRejoin(): void {
    if (this.rejoinTimer !== null) this.timers.clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
    if (this.awaited.length === 0 || this.rejoiningAwaited) return;
    const delay = tryAgainDelayMs({
      failedAttempts: this.failedRejoins,
      ...this.host.pace(),
    });
    if (delay === null) return;
    this.rejoinTimer = this.timers.setTimeout(() => {
      this.rejoinTimer = null;
      void this.rejoinAwaited();
    }, delay);
  }

  private async rejoinAwaited(): Promise<void> {
    this.rejoiningAwaited = true;
    try {
      for (const awaited of [...this.awaited]) {
        // Connected or given up meanwhile, or being tried at the person's word.
        if (!this.awaited.includes(awaited) || this.rejoining.has(awaited.device.id)) continue;
        await this.rejoin(awaited.device, awaited.kind);
      }
    } finally {
      this.rejoiningAwaited = false;
    }
    this.failedRejoins++;
    this.scheduleRejoin();
  }

  /** The awaited devices that `gone` matches are tried no more (connected, or another chosen). */
  stopAwaiting(gone: (awaited: EarlierDevice) => boolean): void {
    const left = this.awaited.filter((a) => !gone(a));
    if (left.length === this.awaited.length) return;
    this.awaited = left;
    this.publishAwaiting();
    this.scheduleRejoin();
  }

  publishAwaiting(): void {
    const named = ({ device, kind }: EarlierDevice) => ({
      id: device.id,
      name: device.name || BLE_DEVICE_KINDS[kind].label,
      kind,
      trying: this.rejoining.has(device.id),
    });
    const connected = (id: string) => this.host.isListed(id);
    this.host.update({
      awaiting: this.awaited.map(named),
      firstTries: this.firstTries.filter((t) => !connected(t.device.id)).map(named),
      // One connected is listed among the devices, its try over for the person: a pause waiting for it
      // goes on from "out of reach" at once, not by way of "connection lost" (see pauseForConnectionOnRestore).
      rejoining: [...this.rejoining.keys()].some((id) => !this.host.isListed(id)),
    });
  }

  /** Those waiting their first try are tried no more (the one being tried ends its try). */
  stopFirstTries(): void {
    this.firstTries = this.firstTries.filter((t) => this.rejoining.has(t.device.id));
  }

  /** The connection to the device of an earlier visit under way now, if one is. */
  attemptUnderWay(id: string): Promise<boolean> | undefined {
    return this.rejoining.get(id);
  }

  /** The awaited device with this id, if one is. */
  awaitedWithId(id: string): EarlierDevice | undefined {
    return this.awaited.find((a) => a.device.id === id);
  }

  /** The ids of the awaited devices of `kind` other than `id`: a device of that kind connected takes their place. */
  awaitedOfKindBut(kind: BleDeviceKind, id: string): string[] {
    return this.awaited.filter((a) => a.kind === kind && a.device.id !== id).map((a) => a.device.id);
  }
}
