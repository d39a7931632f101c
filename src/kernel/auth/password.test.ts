import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const h = await hashPassword('Secret123');
    expect(h.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Secret123', h)).toBe(true);
    expect(await verifyPassword('Secret124', h)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('Secret123')).not.toBe(await hashPassword('Secret123'));
  });
  it('refuses a malformed stored hash without throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });
  it('asks for length, letters and digits', () => {
    expect(passwordProblem('short1')).toMatch(/8/);
    expect(passwordProblem('onlyletters')).toMatch(/字母和数字/);
    expect(passwordProblem('12345678')).toMatch(/字母和数字/);
    expect(passwordProblem('Good1234')).toBeNull();
  });
  it('generates temporary passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword())).toBeNull();
  });
});
