import { Backbeat } from './app/backbeat.ts';
import './ui/bb-app.ts';

const app = new Backbeat();
app.start();
const shell = document.createElement('bb-app');
shell.app = app;
document.body.append(shell);
