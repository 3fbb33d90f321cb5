// iframe.html's one script: builds the widget from the query string
// (?lang=..&theme=..&src=..&id=..) and tells the parent page how tall it is, so the
// parent can size the iframe without scroll bars:
//   { type: 'ovp:resize', height }   (CSS pixels)
// Widget events are forwarded too, as { type: 'ovp:answer' | ..., detail }.
import { EVENTS } from './embed.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('open-vs-proprietary');
for (const name of ['lang', 'theme', 'src', 'id']) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.body.append(widget);

function tell(message) {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) {
    lastHeight = height;
    tell({ type: 'ovp:resize', height });
  }
}).observe(document.documentElement);

for (const type of Object.values(EVENTS)) {
  widget.addEventListener(type, (event) => tell({ type, detail: event.detail }));
}
