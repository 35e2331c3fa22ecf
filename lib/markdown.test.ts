import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

describe("renderMarkdown", () => {
  it("renders the Markdown an editor writes", () => {
    const html = renderMarkdown(
      "# Contatti\n\n**AzioneLab** a [Roma](https://example.org/roma) e [privacy](/privacy).",
    );
    expect(html).toContain("<h1>Contatti</h1>");
    expect(html).toContain("<strong>AzioneLab</strong>");
    expect(html).toContain('<a href="https://example.org/roma" rel="noopener noreferrer">Roma</a>');
    expect(html).toContain('<a href="/privacy">privacy</a>');
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).not.toMatch(/<script|<iframe|<img/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops links and images with unsafe schemes, keeping their text", () => {
    const html = renderMarkdown(
      "[click](javascript:alert(1)) [data](data:text/html,hi) [proto](//evil.example) ![pic](javascript:x)",
    );
    expect(html).not.toMatch(/href=|src=/);
    expect(html).toContain("click");
    expect(html).toContain("pic");
  });

  it("escapes quotes in link targets and titles", () => {
    const html = renderMarkdown('[x](https://example.org/a"onmouseover="alert(1) "t\\"itle")');
    expect(html).not.toContain('"onmouseover');
  });

  it("keeps mailto and tel links", () => {
    const html = renderMarkdown("[mail](mailto:info@azionelab.example) [call](tel:+390600000000)");
    expect(html).toContain('href="mailto:info@azionelab.example"');
    expect(html).toContain('href="tel:+390600000000"');
  });
});
