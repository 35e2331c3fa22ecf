import { renderMarkdown } from "@/lib/markdown";

/** Admin-written Markdown; renderMarkdown escapes raw HTML and drops unsafe links, so this HTML is safe. */
export function MarkdownBody({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div
      className={`prose-theatre ${className}`.trim()}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
