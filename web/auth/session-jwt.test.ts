import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionCookieValue } from "@/web/auth/session-jwt";

const SECRET = "a-test-secret-of-at-least-thirty-two-bytes!";
const CLAIMS = { sub: "7", uid: 7, role: "STAFF", sv: 2, auth_time: 1_780_000_000 };

describe("decoding next-auth's session cookie with the key derived once", () => {
  it("reads exactly what next-auth's own decode reads", async () => {
    const cookie = await encode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    const ours = await decodeSessionToken(cookie, SECRET);
    expect(ours).toEqual(await decode({ token: cookie, secret: SECRET }));
    expect(ours).toMatchObject(CLAIMS);
  });

  it("refuses a cookie made with another secret, a damaged one and an expired one", async () => {
    const cookie = await encode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken(cookie, `${SECRET}-other`)).toBeNull();
    expect(await decodeSessionToken(`${cookie.slice(0, -4)}AAAA`, SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-jwe", SECRET)).toBeNull();
    // Past exp by more than next-auth's 15 s of tolerance.
    const expired = await encode({ token: CLAIMS, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
    await expect(decode({ token: expired, secret: SECRET })).rejects.toThrow();
  });

  it("joins a cookie next-auth split into numbered pieces, in order", () => {
    const name = "next-auth.session-token";
    expect(sessionCookieValue([{ name, value: "whole" }], name)).toBe("whole");
    expect(
      sessionCookieValue(
        [
          { name: `${name}.1`, value: "B" },
          { name: "other", value: "x" },
          { name: `${name}.0`, value: "A" },
          { name: `${name}.2`, value: "C" },
        ],
        name,
      ),
    ).toBe("ABC");
    expect(sessionCookieValue([{ name: "other", value: "x" }], name)).toBeNull();
  });
});
