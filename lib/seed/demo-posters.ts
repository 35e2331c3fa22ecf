import sharp from "sharp";
import type { PrismaClient } from "@/lib/db";
import { escapeHtml } from "@/lib/markdown";
import { preparePoster } from "@/lib/posters/prepare-poster";
import { storePoster } from "@/lib/posters/poster-store";

/** A typographic poster: words set large on a colour field, drawn here, never downloaded. */
export type DemoPoster = {
  /** The title, one line of the poster per entry. */
  lines: string[];
  /** Small text above the title (the author). */
  kicker: string;
  /** Small text at the foot (the season). */
  foot: string;
  background: string;
  ink: string;
  accent: string;
  alt: string;
  altEn: string;
};

const WIDTH = 800;
const HEIGHT = 1200;

/**
 * The poster as SVG, 2:3. Text uses the generic serif and sans families, so it renders
 * with whatever fonts the machine has (librsvg through fontconfig).
 */
export function demoPosterSvg(poster: DemoPoster): string {
  const size = Math.min(
    150,
    Math.floor(1150 / Math.max(...poster.lines.map((line) => line.length), 1)),
  );
  const title = poster.lines
    .map(
      (line, i) =>
        `<text x="64" y="${560 + i * size * 1.05}" font-family="DejaVu Serif, serif" font-weight="bold" font-size="${size}" fill="${poster.ink}">${escapeHtml(line)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="${poster.background}"/>
<circle cx="620" cy="260" r="210" fill="${poster.accent}"/>
<rect x="64" y="96" width="120" height="10" fill="${poster.ink}"/>
<text x="64" y="160" font-family="DejaVu Sans, sans-serif" font-size="34" letter-spacing="6" fill="${poster.ink}">AZIONELAB</text>
<text x="64" y="${Math.round(560 - size - 16)}" font-family="DejaVu Sans, sans-serif" font-size="36" fill="${poster.ink}">${escapeHtml(poster.kicker)}</text>
${title}
<rect x="64" y="1060" width="${WIDTH - 128}" height="4" fill="${poster.ink}"/>
<text x="64" y="1120" font-family="DejaVu Sans, sans-serif" font-size="30" letter-spacing="3" fill="${poster.ink}">${escapeHtml(poster.foot)}</text>
</svg>`;
}

/**
 * Gives a show its demo poster, through the same path as an upload (PNG → preparePoster
 * → stored variants). A show that already has a poster keeps it (safe to run twice).
 */
export async function seedDemoPoster(db: PrismaClient, showId: number, poster: DemoPoster) {
  const show = await db.show.findUnique({ where: { id: showId }, select: { posterId: true } });
  if (!show || show.posterId) return;
  const png = await sharp(Buffer.from(demoPosterSvg(poster)))
    .png()
    .toBuffer();
  const prepared = await preparePoster(png);
  if (!prepared.ok) throw new Error(`demo poster refused: ${prepared.reason}`);
  await db.$transaction(async (tx) => {
    const posterId = await storePoster(tx, prepared.poster);
    await tx.show.update({
      where: { id: showId },
      data: { posterId, posterAlt: poster.alt, posterAltEn: poster.altEn },
    });
  });
}
