import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";
import { createUser } from "@/lib/users";

describe("createUser", () => {
  it("stores an argon2id hash and a lower-cased email", async () => {
    const result = await createUser(db, {
      email: "Door@Example.org",
      password: "Sipario-rosso-42",
      role: "STAFF",
    });

    expect(result).toMatchObject({ ok: true, user: { email: "door@example.org", role: "STAFF" } });
    const stored = await db.user.findUniqueOrThrow({ where: { email: "door@example.org" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, "Sipario-rosso-42")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "sipario-rosso-42")).toBe(false);
  });

  it("refuses weak passwords and duplicates with a clear reason", async () => {
    expect(
      await createUser(db, { email: "a@example.org", password: "short", role: "ADMIN" }),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { password: [expect.stringContaining("at least 12 characters")] },
    });
    expect(
      await createUser(db, { email: "b@example.org", password: "mypassword2026", role: "ADMIN" }),
    ).toMatchObject({ reason: "invalid" });
    await createUser(db, { email: "c@example.org", password: "Platea-Galleria-7", role: "ADMIN" });
    expect(
      await createUser(db, {
        email: "C@example.org",
        password: "Platea-Galleria-8",
        role: "STAFF",
      }),
    ).toEqual({ ok: false, reason: "email_taken" });
    expect(
      await db.user.count({ where: { email: { in: ["a@example.org", "b@example.org"] } } }),
    ).toBe(0);
  });
});
