import { describe, expect, it } from "vitest";
import {
  checkInConfirmRequest,
  checkInPreviewRequest,
  targetOfRequest,
} from "@/lib/check-ins/check-in-request";
import { generateToken } from "@/lib/tokens";

const token = generateToken();

describe("check-in request bodies", () => {
  it("accepts the bare token or the whole ticket URL, and hands on the bare token", () => {
    expect(checkInPreviewRequest.parse({ token })).toEqual({ token: { token, isLink: false } });
    expect(
      checkInPreviewRequest.parse({
        token: ` https://azionelab.example/ticket#token=${token} `,
        performance_id: 4,
      }),
    ).toEqual({ token: { token, isLink: true }, performance_id: 4 });
  });

  it("records the true source: camera, pasted link, typed code, search result", () => {
    const of = (body: unknown) => targetOfRequest(checkInPreviewRequest.parse(body)).source;
    expect(of({ token })).toBe("qr_scan");
    expect(of({ token, source: "link" })).toBe("link");
    expect(of({ token: `https://x.example/ticket#token=${token}`, source: "qr_scan" })).toBe(
      "link",
    );
    expect(of({ code: "k7m-4qx", performance_id: 3 })).toBe("code");
    expect(
      targetOfRequest(checkInPreviewRequest.parse({ code: "k7m 4qx", performance_id: 3 })).target,
    ).toEqual({
      code: "K7M4QX",
      performanceId: 3,
    });
    expect(of({ reservation_id: 9, performance_id: 3 })).toBe("search");
  });

  it("wants exactly one target, and a performance with a code", () => {
    expect(
      checkInPreviewRequest.safeParse({ token, code: "K7M4QX", performance_id: 1 }).success,
    ).toBe(false);
    expect(checkInPreviewRequest.safeParse({ code: "K7M4QX" }).success).toBe(false);
    expect(checkInPreviewRequest.safeParse({ code: "O0I1L5", performance_id: 1 }).success).toBe(
      false,
    );
    expect(
      checkInConfirmRequest.safeParse({ reservation_id: 3, performance_id: 1, seats: 0 }).success,
    ).toBe(false);
    expect(checkInPreviewRequest.safeParse({ reservation_id: 3 }).success).toBe(false);
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
