/**
 * remark-gfm, with email autolink literals (`contact@example.org`) found
 * after parsing, in the text, instead of while parsing.
 *
 * remark-gfm finds them twice: micromark-extension-gfm-autolink-literal
 * tries an email at the start of every word of every paragraph (its table
 * names each letter and digit; the word is read to its end, then given up
 * when no `@` follows), and mdast-util-gfm-autolink-literal's transform finds
 * emails again in the parsed text with a regular expression (its `findEmail`,
 * same rules). Only the second is kept here: the tokenizer's attempt at every
 * word was a fifth to a quarter of the parse of Gloo's pages (9.9–10.3 s
 * against 7.3–8.2 s for the 2,121 distinct Markdown texts of the four
 * branches, one thread), with byte-identical HTML for every one of them.
 * One difference shows: an email after `mailto:` or `xmpp:` is linked with
 * its prefix (`<a href="mailto:a@b.co">mailto:a@b.co</a>`), as the GFM spec
 * says, where remark-gfm's tokenizer links the email alone (Hugo 0.111 links
 * neither). `www.` and `http(s)://` literals are still found while parsing:
 * found afterwards, some differ (a literal right after a code block is
 * missed). `test/markdown-gfm.test.ts` holds the output to remark-gfm's.
 */
import remarkGfm, { type Options } from 'remark-gfm';
import type { Processor } from 'unified';

/** The micromark construct remark-gfm's email literals are tokenized by (micromark-extension-gfm-autolink-literal). */
const EMAIL_LITERAL = 'emailAutolink';

/** What this plugin reads of micromark's extensions (micromark-util-types): the constructs of text, by character code. */
interface Construct {
  name?: string;
}
type TextConstructs = Record<number, Construct | Construct[] | undefined>;

export default function remarkGfmLateEmails(this: Processor, options?: Options): void {
  remarkGfm.call(this, options);
  const extensions = this.data().micromarkExtensions as { text?: TextConstructs }[];
  // remark-gfm's, just added: one combined extension, its construct lists its own (micromark-util-combine-extensions).
  const text = extensions[extensions.length - 1]!.text ?? {};
  for (const [code, value] of Object.entries(text)) {
    const list = (Array.isArray(value) ? value : [value]).filter((c): c is Construct => c !== undefined && c.name !== EMAIL_LITERAL);
    if (list.length) text[Number(code)] = list;
    else delete text[Number(code)];
  }
}
