// Takes the screenshots in docs/ from the built app, as a person meets it: the journey of the
// end-to-end test (test/e2e/journey.ts), from a first visit to the summary, on a phone, a small phone
// and a laptop. Run: npm run screenshots.
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.ts';
import {
  JOURNEY_SIZES,
  type JourneyOptions,
  openJourneyPage,
  screenshotPath,
  walkJourney,
} from '../test/e2e/journey.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs');

mkdirSync(DOCS, { recursive: true });
await build({ root: ROOT, logLevel: 'warn' });
const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('vite preview did not report its address');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const size of Object.values(JOURNEY_SIZES)) {
    const options: JourneyOptions = { baseUrl: url, size, screenshots: DOCS };
    const { screens } = await walkJourney(await openJourneyPage(browser, options), options);
    for (const screen of screens) console.log(relative(ROOT, screenshotPath(options, screen)));
  }
} finally {
  await browser.close();
  await server.close();
}
