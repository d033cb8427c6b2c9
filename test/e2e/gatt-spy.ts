// Installed in the page before the app loads: notes, with the page's time, each connection the app asks
// the browser for and how it ended, each disconnect() it calls and each drop of a link it made,
// through the platform's own objects, which still do the work.

export interface GattRecord {
  /** 'connect' when asked for; 'connected', or 'connect failed: <DOMException name>', when it ended. */
  readonly what: string;
  readonly device: string;
  /** The page's performance.now() at the time. */
  readonly atMs: number;
}

declare global {
  interface Window {
    backbeatGattLog?: GattRecord[];
  }
}

export function installGattSpy(): void {
  const log: GattRecord[] = [];
  window.backbeatGattLog = log;
  // Web Bluetooth's classes are interfaces only to TypeScript (@types/web-bluetooth).
  const server = (
    window as unknown as { BluetoothRemoteGATTServer?: { prototype: BluetoothRemoteGATTServer } }
  ).BluetoothRemoteGATTServer?.prototype;
  if (!server) return;
  const record = (what: string, device: BluetoothDevice) =>
    log.push({ what, device: device.name ?? device.id, atMs: performance.now() });
  const connect = server.connect;
  const watched = new WeakSet<BluetoothDevice>();
  server.connect = function (this: BluetoothRemoteGATTServer) {
    const device = this.device;
    record('connect', device);
    if (!watched.has(device)) {
      watched.add(device);
      device.addEventListener('gattserverdisconnected', () => record('link down', device));
    }
    return connect.call(this).then(
      (connected: BluetoothRemoteGATTServer) => {
        record('connected', device);
        return connected;
      },
      (error: unknown) => {
        record(`connect failed: ${error instanceof Error ? error.name : String(error)}`, device);
        throw error;
      },
    );
  };
  const disconnect = server.disconnect;
  server.disconnect = function (this: BluetoothRemoteGATTServer) {
    record('disconnect', this.device);
    disconnect.call(this);
  };
}
