/// <reference types="vite-plugin-pwa/client" />
// Registers the service worker that vite-plugin-pwa generates (it precaches the whole build, so the
// app loads with no network after the first visit) and reports a waiting update instead of
// switching versions under a running session.

import { registerSW } from 'virtual:pwa-register';
import { UpdateModel } from './updates.ts';

export function registerServiceWorker(): UpdateModel {
  if (!('serviceWorker' in navigator)) return new UpdateModel();
  let updateSW: (reload?: boolean) => Promise<void> = async () => {};
  // No service worker controls the page on a first visit: the app is being cached, and the news
  // that it works offline comes a moment after the page opened.
  const model = new UpdateModel(() => updateSW(true), {
    offlineNewsDue: navigator.serviceWorker.controller === null,
  });
  updateSW = registerSW({
    onNeedRefresh: () => model.update({ updateReady: true }),
    onOfflineReady: () => model.update({ offlineReady: true, offlineNewsDue: false }),
  });
  return model;
}
