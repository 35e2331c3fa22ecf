import { randomBytes } from "node:crypto";
import { decode, encode, type JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetStaffPassword, updateStaffAccount } from "@/lib/admin/users";
import { authOptions, authorizeCredentials, newSessionToken } from "@/web/auth/options";
import { SESSION_MAX_AGE_SECONDS, userForSession, type SessionClaims } from "@/lib/auth/session";
import { sessionCookieFor } from "@/web/auth/session-cookie";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { createStaffUser } from "@/tests/support/factories";

const PASSWORD = "Quinta-Fila-Centrale-7";
const HOUR = 60 * 60 * 1000;

async function signedInStaff() {
  const created = await createUser(db, {
    email: `door-${randomBytes(4).toString("hex")}@example.org`,
    password: PASSWORD,
    role: "STAFF",
  });
  if (!created.ok) throw new Error(created.reason);
  const headers = new Headers({ "x-client-address": `203.0.113.${created.user.id % 250}` });
  const user = await authorizeCredentials(
    { email: created.user.email, password: PASSWORD },
    headers,
  );
  // The cookie exactly as the sign-in form sets it.
  const cookie = await sessionCookieFor(user, new Date());
  return { user, cookie: cookie.value };
}

/**
 * What happens to a session cookie on a request, as next-auth's getServerSession and
 * /api/auth/session do it: decode, run our jwt callback (which re-encodes a renewed
 * cookie), then our session callback; currentUser() then re-reads the user.
 */
async function presentCookie(cookie: string) {
  const options = authOptions();
  const secret = options.secret as string;
  const token = await decode({ token: cookie, secret });
  if (!token) return { user: null, renewed: null };
  let renewedToken: JWT;
  try {
    renewedToken = await options.callbacks!.jwt!({ token } as Parameters<
      NonNullable<NonNullable<typeof options.callbacks>["jwt"]>
    >[0]);
  } catch {
    return { user: null, renewed: null };
  }
  const session = (await options.callbacks!.session!({
    session: { expires: "" },
    token: renewedToken,
  } as never)) as Partial<SessionClaims>;
  const renewed = await encode({ token: renewedToken, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return { user: await userForSession({ db, claims: session, now: new Date() }), renewed };
}

async function actor() {
  const admin = await createStaffUser("ADMIN");
  return { id: admin.id, email: admin.email };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("revocable sessions", () => {
  it("accepts a fresh session cookie", async () => {
    const { user, cookie } = await signedInStaff();
    expect((await presentCookie(cookie)).user).toMatchObject({ id: Number(user.id) });
  });

  it("refuses the old cookie after sign-out", async () => {
    const { user, cookie } = await signedInStaff();
    const token = await decode({ token: cookie, secret: authOptions().secret as string });
    await authOptions().events!.signOut!({ token: token!, session: null as never });
    expect((await presentCookie(cookie)).user).toBeNull();
    // Signing in again works.
    const again = await authorizeCredentials(
      { email: user.email, password: PASSWORD },
      new Headers(),
    );
    const fresh = await sessionCookieFor(again, new Date());
    expect((await presentCookie(fresh.value)).user).toMatchObject({ id: Number(user.id) });
  });

  it("refuses the old cookie after an admin resets the password", async () => {
    const { user, cookie } = await signedInStaff();
    const reset = await resetStaffPassword({
      db,
      actor: await actor(),
      id: Number(user.id),
      input: { password: "Loggione-Centrale-88" },
    });
    expect(reset).toMatchObject({ ok: true });
    expect((await presentCookie(cookie)).user).toBeNull();
  });

  it("refuses the old cookie after deactivation and reactivation", async () => {
    const { user, cookie } = await signedInStaff();
    const by = await actor();
    const id = Number(user.id);
    for (const isActive of [false, true]) {
      const saved = await updateStaffAccount({
        db,
        actor: by,
        id,
        input: { name: "Door", role: "STAFF", isActive },
      });
      expect(saved).toMatchObject({ ok: true });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ isActive: true });
    expect((await presentCookie(cookie)).user).toBeNull();
  });

  it("refuses the old cookie after a role change", async () => {
    const { user, cookie } = await signedInStaff();
    const saved = await updateStaffAccount({
      db,
      actor: await actor(),
      id: Number(user.id),
      input: { name: "Door", role: "ADMIN", isActive: true },
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await presentCookie(cookie)).user).toBeNull();
  });

  it("keeps a session alive when only the name changes", async () => {
    const { user, cookie } = await signedInStaff();
    await updateStaffAccount({
      db,
      actor: await actor(),
      id: Number(user.id),
      input: { name: "Renamed", role: "STAFF", isActive: true },
    });
    expect((await presentCookie(cookie)).user).toMatchObject({ name: "Renamed" });
  });

  it("ends a session 12 hours after sign-in, however often /api/auth/session renews it", async () => {
    const start = new Date("2026-12-01T18:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const { cookie } = await signedInStaff();
    let current = cookie;
    // Polled every hour for 11 hours: each answer renews the cookie, and it still works.
    for (let hour = 1; hour <= 11; hour += 1) {
      vi.setSystemTime(new Date(start.getTime() + hour * HOUR));
      const { user, renewed } = await presentCookie(current);
      expect(user, `after ${hour} h`).not.toBeNull();
      current = renewed!;
    }
    // The renewed cookie is still within its own 12-hour JWT expiry, but the session is over.
    vi.setSystemTime(new Date(start.getTime() + 12 * HOUR + 1000));
    expect(await decode({ token: current, secret: authOptions().secret as string })).not.toBeNull();
    expect((await presentCookie(current)).user).toBeNull();
  });

  it("refuses a cookie without a session version (issued before this change)", async () => {
    const { user } = await signedInStaff();
    const claims = newSessionToken(user, new Date());
    const { sv: _dropped, ...legacy } = claims;
    const cookie = await encode({
      token: legacy,
      secret: authOptions().secret as string,
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    expect(_dropped).toBe(0);
    expect((await presentCookie(cookie)).user).toBeNull();
  });
});
