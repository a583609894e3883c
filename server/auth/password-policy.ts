import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 8;

/** Why a password is refused; the client words each reason (register.password_*). */
export type PasswordProblem = 'too_short' | 'common' | 'like_username';

const ROWS = ['qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '01234567890'];

/** "12345678", "87654321", "abcdefgh", "qwertyui", "aaaaaaaa", "abababab": one step repeated. */
function isSequence(p: string): boolean {
  if (new Set(p).size <= 2) return true;
  for (const row of ROWS) {
    if (row.includes(p) || [...row].reverse().join('').includes(p)) return true;
  }
  const steps = new Set<number>();
  for (let i = 1; i < p.length; i++) steps.add(p.charCodeAt(i) - p.charCodeAt(i - 1));
  return steps.size === 1;
}

/**
 * Length alone let `12345678` through. Refuses short passwords, the commonest ones (a
 * bundled list, also with a year or a digit or two added), straight sequences and repeats,
 * and any that contain the username or are contained in it.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const p = password.normalize('NFC').toLowerCase();
  const user = username.normalize('NFC').toLowerCase();
  if (user.length >= 3 && (p.includes(user) || user.includes(p))) return 'like_username';
  const bare = p.replace(/[\d!.*_-]{1,4}$/, '');
  if (
    COMMON_PASSWORDS.has(p) ||
    (bare.length >= 6 && COMMON_PASSWORDS.has(bare)) ||
    isSequence(p) ||
    (bare.length >= 4 && isSequence(bare))
  )
    return 'common';
  return null;
}
