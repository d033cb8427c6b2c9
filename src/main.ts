import { Backbeat } from './app/backbeat.ts';
import { registerServiceWorker } from './app/pwa.ts';
import { browserTabs } from './app/tabs.ts';
import { browserStorage } from './workout/settings.ts';
import './ui/bb-app.ts';

const app = new Backbeat({
  settingsStorage: browserStorage(window),
  storageEvents: window,
  cueHosts: { window, navigator, document },
  persistence: { tabs: browserTabs() },
});
app.start();
const shell = document.createElement('bb-app');
shell.app = app;
// Shown once the service worker's news is known: room kept under Start for news that never comes, or
// made for it only after the first paint, would move the text being read.
shell.updates = await registerServiceWorker();
document.body.append(shell);
