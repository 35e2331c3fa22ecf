import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkInAsAdmin } from "@/lib/admin/reservations";
import { seedDemo } from "@/lib/seed/demo";
import { createStaffUser } from "@/tests/support/factories";

describe("the demo season", () => {
  it("gives its confirmed parties a ticket, so the door and the admin can let them in", async () => {
    await seedDemo(db, { timeZone: "Europe/Rome" });
    const party = await db.reservation.findFirstOrThrow({
      where: { status: "confirmed" },
      orderBy: { id: "asc" },
      select: { id: true, tokens: { select: { purpose: true, expiresAt: true } } },
    });
    expect(party.tokens.map((token) => token.purpose)).toEqual(["check_in"]);
    const admin = await createStaffUser("ADMIN");

    const admitted = await checkInAsAdmin({
      db,
      actor: { id: admin.id, email: admin.email },
      reservationId: party.id,
    });

    expect(admitted).toMatchObject({ ok: true });
  }, 120_000);
});
