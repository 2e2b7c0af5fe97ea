/**
 * The identity of a source in the archive: SHA-256 of its decoded text, hex. Web Crypto (a global in Node and
 * browsers), so the service can hash its local sources the same way to let a local copy win over the archive's.
 */
export async function sourceHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const bytes = new Uint8Array(digest);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
