// The HTTP part of the container job (.ci/container): a visitor books and confirms by
// email, a door person signs in and checks the ticket in — against the runtime image's
// server. Plain Node (fetch), no dependencies: it runs from the host.
//
// Usage: node .ci/container-smoke.mjs BASE_URL MAIL_DIR STAFF_EMAIL STAFF_PASSWORD
import { randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const [baseUrl, mailDir, staffEmail, staffPassword] = process.argv.slice(2);
if (!staffPassword) {
  console.error("usage: node .ci/container-smoke.mjs BASE_URL MAIL_DIR STAFF_EMAIL STAFF_PASSWORD");
  process.exit(2);
}

const cookies = new Map();
async function http(method, pathname, { json, form } = {}) {
  const headers = { origin: baseUrl, accept: "application/json" };
  if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  let body;
  if (json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(new URL(pathname, baseUrl), {
    method,
    headers,
    body,
    redirect: "manual",
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }
  const text = await response.text();
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    // an HTML page or an empty body
  }
  return { status: response.status, headers: response.headers, text, data };
}

function expect(condition, message, response) {
  if (!condition) {
    const detail = response ? ` (HTTP ${response.status}: ${response.text.slice(0, 300)})` : "";
    throw new Error(`${message}${detail}`);
  }
}

function ok(message) {
  console.log(`    ok  ${message}`);
}

async function mailLink(to, pattern) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const names = await readdir(mailDir).catch(() => []);
    for (const name of names.filter((n) => n.endsWith(".json"))) {
      const mail = JSON.parse(await readFile(path.join(mailDir, name), "utf8"));
      const match = mail.to === to ? pattern.exec(mail.text) : null;
      if (match) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} matching ${pattern} in ${mailDir}`);
}

const health = await http("GET", "/api/health");
expect(health.status === 200 && health.data?.status === "ok", "GET /api/health", health);
ok("GET /api/health → 200 {status: ok}");

const shows = await http("GET", "/shows");
expect(shows.status === 200 && shows.text.includes("<html"), "GET /shows renders", shows);
expect(
  (shows.headers.get("content-security-policy") ?? "").includes("frame-ancestors 'none'"),
  "security headers on pages",
);
ok("GET /shows → 200 HTML with the security headers");

const performances = await http("GET", "/api/performances");
expect(performances.status === 200, "GET /api/performances", performances);
const performance = performances.data.results.find(
  (p) => p.booking_enabled && p.available_seats >= 2,
);
expect(performance, "a bookable performance in the seeded season");

const email = `ci-${randomBytes(6).toString("hex")}@example.org`;
const booked = await http("POST", `/api/performances/${performance.id}/reservations`, {
  json: { name: "Maria Rossi", email, party_size: 2 },
});
expect(booked.status === 201, "booking answers 201", booked);
ok(`POST /api/performances/${performance.id}/reservations → 201 pending`);

const confirmationToken = await mailLink(email, /\/confirm#token=([A-Za-z0-9_-]{43})/);
ok("the confirmation email was written to MAIL_DIR with its link");
const confirmed = await http("POST", "/api/reservations/confirm", {
  json: { token: confirmationToken },
});
expect(confirmed.status === 200, "confirmation answers 200", confirmed);
const ticketToken = /#token=([A-Za-z0-9_-]{43})/.exec(confirmed.data.ticket_url ?? "")?.[1];
expect(ticketToken, "the confirmation returns the ticket URL", confirmed);
const again = await http("POST", "/api/reservations/confirm", {
  json: { token: confirmationToken },
});
expect(again.status === 409 || again.status === 200, "a second confirmation is answered", again);
ok(`POST /api/reservations/confirm → 200 confirmed; again → ${again.status}`);

const anonymous = await http("POST", "/api/check-ins/preview", { json: { token: ticketToken } });
expect(anonymous.status === 401, "check-in without a session answers 401", anonymous);

const csrf = await http("GET", "/api/auth/csrf");
expect(csrf.status === 200 && csrf.data?.csrfToken, "GET /api/auth/csrf", csrf);
const signIn = await http("POST", "/api/auth/callback/credentials", {
  form: {
    email: staffEmail,
    password: staffPassword,
    csrfToken: csrf.data.csrfToken,
    callbackUrl: "/staff/check-in",
    json: "true",
  },
});
expect(signIn.status < 400, "sign-in through next-auth's credentials callback", signIn);
const session = await http("GET", "/api/auth/session");
expect(session.data?.uid, "a session after sign-in", session);
ok(`signed in as ${staffEmail} (next-auth credentials + CSRF token)`);

const preview = await http("POST", "/api/check-ins/preview", {
  json: { token: ticketToken, performance_id: performance.id },
});
expect(preview.status === 200 && preview.data?.status === "valid", "check-in preview", preview);
// The door sees the holder's name and notes (issue 16), never the email or phone.
expect(!/example\.org|\+39/.test(preview.text), "the preview carries no email or phone");
ok("POST /api/check-ins/preview → 200 valid, no email or phone");

const nonce = randomUUID();
const checkIn = await http("POST", "/api/check-ins/confirm", {
  json: { token: ticketToken, performance_id: performance.id, nonce },
});
expect(checkIn.status === 200 && checkIn.data?.status === "checked_in", "check-in", checkIn);
ok("POST /api/check-ins/confirm → 200 checked_in");

const retry = await http("POST", "/api/check-ins/confirm", {
  json: { token: ticketToken, performance_id: performance.id, nonce },
});
expect(retry.status === 200, "a retry with the same nonce answers 200 again", retry);
const second = await http("POST", "/api/check-ins/confirm", { json: { token: ticketToken } });
expect(
  second.status === 409 && second.data?.status === "already_checked_in",
  "a second entry is refused",
  second,
);
ok("retry with the nonce → 200; a second entry → 409 already_checked_in");
