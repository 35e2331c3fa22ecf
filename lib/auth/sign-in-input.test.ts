import { describe, expect, it } from "vitest";
import { signInInput } from "@/lib/auth/sign-in-input";

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
