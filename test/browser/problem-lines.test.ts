// Every device problem the app can show, on a phone with its text at twice its size (180 × 320) and on
// a phone held upright (360 × 640), out of a session and in one: shut, its headline whole; opened, its
// words whole, nothing past the window's edge, and its OK and every other button at least 44 px high.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DeviceState } from '../../src/app/device-status.ts';
import { HistoryModel } from '../../src/app/history-model.ts';
import type { Persistence } from '../../src/app/persistence.ts';
import { UpdateModel } from '../../src/app/updates.ts';
import { StoreError, type StoreErrorKind } from '../../src/store/errors.ts';
import '../../src/ui/bb-device-panel.ts';
import '../../src/ui/bb-storage-notice.ts';
import '../../src/ui/bb-update-prompt.ts';
import { noBluetoothWords } from '../../src/sensors/ble/errors.ts';
import type { BbDevicePanel } from '../../src/ui/bb-device-panel.ts';
import {
  BLUETOOTH_TURNED_OFF,
  CHROME_ON_LINUX,
  EVERY_DEVICE_PROBLEM,
  LONG_DEVICE_NAME,
} from '../device-problems.ts';
import { chestStrapStatus } from '../device-status.ts';
import { STORE_ERROR_KINDS } from '../store-error-kinds.ts';
import { layOutAsTheApp, mount as mountElement } from './mount.ts';

const PROBLEMS = [...EVERY_DEVICE_PROBLEM, BLUETOOTH_TURNED_OFF];

const strap = chestStrapStatus({ name: LONG_DEVICE_NAME });

function state(problem: string, noBluetooth: DeviceState['noBluetooth'] = null): DeviceState {
  return {
    source: { id: strap.id, name: strap.name, kind: 'bluetooth', placement: 'chest' },
    connection: 'connected',
    countsMotion: true,
    malformedPackets: 0,
    problem,
    problemsTold: 1,
    noBluetooth,
    rejoining: false,
    awaiting: [],
    firstTries: [],
    battery: null,
    devices: [strap],
  };
}

async function mount(problem: string, compact: boolean): Promise<BbDevicePanel> {
  const panel = document.createElement('bb-device-panel');
  // A browser with Bluetooth turned off says so beside the devices' menu too.
  panel.device = state(
    problem,
    problem === BLUETOOTH_TURNED_OFF[1] ? noBluetoothWords(CHROME_ON_LINUX) : null,
  );
  panel.compact = compact;
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

/** An element cut by its clamp or its overflow: taller or wider inside than seen. */
function cut(element: Element): boolean {
  return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
}

/** What a person cannot read or tap of what a shadow root shows: words cut, boxes past the window, small buttons. */
function outOfReach(root: ShadowRoot, words: string, boxes: string): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll(words)) {
    if (cut(element))
      found.push(
        `"${element.textContent?.trim()}" cut: ${element.scrollHeight} × ${element.scrollWidth} px in ${element.clientHeight} × ${element.clientWidth}`,
      );
  }
  for (const element of root.querySelectorAll<HTMLElement>(boxes)) {
    // Not laid out, as the choices of a menu shut: nothing to see or tap.
    if (element.getClientRects().length === 0) continue;
    const box = element.getBoundingClientRect();
    if (box.left < -0.5 || box.right > innerWidth + 0.5)
      found.push(
        `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 30)}" from ${box.left} to ${box.right} px of ${innerWidth}`,
      );
    if ((element.tagName === 'BUTTON' || element.tagName === 'SUMMARY') && box.height < 44)
      found.push(`${element.tagName.toLowerCase()} "${element.textContent?.trim()}" ${box.height} px high`);
  }
  return found;
}

