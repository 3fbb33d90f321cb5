// A draft in a link: the text compressed with the browser's own deflate
// (CompressionStream 'deflate-raw') and written in base64url after `#draft=`. The
// fragment never reaches a server, so the draft leaves the browser only as the link the
// author chooses to send.

export const FRAGMENT_KEY = 'draft';
/** Longer links are cut or refused by some platforms (chat apps, forms, old browsers). */
export const LONG_LINK = 2000;
/**
 * The largest draft a link may open: the most a content pack may be
 * (`MAX_CONTENT_BYTES` in crates/model/src/content.rs; tests/embed_contract.rs checks they
 * agree). A link that would inflate past it is refused as it inflates, before it can
 * fill memory or the editor.
 */
export const MAX_DRAFT_BYTES = 262144;

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new RangeError(`longer than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
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
  const tooLarge = () => new Error(`the draft in this link is larger than a content pack may be (${MAX_DRAFT_BYTES / 1024} KB), so it was not opened`);
  // Compressed and in base64url, a draft of any JSON within the limit is well under twice
  // the limit: a longer fragment is refused before it is decoded at all.
  if (packed.length > 2 * MAX_DRAFT_BYTES) throw tooLarge();
  let bytes;
  try {
    bytes = fromBase64Url(packed);
  } catch {
    throw new Error('the draft in this link is damaged (it is not base64url)');
  }
  let text;
  try {
    text = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DRAFT_BYTES);
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new Error('the draft in this link is damaged or cut short');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    throw new Error('the draft in this link is damaged (it is not UTF-8 text)');
  }
}
