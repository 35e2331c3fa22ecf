import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { DEMO_USERS, seedDemo } from "@/lib/seed/demo";

if (config().NODE_ENV === "production" && !process.argv.includes("--force")) {
  console.error(
    "Refusing to load demo data with NODE_ENV=production (it creates demo accounts with known passwords). Pass --force to do it anyway.",
  );
  process.exit(1);
}
await seedDemo(db, {
  timeZone: config().TIME_ZONE,
  tokenSettings: {
    confirmationTtlHours: config().CONFIRMATION_TTL_HOURS,
    checkInWindowHours: config().CHECKIN_WINDOW_HOURS,
  },
});
await db.$disconnect();
console.log("Demo data loaded. Sign in at /login with:");
for (const user of DEMO_USERS)
  console.log(`  ${user.role.padEnd(5)}  ${user.email}  ${user.password}`);
