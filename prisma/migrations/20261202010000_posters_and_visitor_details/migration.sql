-- Posters and the visitor's details (issue 15).

-- 1. Posters live in the database (several app instances need no shared disk, one backup
-- holds everything). An upload is processed once into a few widths of AVIF and WebP; each
-- variant is served at a URL made of the SHA-256 of its bytes, so it never changes and
-- can be cached for ever. The same upload twice is stored once (source_digest).
CREATE TABLE "posters" (
    "id" SERIAL NOT NULL,
    "source_digest" CHAR(64) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "posters_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "posters_size_positive" CHECK ("width" > 0 AND "height" > 0)
);
CREATE UNIQUE INDEX "posters_source_digest_key" ON "posters" ("source_digest");

CREATE TABLE "poster_variants" (
    "id" SERIAL NOT NULL,
    "poster_id" INTEGER NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "digest" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "poster_variants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "poster_variants_format" CHECK ("format" IN ('avif', 'webp')),
    CONSTRAINT "poster_variants_size_positive" CHECK ("width" > 0 AND "height" > 0),
    CONSTRAINT "poster_variants_poster_id_fkey" FOREIGN KEY ("poster_id")
        REFERENCES "posters" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "poster_variants_digest_key" ON "poster_variants" ("digest");
CREATE UNIQUE INDEX "poster_variants_poster_id_format_width_key"
    ON "poster_variants" ("poster_id", "format", "width");

-- A show's poster with its alternative text in both languages, and how long the show
-- runs (the calendar file's end time; null = not stated, two hours are assumed).
ALTER TABLE "shows" ADD COLUMN "poster_id" INTEGER,
ADD COLUMN "poster_alt" VARCHAR(300) NOT NULL DEFAULT '',
ADD COLUMN "poster_alt_en" VARCHAR(300) NOT NULL DEFAULT '',
ADD COLUMN "duration_minutes" INTEGER,
ADD CONSTRAINT "shows_duration_minutes_range"
    CHECK ("duration_minutes" IS NULL OR "duration_minutes" BETWEEN 1 AND 1440),
ADD CONSTRAINT "shows_poster_id_fkey" FOREIGN KEY ("poster_id")
    REFERENCES "posters" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "shows_poster_id_idx" ON "shows" ("poster_id");

-- 2. What a visitor should know about a venue (access, wheelchair, how to get there),
-- shown on show and booking pages; "notes" stays the staff's internal note.
ALTER TABLE "venues" ADD COLUMN "public_notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN "public_notes_en" TEXT NOT NULL DEFAULT '';

-- 3. Pages an admin puts into the site's header or footer navigation. The footer linked
-- contatti and privacy by hand until now: they keep their place.
ALTER TABLE "pages" ADD COLUMN "in_header" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "in_footer" BOOLEAN NOT NULL DEFAULT false;
UPDATE "pages" SET "in_footer" = true WHERE "slug" IN ('contatti', 'privacy');
