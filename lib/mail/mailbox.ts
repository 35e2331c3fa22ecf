import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type StoredMail = {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `contentId`: an inline part the HTML shows as `cid:` (the ticket's QR). */
  attachments: {
    filename: string;
    contentType: string;
    contentBase64: string;
    contentId?: string;
  }[];
};

/** Messages the `file` transport wrote to `dir`, newest first (file names start with the time). */
export async function readMailbox(dir: string, limit = 50): Promise<StoredMail[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((name) => name.endsWith(".json") && !name.startsWith("."));
  } catch {
    return [];
  }
  const newest = files.sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (file) => ({
      file,
      ...(JSON.parse(await readFile(path.join(dir, file), "utf8")) as Omit<StoredMail, "file">),
    })),
  );
}
