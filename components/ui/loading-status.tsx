/**
 * "Loading…" for a page part that arrives after the first paint (the ticket). Its box is
 * at least the screen's height, so the footer stays below the fold meanwhile instead of
 * jumping down when the content arrives (no layout shift).
 */
export function LoadingStatus({ text }: { text: string }) {
  return (
    <p role="status" className="min-h-dvh">
      {text}
    </p>
  );
}
