// iframe.html's one script: builds the widget from the query string (the element's
// attributes, ?lang=..&theme=..&src=..&id=.., and parent=..) and tells the parent page how tall it is,
// so the parent can size the iframe without scroll bars:
//   { type: 'ovp:resize', height }   (CSS pixels)
// Widget events are forwarded as { type: 'ovp:answer' | ..., detail }, only to the
// origin given as `parent`, and an error without its text.
//
// Anyone can frame this page and choose its query string, so:
// - `src` must name a pack under one of the folders iframe.html's
//   <meta name="ovp-packs"> lists (by default its own content/ folder): no other page
//   can show its own text under this domain, or read a file of this origin through it;
// - the reader's answers go only to the origin named as `parent` (the browser drops them
//   unless that is the page framing this one), never to '*', so a page that frames this
//   one without being named gets none; the height, which says nothing of the answers,
//   goes to any.
import { EVENTS, ATTRIBUTES } from './embed.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('open-vs-proprietary');
// Every attribute of the element; src only once it is checked below.
for (const name of Object.keys(ATTRIBUTES).filter((name) => name !== 'src')) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}

/** The folders packs may come from, as absolute URL prefixes. */
const allowedFolders = (document.querySelector('meta[name="ovp-packs"]')?.content ?? 'content/')
  .split(/\s+/)
  .filter(Boolean)
  // A folder is a prefix that ends with "/", so packs/ never admits packs-other/.
  .map((folder) => new URL(folder.endsWith('/') ? folder : `${folder}/`, location.href).href);

const src = params.get('src');
let url = null;
try {
  url = src === null ? null : new URL(src, location.href);
} catch {
  url = new URL('about:blank'); // not a URL at all: refused below like any other
}
// URL() has already resolved any ../ in the path, so a prefix match is a folder match.
if (url === null || allowedFolders.some((folder) => url.href.startsWith(folder))) {
  if (url) widget.setAttribute('src', url.href);
  if (params.get('lang')) document.documentElement.lang = params.get('lang');
  document.body.append(widget);
} else {
  // Nothing of the refused pack is fetched or shown: the reader gets a true sentence,
  // whoever embedded the page the reason in the console.
  console.error(`open-vs-proprietary: iframe.html does not load packs from ${url.href}; it loads them from ${allowedFolders.join(' or ')}, the folders its <meta name="ovp-packs"> lists.`);
  const refused = document.createElement('p');
  refused.textContent = 'This quiz cannot be shown here.';
  document.body.append(refused);
}

/** The parent's origin to send the reader's answers to, if the embedding page named one. */
function parentOrigin() {
  try {
    const origin = new URL(params.get('parent') ?? '').origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
const answersTo = parentOrigin();
const framed = window.parent !== window;

let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight && framed) {
    lastHeight = height;
    window.parent.postMessage({ type: 'ovp:resize', height }, '*');
  }
}).observe(document.documentElement);

for (const type of Object.values(EVENTS)) {
  widget.addEventListener(type, (event) => {
    if (!framed || !answersTo) return;
    // An error's message and path may quote what the server answered: not for another origin.
    const detail = type === EVENTS.error ? {} : event.detail;
    window.parent.postMessage({ type, detail }, answersTo);
  });
}
