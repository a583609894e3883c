import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('refuses short, common, sequential and username-like passwords', () => {
    const cases: [string, string, ReturnType<typeof passwordProblem>][] = [
      ['1234567', 'ana', 'too_short'],
      ['12345678', 'ana', 'common'],
      ['87654321', 'ana', 'common'],
      ['123456789012', 'ana', 'common'],
      ['abcdefghij', 'ana', 'common'],
      ['qwertyuiop', 'ana', 'common'],
      ['aaaaaaaaaa', 'ana', 'common'],
      ['abababab', 'ana', 'common'],
      ['Password1', 'ana', 'common'],
      ['contraseña', 'ana', 'common'],
      ['iloveyou2024', 'ana', 'common'],
      ['argentina!', 'ana', 'common'],
      ['demo1234', 'ana', 'common'],
      ['anagodoy1', 'anagodoy', 'like_username'],
      ['ANAGODOY', 'anagodoy', 'like_username'],
    ];
    for (const [password, username, problem] of cases)
      expect(passwordProblem(password, username), password).toBe(problem);
  });

  it('lets ordinary passphrases through', () => {
    for (const ok of ['una-clave-larga', 'mate con tortas fritas', 'Ñandú2019Lujan', 'k7#pQ9zL'])
      expect(passwordProblem(ok, 'ana'), ok).toBeNull();
  });
});
