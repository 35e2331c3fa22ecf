import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNED_IN_PATH, safeCallbackPath, signInInput } from "@/lib/auth/sign-in-input";

describe("after sign-in", () => {
  it("returns to a page of this site", () => {
    expect(safeCallbackPath("/admin/reservations?status=pending")).toBe(
      "/admin/reservations?status=pending",
    );
    expect(safeCallbackPath("/staff/check-in")).toBe("/staff/check-in");
  });

  it("never bounces to another site, back to /login, or to the API", () => {
    for (const target of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/login?callbackUrl=/admin",
      "/api/auth/signout",
      undefined,
      ["/admin"],
    ]) {
      expect(safeCallbackPath(target), String(target)).toBe(DEFAULT_SIGNED_IN_PATH);
    }
  });
});

describe("sign-in form", () => {
  it("normalises the email and refuses an empty password", () => {
    expect(signInInput.parse({ email: " Staff@AzioneLab.example ", password: "x" })).toEqual({
      email: "staff@azionelab.example",
      password: "x",
    });
    expect(signInInput.safeParse({ email: "staff@azionelab.example", password: "" }).success).toBe(
      false,
    );
    expect(signInInput.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
  });
});
