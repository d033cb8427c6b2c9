import { Backbeat } from './app/backbeat.ts';
import { Persistence } from './app/persistence.ts';
import { registerServiceWorker } from './app/pwa.ts';
import './ui/bb-app.ts';

const app = new Backbeat();
app.start();
const persistence = new Persistence(app);
void persistence.start();
const shell = document.createElement('bb-app');
shell.app = app;
shell.persistence = persistence;
shell.updates = registerServiceWorker();
document.body.append(shell);
