import { Marked, type Tokens } from "marked";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

// Relative links, fragments, http(s) and mailto/tel only: `javascript:`, `data:` and the
// like would run code or smuggle content when an editor's Markdown is shown to visitors.
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML in the source is shown as text, never interpreted.
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (!target) return text;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : "";
      const external = /^https?:\/\//i.test(target) ? ' rel="noopener noreferrer"' : "";
      return `<a href="${escapeHtml(target)}"${titleAttribute}${external}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const source = safeHref(href);
      if (!source || /^(mailto|tel):/i.test(source)) return escapeHtml(text);
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : "";
      return `<img src="${escapeHtml(source)}" alt="${escapeHtml(text)}"${titleAttribute} loading="lazy">`;
    },
  },
});

/** Markdown written by admins, as HTML safe to put in a public page: no raw HTML, safe links only. */
export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
