/**
 * Custody key files: the identity file `age-keygen` writes (and `age -i` reads), and its escrow
 * copy, the same text encrypted with age's passphrase mode and armored, which `age -d -i` also
 * opens after asking for the passphrase.
 */
import { armor } from 'age-encryption';
import { AppError } from '../errors.ts';
import { fromUtf8, utf8 } from '../bytes.ts';
import { DEFAULT_SCRYPT_LOG_N, decrypt, encrypt, recipientOf, type AgeIdentity } from './age.ts';

/** Encrypts an identity with a passphrase (age scrypt mode, armored): the escrow key file. */
export async function protectIdentity(identity: string, passphrase: string, scryptLogN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  const recipient = await recipientOf(identity);
  const text = identityFileText({ identity, recipient });
  return armor.encode(await encrypt(utf8(text), { passphrase, scryptLogN }));
}

/** Opens a passphrase-protected key file; returns the identities in it. WRONG_PASSPHRASE on a bad passphrase. */
export async function unprotectIdentity(armored: string, passphrase: string): Promise<string[]> {
  let bytes: Uint8Array;
  try {
    bytes = armor.decode(armored);
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'This is not a passphrase-protected key file (age armor).', { cause, details: { reason: 'armor' } });
  }
  return parseIdentityFile(fromUtf8(await decrypt(bytes, { passphrase })));
}

/** True when the text is an armored age file (a passphrase-protected key file). */
export function isArmored(text: string): boolean {
  return text.trimStart().startsWith('-----BEGIN AGE ENCRYPTED FILE-----');
}

/** An identity file as `age-keygen` writes it: comments, then the secret line; `age -i` reads it. */
export function identityFileText(k: AgeIdentity, createdAt?: string): string {
  return `${createdAt ? `# created: ${createdAt}\n` : ''}# public key: ${k.recipient}\n${k.identity}\n`;
}

/** The identities of an identity file (lines starting with `#` and blank lines ignored). */
export function parseIdentityFile(text: string): string[] {
  const ids: string[] = [];
  for (const [i, raw] of text.replace(/\r\n/g, '\n').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(line)) {
      throw new AppError('INVALID_INPUT', `Line ${i + 1} of the key file is not an age identity (AGE-SECRET-KEY-1…).`, { details: { reason: 'identity-line', line: i + 1 } });
    }
    ids.push(line);
  }
  if (!ids.length) throw new AppError('INVALID_INPUT', 'The key file holds no age identity.', { details: { reason: 'no-identity' } });
  return ids;
}
