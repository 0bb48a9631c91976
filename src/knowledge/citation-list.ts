import { MESSAGES } from './messages.js';
import type { Citation, Lang, Passage } from './model.js';

function citationKey(c: Citation): string {
  return `${c.source.id}#${c.section}`;
}

function citationLabel(c: Citation, lang: Lang): string {
  return `${c.source.short[lang]}, ${c.section}`;
}

/** Numbers each distinct source once; the fact text gets its markers, the footer lists the sources. */
export class CitationList {
  readonly items: Citation[] = [];

  mark(passage: Passage): string {
    const numbers = passage.citations.map((c) => {
      let index = this.items.findIndex((i) => citationKey(i) === citationKey(c));
      if (index < 0) index = this.items.push(c) - 1;
      return `[${index + 1}]`;
    });
    return [...new Set(numbers)].join('');
  }

  /** The passages' text, each followed by its source markers. */
  text(passages: readonly Passage[], lang: Lang): string {
    return passages.map((p) => `${passageText(p, lang)} ${this.mark(p)}`).join(' ');
  }

  footer(lang: Lang): string {
    if (!this.items.length) return '';
    const list = this.items.map((c, i) => (this.items.length > 1 ? `[${i + 1}] ` : '') + citationLabel(c, lang));
    return `${MESSAGES[lang].sourceLabel(this.items.length)}: ${list.join('; ')}`;
  }
}

export function passageText(passage: Passage, lang: Lang): string {
  return passage.text[lang] ?? passage.text.nl ?? passage.text.en ?? '';
}

/** Joins the non-empty parts of a reply with blank lines. */
export function paragraphs(...parts: string[]): string {
  return parts.filter((p) => p.trim().length > 0).join('\n\n');
}
