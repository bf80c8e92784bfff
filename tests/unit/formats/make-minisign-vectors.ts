/**
 * Known answers for minisign signatures made by src/core/formats/minisign.ts. Ed25519 is
 * deterministic, so a fixed seed, message and comments give exactly one signature text.
 * tests/vectors/minisign-v1.json was written from this once
 * (`MAKE_VECTORS=1 npx vitest run tests/unit/formats/minisign.test.ts`, which only writes a
 * missing file) and never changes; see tests/vectors/minisign-v1.md.
 */
import { ready } from '../../../src/core/crypto/sodium.ts';
import { minisignKeyPair, publicKeyFile, publicKeyBase64, keyIdHex, sign } from '../../../src/core/formats/minisign.ts';
import { toHex, utf8 } from '../../../src/core/bytes.ts';

const seq = (n: number, start = 0) => Uint8Array.from({ length: n }, (_, i) => (start + i) & 255);

/** A 200,000-byte message, so the vectors pin that streamed hashing equals one-shot hashing. */
export const longMessage = () => Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31 + (i >> 8)) & 255);

export async function makeMinisignVectors() {
  await ready();
  const seed = seq(32, 0x40);
  const kp = minisignKeyPair(seed);
  const cases = [
    { name: 'short', message: utf8('{"format":"closeout-bundle","version":1}\n'), trustedComment: 'closeout test vector 1', untrustedComment: undefined },
    { name: 'empty', message: new Uint8Array(0), trustedComment: '', untrustedComment: 'empty file' },
    { name: 'unicode comment', message: utf8('销毁记录\n'), trustedComment: '客户信息善后助手 head=' + '0'.repeat(64), untrustedComment: 'signature from closeout key' },
    { name: 'long (200,000 bytes, see longMessage)', message: longMessage(), trustedComment: 'long', untrustedComment: undefined },
  ];
  return {
    note: 'minisign v1 vectors: seed → key id, public key file; (message, comments) → signature file text. See minisign-v1.md.',
    seed: toHex(seed),
    keyId: keyIdHex(kp.keyId),
    publicKeyBase64: publicKeyBase64(kp),
    publicKeyFile: publicKeyFile(kp),
    signatures: cases.map((c) => ({
      name: c.name,
      messageHex: c.message.length > 1000 ? null : toHex(c.message),
      messageLength: c.message.length,
      trustedComment: c.trustedComment,
      untrustedComment: c.untrustedComment ?? null,
      signature: sign(c.message, kp, { trustedComment: c.trustedComment, untrustedComment: c.untrustedComment }),
    })),
  };
}
