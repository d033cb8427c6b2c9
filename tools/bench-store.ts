// Benchmark of the store over years of history, in a real IndexedDB in headless Chromium, through
// the app's own code:
//
//   npm run -s bench:store -- --years 5 [--per-week 3] [--hz 50]
//
// Builds the app with a benchmark page beside it (tools/bench-store/), seeds the years asked, three
// sessions a week with raw motion, into the app's database through the store's own write path, then
// measures: progression's read of the past sessions (the median of three fresh starts); opening
// History in the app itself (time from the tap until the list and charts are drawn, and the longest
// frame meanwhile); the streaming backup (time, size, the page's peak JS heap); restoring it into an
// empty database; and whether every session came back equal. Progress goes to stderr; the last line on stdout is one JSON object. BENCH_DEBUG=1 also
// prints the frames and long animation frames of opening History; BENCH_HISTORY_ONLY=1 stops there.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.ts';
import type { SeedOptions } from './bench-store/page.ts';

const PROJECT_DIR = resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    'per-week': { type: 'string', default: '3' },
    hz: { type: 'string', default: '50' },
  },
});
const options: SeedOptions = {
  years: Number(values.years),
  perWeek: Number(values['per-week']),
  hz: Number(values.hz),
  endAt: Date.now() - 86_400_000,
};
if (![options.years, options.perWeek, options.hz].every((n) => Number.isFinite(n) && n > 0)) {
  console.error('usage: npm run -s bench:store -- --years N [--per-week N] [--hz N]');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Samples the page's JS heap over the DevTools protocol while `work` runs; returns its peak. */
async function peakHeap<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  let peak = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    const result = await work();
    return { result, peakMb: peak / MB };
  } finally {
    sampling = false;
    await sampler;
  }
}

