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
shell.updates = registerServiceWorker();
document.body.append(shell);
