import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/web/auth/options";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

const PASSWORD = "Quinta-Fila-Centrale-7";

async function staffAccount() {
  const email = `door-${randomBytes(4).toString("hex")}@example.org`;
  const created = await createUser(db, {
    email,
    password: PASSWORD,
    role: "STAFF",
    name: "Door Volunteer",
  });
  if (!created.ok) throw new Error(created.reason);
  return created.user;
}

// Each test signs in from its own address so that the per-address limit does not leak between tests.
const from = () =>
  new Headers({ "x-client-address": `198.51.100.${Math.floor(Math.random() * 250)}` });
// What next-auth's credentials callback passes: the whole form body, not just our two fields.
const form = (email: string, password: string) => ({
  email,
  password,
  csrfToken: "x",
  callbackUrl: "/staff/check-in",
  json: "true",
});

describe("staff sign-in", () => {
  it("signs in with the right password, whatever the case of the email, and returns the role", async () => {
    const user = await staffAccount();
    const signedIn = await authorizeCredentials(form(user.email.toUpperCase(), PASSWORD), from());
    expect(signedIn).toEqual({
      id: String(user.id),
      email: user.email,
      name: "Door Volunteer",
      role: "STAFF",
      sessionVersion: 0,
    });
  });

  it("refuses a wrong password, an unknown email and a deactivated account with the same error", async () => {
    const user = await staffAccount();
    const headers = from();
    await expect(
      authorizeCredentials(form(user.email, "Wrong-Password-123"), headers),
    ).rejects.toThrow("invalid_credentials");
    await expect(
      authorizeCredentials(form("nobody@example.org", PASSWORD), headers),
    ).rejects.toThrow("invalid_credentials");
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    await expect(authorizeCredentials(form(user.email, PASSWORD), headers)).rejects.toThrow(
      "invalid_credentials",
    );
  });

  it("limits failures per (account, address): a correct password from another address still signs in", async () => {
    const user = await staffAccount();
    const attacker = from();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(
        authorizeCredentials(form(user.email, `Wrong-Password-${attempt}`), attacker),
      ).rejects.toThrow("invalid_credentials");
    }
    // The attacker's address is now refused for this account, even with the right password...
    await expect(authorizeCredentials(form(user.email, PASSWORD), attacker)).rejects.toThrow(
      "rate_limited",
    );
    // ...but the staff member at the door, on another address, is not locked out.
    const door = new Headers({ "x-client-address": "192.0.2.77" });
    await expect(authorizeCredentials(form(user.email, PASSWORD), door)).resolves.toMatchObject({
      role: "STAFF",
    });
  });

  it("limits failures per address across accounts", async () => {
    const sprayer = new Headers({ "x-client-address": "2001:db8::5" });
    // Four wrong passwords for each of five accounts: under every (account, address) limit,
    // but twenty failures from one address.
    for (let account = 0; account < 5; account += 1) {
      const user = await staffAccount();
      for (let attempt = 0; attempt < 4; attempt += 1)
        await expect(
          authorizeCredentials(form(user.email, `Wrong-Password-${attempt}`), sprayer),
        ).rejects.toThrow("invalid_credentials");
    }
    const next = await staffAccount();
    await expect(authorizeCredentials(form(next.email, PASSWORD), sprayer)).rejects.toThrow(
      "rate_limited",
    );
    await expect(authorizeCredentials(form(next.email, PASSWORD), from())).resolves.toMatchObject({
      role: "STAFF",
    });
  });

  it("does not count successful sign-ins: a door team behind one address can sign in many times", async () => {
    const headers = from();
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const user = await staffAccount();
      await expect(
        authorizeCredentials(form(user.email, PASSWORD), headers),
      ).resolves.toMatchObject({ role: "STAFF" });
    }
  });
});
