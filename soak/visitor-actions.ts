// What a visitor's browser sends for the flows that have no JSON API: Next server actions,
// posted as the browser posts them — no new endpoint in the app for the soak.
//
// - Cancelling a ticket (the ticket page's button, JavaScript): a POST to the page with
//   the action's id in `Next-Action` and its arguments as JSON, as React's client does.
//   The id comes from the build's server-reference manifest.
// - "Send the email again" after booking (the booking page's panel, works without
//   JavaScript): the form's own fields, read from the booking page's HTML as a browser
//   reads them, posted as multipart form data.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

let actionIds: Map<string, string> | undefined;

/** The id of the server action `exportedName` of `file` (e.g. `actions/ticket.ts`) in the current build. */
export function serverActionId(file: string, exportedName: string): string {
  if (!actionIds) {
    const manifest = JSON.parse(
      readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { filename: string; exportedName: string }> };
    actionIds = new Map(
      Object.entries(manifest.node).map(([id, entry]) => [
        `${entry.filename}#${entry.exportedName}`,
        id,
      ]),
    );
  }
  const id = actionIds.get(`${file}#${exportedName}`);
  if (!id) throw new Error(`no server action ${exportedName} in ${file} in this build`);
  return id;
}

/** The request React's client sends to call a server action with `args`. */
export function serverActionCall(actionId: string, args: unknown[]): RequestInit {
  return {
    method: "POST",
    headers: {
      "next-action": actionId,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(args),
  };
}

function unescapeHtml(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * The hidden fields Next renders into a form whose action is a server action
 * (`$ACTION_REF_n`, `$ACTION_n:i`, `$ACTION_KEY`): a browser without JavaScript posts them
 * with the form's own fields. Those of the page's form bound to `actionId` (a page has
 * others, e.g. the language switch), or null when the page has none.
 */
export function serverActionFormFields(html: string, actionId: string): [string, string][] | null {
  const forms = html.split(/<form\b/).slice(1);
  for (const form of forms) {
    const fields: [string, string][] = [];
    for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name?.startsWith("$ACTION_"))
        fields.push([name, unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? "")]);
    }
    if (fields.some(([name, value]) => name.endsWith(":0") && value.includes(`"${actionId}"`)))
      return fields;
  }
  return null;
}
