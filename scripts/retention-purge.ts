import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { expireReservations } from "@/lib/reservations/expire-reservations";
import { deleteExpiredRateLimits, purgePersonalData } from "@/lib/retention";

const { RETENTION_DAYS } = config();
const expired = await expireReservations({ db });
const erased = await purgePersonalData({ db, retentionDays: RETENTION_DAYS });
const counters = await deleteExpiredRateLimits({ db });
await db.$disconnect();
console.log(
  JSON.stringify({
    level: "info",
    msg: "retention purge",
    retention_days: RETENTION_DAYS,
    reservations_erased: erased,
    reservations_expired: expired,
    rate_limit_counters_deleted: counters,
  }),
);
