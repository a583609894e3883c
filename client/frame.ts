/**
 * What every signed-in screen has around it: the header and the push prompt. A chunk of its
 * own, so the login (client/app.ts) carries none of it.
 */
import './components/app-header.js';
import './components/push-prompt.js';
