-- CreateEnum
CREATE TYPE "reservation_status" AS ENUM ('pending', 'confirmed', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "token_purpose" AS ENUM ('confirmation', 'check_in');

-- CreateEnum
CREATE TYPE "check_in_source" AS ENUM ('qr_scan', 'manual');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'STAFF');

-- CreateTable
CREATE TABLE "shows" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(220) NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "poster_image" VARCHAR(500) NOT NULL DEFAULT '',
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "venues" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(220) NOT NULL,
    "address" VARCHAR(255) NOT NULL,
    "city" VARCHAR(120) NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performances" (
    "id" SERIAL NOT NULL,
    "show_id" INTEGER NOT NULL,
    "venue_id" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "room_capacity" INTEGER NOT NULL,
    "manually_occupied_seats" INTEGER NOT NULL DEFAULT 0,
    "additional_seats" INTEGER NOT NULL DEFAULT 0,
    "is_booking_enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "performances_pkey" PRIMARY KEY ("id"),
    -- Hand-written: Prisma's schema language has no CHECK constraints.
    CONSTRAINT "performance_room_capacity_non_negative" CHECK ("room_capacity" >= 0),
    CONSTRAINT "performance_additional_seats_non_negative" CHECK ("additional_seats" >= 0),
    CONSTRAINT "performance_manual_seats_non_negative" CHECK ("manually_occupied_seats" >= 0),
    CONSTRAINT "performance_manual_seats_within_capacity" CHECK ("manually_occupied_seats" <= "room_capacity" + "additional_seats")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" SERIAL NOT NULL,
    "performance_id" INTEGER NOT NULL,
    "status" "reservation_status" NOT NULL DEFAULT 'pending',
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "phone" VARCHAR(40) NOT NULL DEFAULT '',
    "party_size" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "locale" VARCHAR(5) NOT NULL DEFAULT 'it',
    "confirmed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "qr_code_generated_at" TIMESTAMPTZ(3),
    "anonymized_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reservation_party_size_positive" CHECK ("party_size" >= 1)
);

-- CreateTable
CREATE TABLE "reservation_tokens" (
    "id" SERIAL NOT NULL,
    "reservation_id" INTEGER NOT NULL,
    "purpose" "token_purpose" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reservation_token_hash_is_sha256_hex" CHECK ("token_hash" ~ '^[0-9a-f]{64}$')
);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" SERIAL NOT NULL,
    "reservation_id" INTEGER NOT NULL,
    "checked_in_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_in_by_id" INTEGER NOT NULL,
    "source" "check_in_source" NOT NULL DEFAULT 'qr_scan',
    "nonce" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pages" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shows_slug_key" ON "shows"("slug");

-- CreateIndex
CREATE INDEX "shows_is_published_idx" ON "shows"("is_published");

-- CreateIndex
CREATE UNIQUE INDEX "venues_slug_key" ON "venues"("slug");

-- CreateIndex
CREATE INDEX "venues_city_idx" ON "venues"("city");

-- CreateIndex
CREATE INDEX "performances_starts_at_idx" ON "performances"("starts_at");

-- CreateIndex
CREATE INDEX "performances_show_id_starts_at_idx" ON "performances"("show_id", "starts_at");

-- CreateIndex
CREATE INDEX "performances_venue_id_starts_at_idx" ON "performances"("venue_id", "starts_at");

-- CreateIndex
CREATE INDEX "performances_is_booking_enabled_starts_at_idx" ON "performances"("is_booking_enabled", "starts_at");

-- CreateIndex
CREATE INDEX "reservations_performance_id_status_idx" ON "reservations"("performance_id", "status");

-- CreateIndex
CREATE INDEX "reservations_email_idx" ON "reservations"("email");

-- CreateIndex
CREATE INDEX "reservations_created_at_idx" ON "reservations"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_tokens_token_hash_key" ON "reservation_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "reservation_tokens_reservation_id_purpose_idx" ON "reservation_tokens"("reservation_id", "purpose");

-- CreateIndex
CREATE INDEX "reservation_tokens_purpose_expires_at_idx" ON "reservation_tokens"("purpose", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_reservation_id_key" ON "check_ins"("reservation_id");

-- CreateIndex
CREATE INDEX "check_ins_checked_in_at_idx" ON "check_ins"("checked_in_at");

-- CreateIndex
CREATE INDEX "check_ins_checked_in_by_id_idx" ON "check_ins"("checked_in_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "pages_slug_key" ON "pages"("slug");

-- AddForeignKey
ALTER TABLE "performances" ADD CONSTRAINT "performances_show_id_fkey" FOREIGN KEY ("show_id") REFERENCES "shows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performances" ADD CONSTRAINT "performances_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_performance_id_fkey" FOREIGN KEY ("performance_id") REFERENCES "performances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservation_tokens" ADD CONSTRAINT "reservation_tokens_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_checked_in_by_id_fkey" FOREIGN KEY ("checked_in_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
