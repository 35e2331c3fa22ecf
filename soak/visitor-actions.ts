// What a visitor's or an admin's browser sends for the flows that have no JSON API: Next
// server actions, posted as the browser posts them — no new endpoint in the app for the soak.
//
// - Links and buttons run with JavaScript (cancelling a ticket, opening a waiting list's
//   confirmation or offer link): a POST to the page with the action's id in `Next-Action`
//   and its arguments as JSON, as React's client does. The id comes from the build's
//   server-reference manifest.
// - Forms that work without JavaScript ("send the email again", joining a waiting list,
//   the admin's performance, box-office and move forms): the form's fields, read from
//   the page's HTML as a browser reads them, posted as multipart form data.
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

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const hasAttribute = (tag: string, name: string) => new RegExp(`\\s${name}(=|\\s|/?>)`).test(tag);

/**
 * What a browser without JavaScript posts for the page's form bound to the server action
 * `actionId` (a page has others, e.g. the language switch): the hidden fields Next renders
 * for the action (`$ACTION_ID_…`, or `$ACTION_REF_n`, `$ACTION_n:i`, `$ACTION_KEY` for a
 * form with a state) and the form's own fields as the page filled them in (inputs, ticked
 * boxes, chosen options, text areas). Null when the page has no such form.
 */
export function serverActionForm(html: string, actionId: string): [string, string][] | null {
  for (const chunk of html.split(/<form\b/).slice(1)) {
    const form = chunk.split("</form>")[0];
    const fields: [string, string][] = [];
    for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(tag, "name");
      const type = attribute(tag, "type") ?? "text";
      if (!name || ["submit", "button", "file", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !hasAttribute(tag, "checked")) continue;
      fields.push([
        name,
        unescapeHtml(attribute(tag, "value") ?? (type === "checkbox" ? "on" : "")),
      ]);
    }
    for (const [, open, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(open, "name");
      const chosen = [...options.matchAll(/<option\b[^>]*>/g)].find(([tag]) =>
        hasAttribute(tag, "selected"),
      );
      if (name && chosen) fields.push([name, unescapeHtml(attribute(chosen[0], "value") ?? "")]);
    }
    for (const [, open, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(open, "name");
      if (name) fields.push([name, unescapeHtml(text)]);
    }
    if (
      fields.some(
        ([name, value]) =>
          name === `$ACTION_ID_${actionId}` ||
          (name.startsWith("$ACTION_") && name.endsWith(":0") && value.includes(`"${actionId}"`)),
      )
    )
      return fields;
  }
  return null;
}

/** Only the hidden fields of the action (see serverActionForm): the caller adds the form's own. */
export function serverActionFormFields(html: string, actionId: string): [string, string][] | null {
  return serverActionForm(html, actionId)?.filter(([name]) => name.startsWith("$ACTION_")) ?? null;
}

/** `fields` with `changes` applied (a value replaced, or added when absent; undefined removes). */
export function withFields(
  fields: [string, string][],
  changes: Record<string, string | undefined>,
): FormData {
  const form = new FormData();
  for (const [name, value] of fields) if (!(name in changes)) form.append(name, value);
  for (const [name, value] of Object.entries(changes))
    if (value !== undefined) form.append(name, value);
  return form;
}
