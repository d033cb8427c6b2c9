// Keeping everything, end to end: the built app in headless Chromium with a persistent profile (real
// IndexedDB on disk, a real service worker). A set with the virtual strap, a reload in the middle of
// the next, resume, finish; the session in the history; FIT, CSV and JSON downloads checked; the
// JSON imported back; an offline reload. No request may leave the app's origin, and nothing from a
// device or a file may become markup.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decoder, Stream } from '@garmin/fitsdk';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromJson } from '../../src/export/json.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { PROJECT_DIR } from '../shared.ts';
import { type EmulatedPeripheral, emulatePeripheral } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy, linesSaid } from './cue-spy.ts';

const SCREENSHOTS = join(PROJECT_DIR, 'test-results');
const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">Strap';

async function count(page: Page): Promise<number | null> {
  const locator = page.locator('bb-set-view .count');
  return (await locator.count()) > 0 ? Number(await locator.first().textContent()) : null;
}

/** Lets simulated time pass a second at a time until `done`. */
/** How many sessions IndexedDB holds, read with the raw API in the page. */
function sessionsStored(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('backbeat');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stored = await new Promise<number>((resolve) => {
      const request = db.transaction('sessions').objectStore('sessions').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return stored;
  });
}

async function runUntil(page: Page, done: () => Promise<boolean>, maxSeconds: number): Promise<void> {
  for (let second = 0; second < maxSeconds; second++) {
    if (await done()) return;
    await page.clock.runFor(1000);
  }
  throw new Error(`not done after ${maxSeconds} simulated seconds`);
}

