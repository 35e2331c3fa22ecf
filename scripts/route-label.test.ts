import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { pathnameOf, routeLabel } from "@/scripts/route-label.mjs";

describe("route labels of logs and metrics", () => {
  it.each([
    ["/", 200, "/"],
    ["/en", 200, "/en"],
    ["/shows", 200, "/shows"],
    ["/shows/le-serve", 200, "/shows/:slug"],
    ["/en/shows/le-serve/12", 200, "/en/shows/:slug/:id"],
    ["/api/performances/12/reservations", 201, "/api/performances/:id/reservations"],
    ["/api/shows/le-serve", 200, "/api/shows/:slug"],
    ["/api/reservations/7/qr-code", 403, "/api/reservations/:id/qr-code"],
    ["/admin/shows/new", 200, "/admin/shows/new"],
    ["/admin/shows/3", 200, "/admin/shows/:id"],
    ["/contatti", 200, "/:page"],
    ["/en/privacy", 200, "/en/:page"],
    ["/_next/image", 200, "/_next"],
    ["/wp-login.php", 404, "(unmatched)"],
  ])("%s (%i) is %s", (path, status, label) => {
    expect(routeLabel(path, status)).toBe(label);
  });

  it("drops the query string and the fragment", () => {
    expect(pathnameOf("/api/check-ins/search?q=Rossi")).toBe("/api/check-ins/search");
    expect(pathnameOf("/confirm#token=abc")).toBe("/confirm");
  });

  // A scanner must not be able to create a new series per URL.
  test.prop([fc.webPath(), fc.constantFrom(200, 302, 400, 500)])(
    "keeps no variable part of an arbitrary path but the known words",
    (path, status) => {
      const label = routeLabel(pathnameOf(path), status);
      expect(label.length).toBeLessThan(120);
      if (label === "/" || label === "(unmatched)") return;
      for (const segment of label.split("/").slice(1))
        expect(segment).toMatch(/^(:id|:slug|:page|:param|en|…|[a-z][a-z0-9-]{0,39}|[a-z.]+)$/);
    },
  );
});
