import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isCachedPublicPage } from "@/web/http/cached-pages";
import {
  cachedPageContentSecurityPolicy,
  contentSecurityPolicy,
  ZOD_CONFIG_SCRIPT,
} from "@/web/http/security-headers";

describe("content security policies", () => {
  it("allows the root layout's inline script by its hash, next to the nonce", () => {
    const hash = createHash("sha256").update(ZOD_CONFIG_SCRIPT).digest("base64");
    const csp = contentSecurityPolicy({ nonce: "abc" });
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).toContain("'nonce-abc' ");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline' 'strict");
  });

  it("gives cached pages no nonce and no eval", () => {
    const csp = cachedPageContentSecurityPolicy({ posterOrigin: "https://img.example" });
    expect(csp).toContain("script-src 'self' 'unsafe-inline';");
    expect(csp).not.toContain("nonce");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("img-src 'self' data: https://img.example");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("isCachedPublicPage", () => {
  it("caches the read-only public pages in both languages", () => {
    for (const path of ["/", "/en", "/shows", "/en/shows", "/shows/amleto", "/en/contatti"])
      expect(isCachedPublicPage(path), path).toBe(true);
  });

  it("renders pages with input or personal data per request", () => {
    for (const path of [
      "/shows/amleto/12",
      "/en/shows/amleto/12",
      "/confirm",
      "/en/ticket",
      "/lost-ticket",
      "/en/lost-ticket",
    ])
      expect(isCachedPublicPage(path), path).toBe(false);
  });
});