async function download(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('storage, history and export in a persistent browser profile', () => {
  const baseUrl = inject('baseUrl');
  const origin = new URL(baseUrl).origin;
  const profile = mkdtempSync(join(tmpdir(), 'backbeat-profile-'));
  const offOrigin: string[] = [];
  const cspViolations: string[] = [];
  let context: BrowserContext;
  let page: Page;
  let exportedJson: Buffer;

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      viewport: { width: 1000, height: 900 },
    });
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
        offOrigin.push(url);
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.clock.pauseAt(new Date('2026-11-23T08:00:00Z'));
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('resumes a session after a reload in the middle of a set, exactly where it was', async () => {
    await expect.poll(() => page.locator('bb-device-panel .name').textContent()).toBe('Virtual strap');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // The first superman set, counted by itself, then its rest.
    await runUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 150);
    await runUntil(page, async () => ((await count(page)) ?? 0) >= 4, 150);
    // A second after the last save, so the reload loses nothing the screen showed.
    await page.clock.runFor(1000);
    const before = await count(page);
    expect(await page.locator('bb-set-view h2').textContent()).toBe('Superman');

    await page.reload();
    const notice = page.locator('bb-storage-notice');
    await expect
      .poll(() => notice.locator('#resume-title').textContent())
      .toMatch(/interrupted.*after 1 set done, in the middle of Superman set 2 \(\d+ reps\)\./s);
    await page.getByRole('button', { name: 'Resume where I was' }).click();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');
    expect(await count(page)).toBe(before);
    await expect
      .poll(() =>
        page
          .locator('bb-set-view')
          .getByText(/^\s*Set 2 of 3/)
          .count(),
      )
      .toBe(1);

    // On to the end of this set, then finish.
    await runUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 150);
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.clock.runFor(500);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await expect.poll(() => page.locator('bb-summary h2').textContent()).toBe('Ended early');
  });

  it('shows the session in the history and exports it as FIT, CSV and JSON', async () => {
    await page.clock.runFor(2000);
    await page.getByRole('button', { name: 'History' }).click();
    const items = page.locator('bb-history li');
    await expect.poll(() => items.count()).toBe(1);
    // Two superman sets of ten; the third was still waiting for the person at Finish and is not kept.
    expect(await items.first().locator('.facts').textContent()).toMatch(/2 sets · 20 reps/);
    await expect
      .poll(() => page.locator('bb-history bb-progress-chart canvas').count())
      .toBeGreaterThanOrEqual(3);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'history.png'), fullPage: true });

    const fit = await download(page, /^Export .* as FIT$/);
    expect(fit.name).toMatch(/^backbeat-2026-11-23-\d{4}\.fit$/);
    const decoder = new Decoder(Stream.fromByteArray(new Uint8Array(fit.bytes)));
    expect(decoder.checkIntegrity()).toBe(true);
    const { messages, errors } = decoder.read();
    expect(errors).toEqual([]);
    const active = (messages.setMesgs ?? []).filter((s) => s.setType === 'active');
    expect(active.map((s) => [s.category, s.repetitions])).toEqual([
      [['hyperextension'], 10],
      [['hyperextension'], 10],
    ]);
    expect(messages.recordMesgs?.length).toBeGreaterThan(60);

    const csv = await download(page, /^Export .* as CSV$/);
    const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(3, 7).join(','))).toEqual([
      'Superman,1,,10',
      'Superman,2,,10',
    ]);

    const json = await download(page, /^Export .* as JSON$/);
    exportedJson = json.bytes;
    const [bundle] = fromJson(json.bytes.toString('utf8'), Date.now());
    // Every sample of the session at the virtual strap's 50 Hz.
    const samples = bundle!.motion.reduce((n, c) => n + c.mg.length / 3, 0);
    expect(samples).toBeGreaterThan(((50 * bundle!.session.summary.durationMs) / 1000) * 0.9);
    expect(bundle!.session.gaps).toHaveLength(1);
    console.log(
      `export sizes: FIT ${fit.bytes.length} B, CSV ${csv.bytes.length} B, JSON ${json.bytes.length} B ` +
        `(${Math.round(bundle!.session.summary.durationMs / 1000)} s session at 50 Hz)`,
    );
  });

  it('deletes the session and imports the JSON back, a device named like markup shown as text', async () => {
    await page.getByRole('button', { name: /^Delete Nov/ }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => page.locator('bb-history').getByText('No sessions saved yet.').count()).toBe(1);

    const file = JSON.parse(exportedJson.toString('utf8'));
    file.sessions[0].session.sources[0].name = MARKUP_NAME;
    await page.locator('bb-history input[type=file]').setInputFiles({
      name: 'back.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => page.locator('bb-history .notice').textContent()).toMatch(/Imported 1 session\./);
    await expect.poll(() => page.locator('bb-history .sources').textContent()).toBe(`With ${MARKUP_NAME}`);
    expect(await page.locator('bb-history img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('loads with no network and still has the history', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.locator('bb-app h1').textContent()).toBe('Backbeat');
      // Reloaded on the history, the app comes back on it, the session read from the store.
      await expect.poll(() => page.locator('bb-history li').count()).toBe(1);
    } finally {
      await context.setOffline(false);
    }
  });

  it('sent nothing off the origin and broke no Content-Security-Policy rule', () => {
    expect(offOrigin).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

describe('a Bluetooth device named like markup', () => {
  let peripheral: EmulatedPeripheral;

  it('shows its name as text', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(inject('baseUrl'));
      peripheral = await emulatePeripheral(browser, page, {
        address: '0C:8C:DC:00:00:66',
        name: MARKUP_NAME,
        services: [
          {
            uuid: '0000180d-0000-1000-8000-00805f9b34fb',
            characteristics: [{ uuid: '00002a37-0000-1000-8000-00805f9b34fb', properties: { notify: true } }],
          },
        ],
      });
      await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
      await expect.poll(() => page.locator('bb-device-panel .name').textContent()).toBe(MARKUP_NAME);
      expect(await page.locator('bb-device-panel img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await peripheral.dispose();
    } finally {
      await browser.close();
    }
  });
});

describe('a first visit, then no network', () => {
  it('exports FIT offline without a reload once the app says it works offline', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await page.getByText('Backbeat now works offline.').waitFor();
      // The page the service worker was installed from is its, as the next ones will be.
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await context.setOffline(true);
      await page.clock.install();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByRole('button', { name: 'Start the set' }).click();
      await page.getByRole('button', { name: '+1' }).click();
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('button', { name: 'End session' }).click();
      await runUntil(page, async () => (await page.locator('bb-summary').count()) > 0, 5);
      const fit = await download(page, /as FIT$/);
      const decoder = new Decoder(Stream.fromByteArray(new Uint8Array(fit.bytes)));
      expect(decoder.checkIntegrity()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

const FULL_STORE_LINE =
  'Storage is full: this session is kept until you close the app; save it as a file at the end';

describe('a full disk', () => {
  it('says storage is full, keeps counting, and still exports the whole session from memory', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const baseUrl = inject('baseUrl');
      // Room for the app's first writes only, as on a phone whose storage is nearly full.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', {
        origin: new URL(baseUrl).origin,
        quotaSize: 150_000,
      });
      await page.addInitScript(installCueSpy);
      await page.clock.pauseAt(new Date('2026-11-23T09:00:00Z'));
      await page.goto(baseUrl);
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await runUntil(
        page,
        async () => (await page.locator('bb-storage-notice [role=alert]').count()) > 0,
        600,
      );
      const fullStoreSaid = async () => (await linesSaid(page)).filter((line) => line === FULL_STORE_LINE);
      // In a set a line says so, in the room kept under the set's number: the screen stays the
      // count's. A screen reader is told it by the notice.
      const notice = page.locator('bb-storage-notice [role=alert]');
      expect(await notice.textContent()).toMatch(/^Storage is full: not saving\.$/);
      const line = page.locator('bb-set-view .not-saving');
      expect(await line.textContent()).toBe('Storage is full: not saving.');
      expect((await line.boundingBox())!.height).toBeLessThan(50);
      // The session goes on regardless; at its end the summary says so beside its files, and saves it
      // from memory.
      // The person on the mat, not looking, hears it too: not over the set's count, once its rest has
      // begun, and once only.
      if (await page.locator('bb-set-view').count()) expect(await fullStoreSaid()).toEqual([]);
      await runUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 150);
      await runUntil(page, async () => (await fullStoreSaid()).length > 0, 5);
      await runUntil(page, async () => (await page.locator('bb-rest-view').count()) === 0, 120);
      expect(await fullStoreSaid()).toEqual([FULL_STORE_LINE]);
      await runUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 150);
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('button', { name: 'End session' }).click();
      await runUntil(page, async () => (await page.locator('bb-summary').count()) > 0, 5);
      expect(await notice.count()).toBe(0);
      // Which of the two is true depends on whether the quota let the session's first write in.
      expect(await page.locator('bb-summary .not-saved').textContent()).toBe(
        (await sessionsStored(page)) > 0
          ? 'Storage is full: not all of this session is saved. Save it as a file below now, and free some space on the device.'
          : 'Storage is full: this session has not been saved yet. Save it as a file below now, and free some space on the device.',
      );
      const saved = await download(page, /^Save this session as JSON$/);
      const [bundle] = fromJson(saved.bytes.toString('utf8'), Date.now());
      expect(bundle!.sets.length).toBeGreaterThanOrEqual(1);
      const lastFrameMs = Math.max(...bundle!.motion.map((c) => c.frameT0Ms.at(-1) ?? 0));
      expect(lastFrameMs).toBeGreaterThan(bundle!.sets[0]!.endedMs);
      // In History the notice says how to make room there, which saves the session, before the file.
      await page.getByRole('button', { name: 'History' }).click();
      await expect
        .poll(() =>
          page.locator('bb-storage-notice').evaluate((notice) => notice.shadowRoot?.textContent ?? ''),
        )
        .toContain(
          'It is still here: make room in History, deleting old sessions or freeing their raw motion, and it is saved; or export it before you close the app.',
        );
    } finally {
      await browser.close();
    }
  });
});
