import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// No session: only the session cookie's decoding is replaced; the route and proxy are real.
vi.mock("@/web/auth/session-jwt", () => ({ requestSessionClaims: async () => null }));

const APP_URL = "http://localhost:3000"; // config()'s default outside production

afterEach(() => {
  delete process.env.TRUST_PROXY;
  vi.resetModules();
});

describe("redirects are built from APP_URL", () => {
  it("the attendee CSV sends an anonymous browser to APP_URL's sign-in, not to the listening address", async () => {
    const { GET } = await import("@/app/admin/performances/[id]/attendees.csv/route");
    // What the standalone server hands a route handler: its own bind address.
    const request = new Request("http://0.0.0.0:3000/admin/performances/7/attendees.csv", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    const response = await GET(request, { params: Promise.resolve({ id: "7" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `${APP_URL}/login?callbackUrl=%2Fadmin%2Fperformances%2F7%2Fattendees.csv`,
    );
  });

  it("the proxy sends a visitor without a session cookie to APP_URL's sign-in", async () => {
    const { proxy } = await import("@/proxy");
    const response = proxy(
      new NextRequest("http://0.0.0.0:3000/admin/shows?page=2", {
        headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
      }),
    );
    expect(response.headers.get("location")).toBe(
      `${APP_URL}/login?callbackUrl=%2Fadmin%2Fshows%3Fpage%3D2`,
    );
  });
});

describe("X-Forwarded-Host", () => {
  const crossOrigin = () =>
    new Request("http://0.0.0.0:3000/api/reservations/confirm", {
      method: "POST",
      headers: {
        host: "127.0.0.1:3000",
        origin: "http://tickets.example",
        "x-forwarded-host": "tickets.example",
      },
    });

  it("is ignored without TRUST_PROXY: a foreign Origin is refused", async () => {
    const { crossSiteRefusal } = await import("@/web/http/same-origin");
    expect(crossSiteRefusal(crossOrigin())?.status).toBe(403);
  });

  it("names our public host behind a trusted proxy (TRUST_PROXY=on)", async () => {
    process.env.TRUST_PROXY = "on";
    vi.resetModules();
    const { crossSiteRefusal } = await import("@/web/http/same-origin");
    expect(crossSiteRefusal(crossOrigin())).toBeNull();
  });
});