/** Opens History in the app with a tap on its button, and times it until the list and charts are drawn. */
async function openHistory(page: Page): Promise<{ ms: number; longestFrameMs: number }> {
  // As text: a named function inside an evaluated arrow would carry the bundler's helpers with it.
  await page.evaluate(`
    window.frames$ = [];
    window.loaf$ = [];
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      window.frames$.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    });
    document.addEventListener('pointerdown', (event) => (window.tapAt$ = event.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.loaf$.push(entry.duration);
        if (window.loafScripts$) window.loafScripts$.push({ duration: Math.round(entry.duration), render: Math.round(entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0), style: Math.round(entry.styleAndLayoutStart ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0), scripts: entry.scripts.map((s) => [s.invoker, s.sourceFunctionName, Math.round(s.duration), Math.round(s.forcedStyleAndLayoutDuration)]) });
      }
    }).observe({ type: 'long-animation-frame' });
  `);
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { frames$: number[]; loaf$: number[] };
    w.frames$ = [];
    w.loaf$ = [];
  });
  if (process.env.BENCH_DEBUG)
    await page.evaluate(() => ((window as unknown as { loafScripts$: unknown[] }).loafScripts$ = []));
  await page.getByRole('button', { name: 'History' }).click();
  const shown = await page.waitForFunction(
    () => {
      const history = document.querySelector('bb-app')?.shadowRoot?.querySelector('bb-history');
      const root = history?.shadowRoot;
      const charts = [...(root?.querySelectorAll('bb-progress-chart') ?? [])];
      const drawn = charts.length > 0 && charts.every((c) => c.shadowRoot?.querySelector('canvas'));
      return (root?.querySelectorAll('li[data-session]').length ?? 0) > 0 && drawn ? performance.now() : 0;
    },
    undefined,
    { polling: 'raf' },
  );
  // From the tap itself (the pointer event's time), not from when the test sent it.
  const tapAt = await page.evaluate(() => (window as unknown as { tapAt$: number }).tapAt$);
  const ms = (await shown.jsonValue()) - tapAt;
  await page.waitForTimeout(500);
  const longestFrameMs = await page.evaluate(() => {
    const w = window as unknown as { frames$: number[]; loaf$: number[] };
    return Math.max(0, ...w.frames$, ...w.loaf$);
  });
  if (process.env.BENCH_DEBUG) {
    log(
      JSON.stringify(
        await page.evaluate(() => {
          const w = window as unknown as { frames$: number[]; loaf$: number[] };
          return {
            frames: w.frames$.map(Math.round),
            loaf: (w as unknown as { loafScripts$: unknown[] }).loafScripts$,
          };
        }),
      ),
    );
  }
  return { ms, longestFrameMs };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'backbeat-bench-build-'));
  const profile = mkdtempSync(join(tmpdir(), 'backbeat-bench-profile-'));
  log(`building the app with the benchmark page into ${outDir}`);
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: PROJECT_DIR,
      logLevel: 'warn',
      mode: 'production',
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          input: {
            app: join(PROJECT_DIR, 'index.html'),
            bench: join(PROJECT_DIR, 'tools/bench-store/index.html'),
          },
        },
      },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  const server = await preview({
    root: PROJECT_DIR,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report its address');
  // A persistent profile, as a person's browser: large Blobs may go to disk there.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
  });
  try {
    const bench = context.pages()[0] ?? (await context.newPage());
    await bench.goto(new URL('tools/bench-store/index.html', baseUrl).href);
    await bench.waitForFunction(() => 'benchStore' in window);
    const cdp = await context.newCDPSession(bench);

    log(`seeding ${options.years} years, ${options.perWeek} sessions a week, motion at ${options.hz} Hz…`);
    const seeded = await bench.evaluate((o) => window.benchStore.seed(o), options);
    log(
      `  ${seeded.sessions} sessions in ${(seeded.ms / 1000).toFixed(1)} s, ${(seeded.motionBytes / MB).toFixed(0)} MiB of raw motion`,
    );

    const past = await bench.evaluate(() => window.benchStore.pastSessions());
    const pastMs = [...past.coldMs].sort((a, b) => a - b)[1]!;
    log(
      `a fresh start (store, first page, week rows): ${past.startMs.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
        `then progression's past sessions (${past.sessions}): ${past.coldMs.map((ms) => ms.toFixed(1)).join(', ')} ms, and ${past.warmMs.toFixed(2)} ms again`,
    );

    const app = await context.newPage();
    await app.goto(baseUrl);
    await app.getByRole('button', { name: 'History' }).waitFor();
    // The app has opened the store and read its first page of history and the weeks.
    await app.waitForTimeout(1500);
    const history = await openHistory(app);
    log(
      `History opened in ${history.ms.toFixed(0)} ms, longest frame ${history.longestFrameMs.toFixed(0)} ms`,
    );
    await app.close();
    if (process.env.BENCH_HISTORY_ONLY) return;

    log('backing up…');
    const backup = await peakHeap(cdp, () => bench.evaluate(() => window.benchStore.backup()));
    log(
      `  ${backup.result.sessions} of ${backup.result.total} sessions, ${(backup.result.bytes / MB).toFixed(0)} MiB in ${(backup.result.ms / 1000).toFixed(1)} s, peak heap ${backup.peakMb.toFixed(0)} MiB`,
    );
    log('restoring into an empty database…');
    const restore = await peakHeap(cdp, () => bench.evaluate(() => window.benchStore.restore()));
    log(
      `  ${restore.result.added} sessions in ${(restore.result.ms / 1000).toFixed(1)} s, peak heap ${restore.peakMb.toFixed(0)} MiB`,
    );
    log('comparing every session…');
    const compared = await bench.evaluate(() => window.benchStore.compare());
    log(`  ${compared.equal ? 'all equal' : `first difference: ${compared.firstDifference}`}`);

    console.log(
      JSON.stringify({
        sessions: seeded.sessions,
        history_open_ms: Math.round(history.ms),
        longest_frame_ms: Math.round(history.longestFrameMs),
        past_sessions_ms: Math.round(pastMs * 10) / 10,
        backup_ms: Math.round(backup.result.ms),
        backup_bytes: backup.result.bytes,
        backup_peak_heap_mb: Math.round(backup.peakMb),
        restore_ms: Math.round(restore.result.ms),
        backup_ok: backup.result.sessions === seeded.sessions && backup.result.total === seeded.sessions,
        restore_equal: compared.equal && restore.result.added === seeded.sessions,
      }),
    );
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
