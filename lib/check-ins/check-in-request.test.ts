import { describe, expect, it } from "vitest";
import { checkInConfirmRequest, checkInPreviewRequest } from "@/lib/check-ins/check-in-request";
import { generateToken } from "@/lib/tokens";

const token = generateToken();

describe("check-in request bodies", () => {
  it("accepts the bare token or the whole ticket URL, and hands on the bare token", () => {
    expect(checkInPreviewRequest.parse({ token })).toEqual({ token });
    expect(
      checkInPreviewRequest.parse({
        token: ` https://azionelab.example/ticket#token=${token} `,
        performance_id: 4,
      }),
    ).toEqual({ token, performance_id: 4 });
  });

  it("refuses what is not a ticket, unknown fields, and a nonce on a preview", () => {
    expect(checkInPreviewRequest.safeParse({ token: "hello" }).success).toBe(false);
    expect(checkInPreviewRequest.safeParse({}).success).toBe(false);
    expect(checkInPreviewRequest.safeParse({ token, performance_id: "4" }).success).toBe(false);
    expect(checkInPreviewRequest.safeParse({ token, name: "Maria" }).success).toBe(false);
    expect(checkInPreviewRequest.safeParse({ token, nonce: "scan-0001" }).success).toBe(false);
  });

  it("takes an optional nonce on confirm, of a safe shape", () => {
    expect(
      checkInConfirmRequest.parse({ token, nonce: "0b6a6c1e-6f7d-4f0e-9f0a-1d2e3f4a5b6c" }).nonce,
    ).toBe("0b6a6c1e-6f7d-4f0e-9f0a-1d2e3f4a5b6c");
    expect(checkInConfirmRequest.safeParse({ token, nonce: "short" }).success).toBe(false);
    expect(checkInConfirmRequest.safeParse({ token, nonce: "x".repeat(65) }).success).toBe(false);
  });
});
