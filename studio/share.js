// A draft in a link: the text compressed with the browser's own deflate
// (CompressionStream 'deflate-raw') and written in base64url after `#draft=`. The
// fragment never reaches a server, so the draft leaves the browser only as the link the
// author chooses to send.

export const FRAGMENT_KEY = 'draft';
/** Longer links are cut or refused by some platforms (chat apps, forms, old browsers). */
export const LONG_LINK = 2000;

async function pipe(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The link that opens the studio at `base` (its own address) on `text`. */
export async function draftLink(text, base) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  const url = new URL(base);
  url.hash = `${FRAGMENT_KEY}=${toBase64Url(packed)}`;
  return url.href;
}

/**
 * The draft in a fragment such as `#draft=…`, or null when there is none; rejects with
 * an Error when the fragment is there but damaged (cut short, mistyped).
 */
export async function draftFromFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(FRAGMENT_KEY);
  if (packed === null) return null;
  let bytes;
  try {
    bytes = fromBase64Url(packed);
  } catch {
    throw new Error('the draft in this link is damaged (it is not base64url)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the draft in this link is damaged or cut short');
  }
}
