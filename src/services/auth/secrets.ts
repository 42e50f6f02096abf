// Passwords (argon2id) and opaque tokens (random, stored only as their SHA-256).
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id; these are OWASP's minimum recommended parameters (19 MiB, 2 passes).
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of two strings (the CSRF header against the session's token). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// Verified against when the account does not exist, so a wrong e-mail costs the same time as a wrong password.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$aAaWI+5qa+AvsOXmj/n8QA$Wa48S6mIq2DJ5Iq4ooJB1m2FSmnsAhvtI+7OLw/o7TQ';
