-- The box office (issue 17): how a reservation came in, and the capacity a venue's new
-- performances start from.

-- `online`: booked by a visitor and confirmed by email. The others are admin bookings,
-- confirmed at once: a phone call, someone at the desk, a guest (press, company).
CREATE TYPE "reservation_channel" AS ENUM ('online', 'phone', 'walk_in', 'guest');
ALTER TABLE "reservations" ADD COLUMN "channel" "reservation_channel" NOT NULL DEFAULT 'online';

-- Filled into the performance form when the venue is chosen; null = none (type it).
ALTER TABLE "venues" ADD COLUMN "default_capacity" integer;
ALTER TABLE "venues" ADD CONSTRAINT "venues_default_capacity_not_negative"
  CHECK ("default_capacity" IS NULL OR "default_capacity" BETWEEN 0 AND 100000);
