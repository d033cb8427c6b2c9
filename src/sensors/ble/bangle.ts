// Bangle.js over the Nordic UART Service: upload a few lines of code that print `A,x,y,z` for every
// accelerometer event and `H,bpm,confidence` for every heart-rate reading, and parse the lines
// (PROTOCOLS.md §4 [ESP "Bangle.js Data Streaming"]).
import {
  BANGLE_RESET_WAIT_MS,
  BANGLE_STOP_COMMAND,
  bangleStreamingWrites,
  chunkForWrite,
} from '../../protocol/bangle.ts';
import { NORDIC_UART_RX, NORDIC_UART_SERVICE, NORDIC_UART_TX } from '../../protocol/uuids.ts';
import type { GattLink } from './gatt-link.ts';
import type { Profile, ProfileContext } from './profile.ts';

export function bangleProfile(): Profile {
  let rx: BluetoothRemoteGATTCharacteristic | null = null;
  /**
   * Stopped on this connection (the page hidden): its reset() wiped the streaming code from the
   * watch, which prints nothing again until the code is uploaded again.
   */
  let stopped = false;
  return {
    id: 'bangle-uart',
    services: [NORDIC_UART_SERVICE],
    required: true,
    async start({ link, decoder, now, sleep, closed }: ProfileContext) {
      const service = await link.service(NORDIC_UART_SERVICE);
      const tx = service && (await link.characteristic(service, NORDIC_UART_TX));
      rx = service && (await link.characteristic(service, NORDIC_UART_RX));
      if (!tx || !rx) throw new Error('This watch offers no Bluetooth UART.');
      stopped = false;
      await link.subscribe(tx, (bytes) => decoder.notify(NORDIC_UART_TX, bytes, now()));
      await uploadStreaming(link, rx, sleep, closed);
    },
    async stop({ link }: ProfileContext) {
      // The heart sensor off, then reset() drops both handlers, so the watch stops printing.
      if (!rx || !link.connected) return;
      stopped = true;
      for (const chunk of chunkForWrite(new TextEncoder().encode(BANGLE_STOP_COMMAND)))
        await link.write(rx, chunk);
    },
    async resume({ link, sleep, closed }: ProfileContext) {
      if (!rx || !stopped || !link.connected) return;
      stopped = false;
      await uploadStreaming(link, rx, sleep, closed);
    },
    reset() {
      rx = null;
      stopped = false;
    },
  };
}

/** The documented way to start streaming: reset, wait, then the code, accelerometer first [ESP]. */
async function uploadStreaming(
  link: GattLink,
  rx: BluetoothRemoteGATTCharacteristic,
  sleep: (ms: number) => Promise<void>,
  closed: () => boolean,
): Promise<void> {
  const writes = bangleStreamingWrites();
  // NUS writes are at most 20 bytes, in order [ESP "About Bluetooth LE"].
  for (const chunk of writes.reset) await link.write(rx, chunk);
  await sleep(BANGLE_RESET_WAIT_MS);
  // Let go during the wait: the stop comes next, and code uploaded now would only turn the heart
  // sensor on for it to turn off.
  if (closed()) return;
  for (const chunk of writes.upload) await link.write(rx, chunk);
  for (const chunk of writes.heartUpload) await link.write(rx, chunk);
}
