/**
 * Re-basing a laid-out page onto another URL prefix (`/gloo-edge/v1.17.x/` →
 * `/gloo-edge/latest/`) structurally: only attribute values (links, the
 * canonical URL, the search bundle, …) change; text — a code sample that
 * shows a versioned URL — comments and scripts keep their bytes.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** [start, end) of every attribute value of `html`. */
function attributeValues(html: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = -1;
  let end = -1;
  const none = () => undefined;
  const callbacks: TokenizerCallbacks = {
    onattribdata(from, to) {
      if (start < 0) start = from;
      end = to;
    },
    onattribentity: none,
    onattribend() {
      if (start >= 0) ranges.push([start, end]);
      start = -1;
    },
    onattribname() {
      start = -1;
    },
    oncdata: none,
    onclosetag: none,
    oncomment: none,
    ondeclaration: none,
    onend: none,
    onopentagend: none,
    onopentagname: none,
    onprocessinginstruction: none,
    onselfclosingtag: none,
    ontext: none,
    ontextentity: none,
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  return ranges;
}

/** `html` with `from` replaced by `to` inside attribute values only. */
export function rebaseAttributes(html: string, from: string, to: string): string {
  if (!html.includes(from)) return html;
  let out = '';
  let last = 0;
  for (const [start, end] of attributeValues(html)) {
    const value = html.slice(start, end);
    if (!value.includes(from)) continue;
    out += html.slice(last, start) + value.replaceAll(from, to);
    last = end;
  }
  return out + html.slice(last);
}
