import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ROLE_HOME, safeCallbackPath, sameOriginPath } from "@/lib/auth/callback-path";

const ORIGIN = "http://127.0.0.1:3000";

/** Where a browser goes when it follows `Location: <path>` from a page of ORIGIN. */
const browserTarget = (path: string) => new URL(path, `${ORIGIN}/login`);

// Pieces that browsers drop, fold or reinterpret when they parse a URL.
const tricky = fc.constantFrom(
  "/",
  "\\",
  "\t",
  "\n",
  "\r",
  "%09",
  "%0a",
  "%0d",
  "%2f",
  "%5c",
  " ",
  "\u0000",
  "\u001f",
  "@",
  ":",
  ".",
  "..",
  "evil.example",
  "https:",
  "javascript:",
  "?",
  "#",
  "admin",
  "login",
  "api",
);
const adversarial = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(""));
const anyCallback = fc.oneof(adversarial, fc.string(), fc.webUrl(), fc.webPath());
const role = fc.constantFrom("ADMIN" as const, "STAFF" as const);

describe("the post-sign-in redirect", () => {
  it("returns to a page of this site the role may open", () => {
    expect(safeCallbackPath("/admin/reservations?status=pending", "ADMIN")).toBe(
      "/admin/reservations?status=pending",
    );
    expect(safeCallbackPath("/staff/check-in", "STAFF")).toBe("/staff/check-in");
    expect(safeCallbackPath("/staff/check-in", "ADMIN")).toBe("/staff/check-in");
  });

  it("sends admins to /admin and staff to the door page by default", () => {
    expect(safeCallbackPath(undefined, "ADMIN")).toBe("/admin");
    expect(safeCallbackPath(undefined, "STAFF")).toBe("/staff/check-in");
    expect(safeCallbackPath("/admin/users", "STAFF")).toBe("/staff/check-in");
  });

  it("refuses the probes of the audit: control characters, protocol-relative and absolute URLs", () => {
    for (const target of [
      // What the page receives for ?callbackUrl=/%09/evil.example and its siblings.
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "/\t\t/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\\/evil.example",
      " //evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "/login?callbackUrl=/admin",
      "/api/auth/signout",
      ["/admin"],
      "",
    ]) {
      const path = safeCallbackPath(target, "ADMIN");
      expect(browserTarget(path).origin, JSON.stringify(target)).toBe(ORIGIN);
      expect(path, JSON.stringify(target)).toBe("/admin");
    }
    // Still encoded (double-encoded in the link), they are a harmless path on this site.
    for (const encoded of ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example"])
      expect(safeCallbackPath(encoded, "ADMIN")).toBe(encoded);
  });

  test.prop([anyCallback, role])(
    "whatever it is given, the browser stays on this origin",
    (value, who) => {
      const path = safeCallbackPath(value, who);
      expect(path.startsWith("/")).toBe(true);
      expect(browserTarget(path).origin).toBe(ORIGIN);
      // Usable as a Location header (a newline there was the 500 of the audit).
      expect(() => new Headers({ location: path })).not.toThrow();
      expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    },
  );

  test.prop([fc.string(), role])(
    "a decoded callbackUrl query value never leaves the site either",
    (raw, who) => {
      const decoded = new URLSearchParams(`callbackUrl=${encodeURIComponent(raw)}`).get(
        "callbackUrl",
      );
      const path = safeCallbackPath(decoded, who);
      expect(browserTarget(path).origin).toBe(ORIGIN);
      if (who === "STAFF") expect(path.startsWith("/admin")).toBe(false);
    },
  );

  test.prop([adversarial])("a path it accepts is returned in the browser's own form", (value) => {
    const path = sameOriginPath(value);
    if (path === null) return;
    expect(browserTarget(path).pathname + browserTarget(path).search).toBe(path.split("#", 1)[0]);
    expect(Object.values(ROLE_HOME)).toContain(safeCallbackPath(`//${value}`, "ADMIN"));
  });
});
