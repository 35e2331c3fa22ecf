import { describe, expect, it } from "vitest";
import { reservationFilters } from "@/lib/admin/reservation-filters";
import { listReservations } from "@/lib/admin/reservations";
import { db } from "@/lib/db";

describe("the reservations table's query string", () => {
  it("searches with NUL, ids beyond int32 and huge pages without failing", async () => {
    for (const query of [
      { q: "Ma\u0000ria" },
      { performance: "99999999999" },
      { performance: "1.5" },
      { page: "99999999999" },
    ]) {
      const filters = reservationFilters.parse(query);
      await expect(listReservations(db, filters)).resolves.toBeDefined();
    }
    expect(reservationFilters.parse({ q: "Ma\u0000ria\n" }).q).toBe("Maria");
    expect(reservationFilters.parse({ performance: "99999999999" }).performance).toBeUndefined();
  });
});
