// The commands the screens send up to the app shell, as typed DOM events.

import type { ExportFormat } from '../app/session-files.ts';

export interface BbCommandDetail {
  'bb-start': undefined;
  'bb-skip': undefined;
  /** Starts a set that is waiting for the person to be in position. */
  'bb-begin-set': undefined;
  /** `toAsk`: the session holds still while Finish's question is asked, no pause the person asked for. */
  'bb-pause': { readonly toAsk: boolean } | undefined;
  'bb-resume': undefined;
  'bb-finish': undefined;
  /** Starts a hold no device has seen start (a heart-rate-only strap sees no one hold still). */
  'bb-start-hold': undefined;
  'bb-end-hold': undefined;
  'bb-new-session': undefined;
  'bb-adjust': { readonly delta: number };
  /** Corrects the set just done from the set after it, where no rest came between them. */
  'bb-adjust-last': { readonly delta: number };
  /** Silences the voice and tones, or brings them back: the setting Settings shows, kept as it is. */
  'bb-set-muted': { readonly muted: boolean };
  /** Save the session just done as a file. */
  'bb-export': { readonly format: ExportFormat };
  'bb-show-history': undefined;
  /** Open the history at its backup and import, which a person moving to a new phone looks for. */
  'bb-show-backups': undefined;
  /** Leave the history for the screen it was opened over. */
  'bb-close-history': undefined;
  'bb-connect-bluetooth': undefined;
  'bb-use-virtual': undefined;
  'bb-dismiss-problem': undefined;
  /** A line a screen shows that no voice says (see TapNote), for the app to give a screen reader. */
  'bb-tell-screen-reader': { readonly line: string };
}

export type BbCommand = keyof BbCommandDetail;

export function sendCommand<K extends BbCommand>(
  from: HTMLElement,
  name: K,
  detail?: BbCommandDetail[K],
): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bb-start': CustomEvent<undefined>;
    'bb-skip': CustomEvent<undefined>;
    'bb-begin-set': CustomEvent<undefined>;
    'bb-pause': CustomEvent<{ readonly toAsk: boolean } | undefined>;
    'bb-resume': CustomEvent<undefined>;
    'bb-finish': CustomEvent<undefined>;
    'bb-start-hold': CustomEvent<undefined>;
    'bb-end-hold': CustomEvent<undefined>;
    'bb-new-session': CustomEvent<undefined>;
    'bb-adjust': CustomEvent<{ readonly delta: number }>;
    'bb-adjust-last': CustomEvent<{ readonly delta: number }>;
    'bb-set-muted': CustomEvent<{ readonly muted: boolean }>;
    'bb-export': CustomEvent<{ readonly format: ExportFormat }>;
    'bb-show-history': CustomEvent<undefined>;
    'bb-show-backups': CustomEvent<undefined>;
    'bb-close-history': CustomEvent<undefined>;
    'bb-connect-bluetooth': CustomEvent<undefined>;
    'bb-use-virtual': CustomEvent<undefined>;
    'bb-dismiss-problem': CustomEvent<undefined>;
    'bb-tell-screen-reader': CustomEvent<{ readonly line: string }>;
  }
}
