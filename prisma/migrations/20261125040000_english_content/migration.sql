-- English versions of admin-editable texts; empty means "show the Italian one".
ALTER TABLE "shows" ADD COLUMN "summary_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN "description_en" TEXT NOT NULL DEFAULT '';

ALTER TABLE "pages" ADD COLUMN "title_en" VARCHAR(200) NOT NULL DEFAULT '',
ADD COLUMN "body_en" TEXT NOT NULL DEFAULT '';
