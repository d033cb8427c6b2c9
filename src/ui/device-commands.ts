// The commands the device panel and its menu send up to the app, beside the shared ones in events.ts:
// both parts send them, each from its own element, and the app listens for them by name.
import type { DeviceKind } from '../app/device-status.ts';
import type { Habit } from '../sensors/virtual/choreography.ts';

export interface BbDeviceCommandDetail {
  'bb-connect-device': { readonly kind: DeviceKind };
  'bb-disconnect-device': { readonly id: string };
  'bb-reconnect-device': { readonly id: string };
  /** A file picked to replay, read by the app (Devices.replayText). */
  'bb-replay': { readonly text: string; readonly fileName: string };
  'bb-replay-again': undefined;
  'bb-save-recording': undefined;
  'bb-virtual-habit': { readonly habit: Habit };
}

export function sendDeviceCommand<K extends keyof BbDeviceCommandDetail>(
  from: HTMLElement,
  name: K,
  detail: BbDeviceCommandDetail[K],
): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bb-connect-device': CustomEvent<BbDeviceCommandDetail['bb-connect-device']>;
    'bb-disconnect-device': CustomEvent<BbDeviceCommandDetail['bb-disconnect-device']>;
    'bb-reconnect-device': CustomEvent<BbDeviceCommandDetail['bb-reconnect-device']>;
    'bb-replay': CustomEvent<BbDeviceCommandDetail['bb-replay']>;
    'bb-replay-again': CustomEvent<undefined>;
    'bb-save-recording': CustomEvent<undefined>;
    'bb-virtual-habit': CustomEvent<BbDeviceCommandDetail['bb-virtual-habit']>;
  }
}
