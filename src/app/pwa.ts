/// <reference types="vite-plugin-pwa/client" />
// Registers the service worker that vite-plugin-pwa generates (it precaches the whole build, so the
// app loads with no network after the first visit) and reports a waiting update instead of
// switching versions under a running session.

import { registerSW } from 'virtual:pwa-register';
import { offlineNewsDue, type ServiceWorkerFound, UpdateModel } from './updates.ts';

/**
 * Resolves once the browser has said whether a service worker is already active for the app, so
 * that the start screen knows from its first paint whether to keep room for the offline news.
 */
export async function registerServiceWorker(): Promise<UpdateModel> {
  if (!('serviceWorker' in navigator)) return new UpdateModel();
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  const found: ServiceWorkerFound = await navigator.serviceWorker
    .getRegistration()
    .catch(() => 'unavailable' as const);
  // With none active yet (a first visit) the app is being cached, and the news that it works
  // offline comes a moment after the page opened.
  const model = new UpdateModel(() => updateSW(true), { offlineNewsDue: offlineNewsDue(found) });
  updateSW = registerSW({
    onNeedRefresh: () => model.update({ updateReady: true }),
    onOfflineReady: () => model.update({ offlineReady: true, offlineNewsDue: false }),
  });
  return model;
}
