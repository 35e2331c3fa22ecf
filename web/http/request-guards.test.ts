import { describe, expect, it } from "vitest";
import { hostileRequestResponse, isDecodablePath } from "@/web/http/request-guards";

const post = (path: string, headers: Record<string, string>) =>
  new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers, body: "x" });

describe("request guards run before Next routes a request", () => {
  it("refuses paths that are not percent-encoded UTF-8 with a JSON 400", async () => {
    for (const path of ["/shows/%FF", "/api/shows/%C3%28", "/%E0%A4%A", "/shows/x/%FF/y"]) {
      const response = hostileRequestResponse(new Request(`http://127.0.0.1:3000${path}`));
      expect(response?.status).toBe(400);
      expect(await response?.json()).toMatchObject({ status: "malformed_path" });
    }
    for (const path of ["/", "/shows/amleto", "/shows/%00", "/shows/caf%C3%A9", "/api/x?y=%FF"])
      expect(hostileRequestResponse(new Request(`http://127.0.0.1:3000${path}`))).toBeNull();
    expect(isDecodablePath("/%")).toBe(false);
  });

  it("answers 403 to a server action from another origin, as Next compares origin and host", () => {
    const action = { "next-action": "abc123", host: "teatro.example" };
    expect(
      hostileRequestResponse(post("/admin/users/1", { ...action, origin: "https://evil.example" }))
        ?.status,
    ).toBe(403);
    expect(
      hostileRequestResponse(post("/admin/users/1", { ...action, origin: "null" }))?.status,
    ).toBe(403);
    expect(
      hostileRequestResponse(
        post("/login", {
          host: "teatro.example",
          origin: "https://evil.example",
          "content-type": "multipart/form-data; boundary=x",
        }),
      )?.status,
    ).toBe(403);
    expect(
      hostileRequestResponse(
        post("/lost-ticket", {
          host: "teatro.example",
          origin: "https://evil.example",
          "content-type": "application/x-www-form-urlencoded",
        }),
      )?.status,
    ).toBe(403);
  });

  it("lets same-origin actions, origin-less clients and API route handlers through", () => {
    expect(
      hostileRequestResponse(
        post("/admin", {
          "next-action": "a",
          host: "teatro.example",
          origin: "https://teatro.example",
        }),
      ),
    ).toBeNull();
    expect(
      hostileRequestResponse(post("/admin", { "next-action": "a", host: "teatro.example" })),
    ).toBeNull();
    expect(
      hostileRequestResponse(
        post("/admin", {
          "next-action": "a",
          host: "internal:3000",
          "x-forwarded-host": "teatro.example",
          origin: "https://teatro.example",
        }),
      ),
    ).toBeNull();
    expect(
      hostileRequestResponse(
        post("/api/auth/callback/credentials", {
          host: "teatro.example",
          origin: "https://evil.example",
          "content-type": "application/x-www-form-urlencoded",
        }),
      ),
    ).toBeNull();
    expect(
      hostileRequestResponse(
        new Request("http://teatro.example/admin", { headers: { origin: "https://evil.example" } }),
      ),
    ).toBeNull();
  });
});
