// The whole app in a component test: Backbeat with its settings in memory and no store unless a test
// opens one (each test says what it needs of them), in its <bb-app> shell on the page.
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { Backbeat } from '../../src/app/backbeat.ts';
import type { StoreAsks } from '../../src/app/persistence.ts';
import type { UpdateModel } from '../../src/app/updates.ts';
import type { CueHosts } from '../../src/cues/cue-player.ts';
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../src/protocol/uuids.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import '../../src/ui/bb-app.ts';
import type { BbApp } from '../../src/ui/bb-app.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import { MemoryStorage } from '../memory-storage.ts';
import { asBluetoothDevice, FakeDevice } from '../unit/sensors/ble/fake-device.ts';

export interface AppShell {
  readonly app: Backbeat;
  readonly shell: BbApp;
  /** Where the settings are kept, as localStorage keeps them. */
  readonly storage: MemoryStorage;
  /** Where a change another tab made to the storage is told, as the window's `storage` event. */
  readonly storageEvents: EventTarget;
  /** Takes the shell off the page and stops the app; the history entry is left as a new page's. */
  remove(): void;
}

/** Backbeat with `settings` stored, in its shell on the page, rendered; `updates` for its update prompt. */
export async function mountApp(
  options: {
    settings?: object;
    updates?: UpdateModel;
    start?: boolean;
    cueHosts?: CueHosts;
    /** The browser as the app sees it: one without Web Bluetooth, as Firefox or Safari. */
    navigator?: Navigator;
    /** The sessions' store; none unless given, and the app says it cannot save. */
    openStore?: (asks: StoreAsks) => Promise<SessionStore>;
  } = {},
): Promise<AppShell> {
  const storage = new MemoryStorage(
    options.settings ? [[SETTINGS_KEY, JSON.stringify(options.settings)]] : [],
  );
  const storageEvents = new EventTarget();
  const app = new Backbeat({
    settingsStorage: storage,
    storageEvents,
    persistence: {
      openStore: options.openStore ?? (() => Promise.reject(new Error('no store in this test'))),
    },
    cueHosts: options.cueHosts ?? null,
    navigator: options.navigator,
  });
  if (options.start) app.start();
  const shell = document.createElement('bb-app');
  shell.app = app;
  if (options.updates) shell.updates = options.updates;
  document.body.append(shell);
  await shell.updateComplete;
  await pageHeldStill();
  return {
    app,
    shell,
    storage,
    storageEvents,
    remove: () => {
      app.dispose();
      shell.remove();
      // The next shell mounted is a page opened anew, on the start screen, not one reloaded on the
      // screen this one was left on (the app reads its screen from the history entry).
      window.history.replaceState(null, '');
    },
  };
}

/**
 * Waits for the page to hold still, as it is by the time a person can tap it: a moment after the
 * app's first render it may scroll Start into view (a phone with large text) and the store's answer
 * may add a notice, and a tap aimed while the page moved could land on what moved there.
 */
async function pageHeldStill(): Promise<void> {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const layout = () => `${scrollX} ${scrollY} ${document.documentElement.scrollHeight}`;
  let before = layout();
  let stillFrames = 0;
  for (let frames = 0; frames < 120 && stillFrames < 5; frames += 1) {
    await nextFrame();
    const now = layout();
    stillFrames = now === before ? stillFrames + 1 : 0;
    before = now;
  }
}

/**
 * The whole app, started, in a browser that never lets it open its store (a private window, storage
 * off): it keeps sessions in memory.
 */
export async function mountAppWithStorageOff(): Promise<AppShell> {
  const mounted = await mountApp({
    start: true,
    // What IndexedDB throws where the browser keeps nothing of the site.
    openStore: () => Promise.reject(new DOMException('storage is off', 'SecurityError')),
  });
  await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('memory');
  return mounted;
}

/**
 * Opens History or Settings from the header between sessions, through the menu that holds them on a
 * phone with its text at twice its size (see ScreensMenu.render in screens-menu.ts).
 */
export async function openScreenFromHeader(name: 'History' | 'Settings'): Promise<void> {
  const menu = page.getByRole('button', { name: 'History and Settings' });
  if (menu.query()) await menu.click();
  await page.getByRole('button', { name, exact: true }).click();
}

/** One session of one set cut short at 3 reps, ended through the screens, and the start screen again. */
export async function oneSessionCutShort(app: Backbeat): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Start the set' }).click();
  app.session.adjustCount(3);
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByRole('button', { name: 'End session', exact: true }).click();
  await page.getByRole('button', { name: 'New session' }).click();
  await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
}

/**
 * The app laid out as on the page and started with `settings`, offering to pick a Polar H10 that has
 * its heart rate and no PMD service: its motion stream cannot start.
 */
export async function mountWithHeartRateOnlyStrap(
  storeName: string,
  settings?: object,
): Promise<{ mounted: AppShell; strap: FakeDevice }> {
  const strap = new FakeDevice('Polar H10 0000E2E0', [
    {
      uuid: HEART_RATE_SERVICE,
      characteristics: [{ uuid: HEART_RATE_MEASUREMENT, properties: { notify: true } }],
    },
  ]);
  const bluetooth = { requestDevice: async () => asBluetoothDevice(strap) };
  const mounted = await mountApp({
    start: true,
    settings,
    navigator: { bluetooth, userAgent: navigator.userAgent } as unknown as Navigator,
    openStore: () => SessionStore.open({ name: storeName }),
  });
  return { mounted, strap };
}

/** How often a strap worn sends its heart rate. */
const STRAP_READING_PERIOD_MS = 1000;

/** A strap's heart rate as a strap worn sends it: the same reading once a second until another. */
export interface StrapReadings {
  /** Sends `bpm` now and once a second after, until the next send or stop. */
  send(bpm: number): void;
  stop(): void;
}

/**
 * The heart rate `strap` sends, once a second as a worn strap does: a reading stands for 5 s (see
 * HEART_RATE_FRESH_MS), and a test that sent one alone and ran past that on a loaded machine saw the
 * header go to "--", and the zone with it, before it had measured what it came for.
 */
export function strapReadings(strap: FakeDevice): StrapReadings {
  let repeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(repeat);
  return {
    send(bpm) {
      stop();
      const notify = () => strap.notify(HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, bpm));
      notify();
      repeat = setInterval(notify, STRAP_READING_PERIOD_MS);
    },
    stop,
  };
}
