// Takes the screenshots in docs/ from the built app, as a person would see it: the start screen, a
// set in progress, a rest and the summary, on a phone and on a laptop. Run: npm run screenshots.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs');

async function until(page: Page, selector: string, test: (text: string | null) => boolean, maxSeconds = 180) {
  for (let second = 0; second < maxSeconds; second++) {
    const locator = page.locator(selector);
    if ((await locator.count()) > 0 && test(await locator.first().textContent())) return;
    await page.clock.runFor(1000);
  }
  throw new Error(`${selector} never matched`);
}

async function shoot(page: Page, name: string): Promise<void> {
  // Move the pointer away so no button shows its hover state.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(DOCS, `screenshot-${name}.png`) });
  console.log(`docs/screenshot-${name}.png`);
}

mkdirSync(DOCS, { recursive: true });
await build({ root: ROOT, logLevel: 'warn' });
const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const [device, viewport] of [
    ['phone', { width: 412, height: 915 }],
    ['laptop', { width: 1366, height: 800 }],
  ] as const) {
    const page = await browser.newPage({ viewport });
    await page.clock.install();
    await page.goto(url ?? '');
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.clock.runFor(2000);
    const suffix = device === 'phone' ? '' : `-${device}`;
    await shoot(page, `ready${suffix}`);
    // From the keyboard: a click would wait for animation frames, which the paused clock holds back.
    await page.getByRole('button', { name: 'Start', exact: true }).press('Enter');
    await until(page, 'bb-set-view .count', (text) => text === '6');
    await shoot(page, `set${suffix}`);
    await until(page, 'bb-rest-view .count', (text) => text === '30');
    await shoot(page, `rest${suffix}`);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.clock.runFor(500);
    await shoot(page, `summary${suffix}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