/** What a person cannot read or tap of the problem as the panel shows it now. */
function faults(panel: BbDevicePanel): string[] {
  const root = panel.shadowRoot!;
  const found: string[] = [];
  const shown = root.querySelector('.problem, .problem-line');
  if (!shown?.textContent?.trim()) found.push('no problem shown');
  const ok = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'OK');
  if (!root.querySelector('details.glance:not([open])') && !ok) found.push('no OK');
  found.push(
    ...outOfReach(
      root,
      '.problem > span, details.glance:not([open]) .gist, details.glance[open] .line, .no-bluetooth',
      '.problem, .glance, .problem button, .glance[open] button, .glance > summary, .no-bluetooth',
    ),
  );
  return found;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe.each([
  // The header's padding out of a session and in one.
  [180, 320, 'out of a session', false, '0 0.375rem'],
  [180, 320, 'in a session', true, '0 0.75rem'],
  [360, 640, 'out of a session', false, '0 0.75rem'],
  [360, 640, 'in a session', true, '0 0.75rem'],
] as const)('a device problem at %i × %i %s', (width, height, _, compact, padding) => {
  it.each(PROBLEMS)(
    '%s: said whole, in the window, its buttons big enough to tap',
    async (_name, problem) => {
      const restore = await layOutAsTheApp(width, height, padding);
      try {
        const panel = await mount(problem, compact);
        expect(faults(panel)).toEqual([]);
        const line = panel.shadowRoot!.querySelector<HTMLElement>('details.glance > summary');
        if (line) {
          await userEvent.click(line);
          expect(faults(panel)).toEqual([]);
        }
      } finally {
        await restore();
      }
    },
  );
});

/** A store that failed with `kind`, `held` sessions in memory only, its backup failing with `backupFails`. */
function failedStore(kind: StoreErrorKind, held: number, hasCurrent: boolean, backupFails = ''): Persistence {
  const history = new HistoryModel();
  history.update({
    storage: 'memory',
    storeOpened: kind !== 'unavailable',
    problem: new StoreError(kind),
    hasCurrent,
  });
  return {
    history,
    sessionsHeldInMemory: () => held,
    noneHeldInMemorySaved: () => false,
    backup: () => Promise.reject(new Error(backupFails)),
  } as unknown as Persistence;
}

/** The storage notice's words and boxes. */
const NOTICE_WORDS = 'p, summary, section';
const NOTICE_BOXES = 'p, summary, section, button';

/** Where the notice is its few words (a phone with its text at twice its size), opened with More. */
async function openWithMore(notice: HTMLElement): Promise<void> {
  const more = notice.shadowRoot!.querySelector('summary');
  if (more) await userEvent.click(more);
}

describe.each([
  [180, 320],
  [360, 640],
] as const)('a storage problem at %i × %i', (width, height) => {
  it.each(
    STORE_ERROR_KINDS.flatMap((kind) => [
      [kind, 'between sessions', false] as const,
      [kind, 'in a set', true] as const,
    ]),
  )('%s %s: said whole, in the window, its buttons big enough to tap', async (kind, _, compact) => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const notice = await mountElement('bb-storage-notice', {
        persistence: failedStore(kind, 1, true),
        compact,
      });
      expect(notice.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).not.toBe('');
      expect(outOfReach(notice.shadowRoot!, NOTICE_WORDS, NOTICE_BOXES)).toEqual([]);
      await openWithMore(notice);
      expect(outOfReach(notice.shadowRoot!, NOTICE_WORDS, NOTICE_BOXES)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('a backup that failed: said whole, in the window', async () => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const notice = await mountElement('bb-storage-notice', {
        persistence: failedStore(
          'quota',
          2,
          false,
          'The backup could not be made: the browser refused to read the store.',
        ),
      });
      await openWithMore(notice);
      await userEvent.click(notice.shadowRoot!.querySelector('button')!);
      await expect
        .poll(() => notice.shadowRoot!.querySelector('.save-problem')?.textContent)
        .toContain('The backup could not be made');
      expect(outOfReach(notice.shadowRoot!, NOTICE_WORDS, NOTICE_BOXES)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('an update waiting: said whole, in the window, Reload and Later big enough to tap', async () => {
    const restore = await layOutAsTheApp(width, height, '0 1rem');
    try {
      const updates = new UpdateModel();
      const prompt = await mountElement('bb-update-prompt', { updates });
      updates.update({ updateReady: true });
      await expect.poll(() => prompt.shadowRoot!.querySelectorAll('button').length).toBe(2);
      expect(outOfReach(prompt.shadowRoot!, 'div', 'div, button')).toEqual([]);
    } finally {
      await restore();
    }
  });
});
