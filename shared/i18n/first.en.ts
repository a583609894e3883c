import type { MessageKey } from './es.js';

/**
 * English for what the first screen draws (the login, the password reset, the shell's
 * loading, failure and update states). The client's first load carries these (core.ts), so
 * an English phone's login is drawn at once in English; the rest of English is its own chunk.
 */
export const firstEn = {
  'app.error': 'Something went wrong. Please try again in a moment.',
  'app.language.en': 'English',
  'app.language.es': 'Español',
  'app.loading': 'Loading…',
  'app.name': 'SAC — Community Alert',
  'app.retry': 'Try again',
  'boot.unreachable': 'We could not reach SAC.',
  'boot.unreachable.hint':
    'Check your signal or mobile data. We keep trying on our own; you can also try again now.',
  'login.account_pending':
    'Your account is still waiting for approval. We will let you know when it is active.',
  'login.account_suspended': 'Your account is suspended. Please contact the municipality.',
  'login.forgot': 'Forgot your password?',
  'login.invalid_credentials': 'Wrong username or password.',
  'login.offline': 'You cannot log in without a connection. Try again when you have signal.',
  'login.password': 'Password',
  'login.register': 'No account? Register',
  'login.submit': 'Log in',
  'login.title': 'Log in to SAC',
  'login.too_many':
    'Too many failed attempts with this username or from this connection. Wait {wait} and try again.',
  'login.username': 'Username',
  'login.wait': 'Wait {wait}',
  'register.password_common':
    'That password is one of the most used or too easy to guess (like 12345678 or your username). Choose another: for example three or four words only you would put together.',
  'register.password_hint':
    'At least 8 characters. Not your username, nor one of the most used passwords (like 12345678).',
  'register.password_short': 'The password needs at least 8 characters.',
  'reset.back': 'Back to sign in',
  'reset.code': 'Code',
  'reset.code_hint': 'The 8 digits the operator read to you.',
  'reset.done': 'Done: your password was changed.',
  'reset.intro':
    'Call the municipality: an operator gives you a one-time code that is valid for 30 minutes.',
  'reset.invalid': 'The username or the code is wrong, or the code has expired.',
  'reset.password': 'New password',
  'reset.submit': 'Change my password',
  'reset.title': 'Reset your password',
  'update.action': 'Update',
  'update.available': 'New version available',
  'update.failed': 'This part of SAC could not be loaded: there may be a new version.',
  'update.label': 'SAC update',
  'wait.minute': '1 minute',
  'wait.minutes': '{count} minutes',
  'wait.second': '1 second',
  'wait.seconds': '{count} seconds',
} satisfies Partial<Record<MessageKey, string>>;
