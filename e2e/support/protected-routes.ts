import type { Access } from "@/web/auth/guards";

/**
 * Every staff and admin entry point, for the permission matrix (e2e/permissions.spec.ts):
 * anonymous visitors must be sent to sign in (pages, actions) or get 401 (API), and staff
 * must get 403 from every admin one. Add each new page, route handler and server action here.
 */
export type ProtectedRoute =
  | { kind: "page"; path: string; access: Access }
  | {
      kind: "api";
      method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
      path: string;
      access: Access;
      body?: unknown;
    }
  /**
   * A server action, found through the form that uses it: `page` renders (for an admin) a
   * form containing a field named `field`; the test reads the action's id from that form
   * and calls it as the page's JavaScript would, with `fields` as the form data.
   */
  | { kind: "action"; page: string; field: string; fields: Record<string, string>; access: Access };

export const PROTECTED_ROUTES: ProtectedRoute[] = [
  { kind: "page", path: "/staff", access: "staff" },
  { kind: "page", path: "/staff/check-in", access: "staff" },
  {
    kind: "api",
    method: "POST",
    path: "/api/check-ins/preview",
    access: "staff",
    body: { token: "A".repeat(43) },
  },
  {
    kind: "api",
    method: "POST",
    path: "/api/check-ins/confirm",
    access: "staff",
    body: { token: "A".repeat(43) },
  },
  { kind: "api", method: "GET", path: "/api/check-ins/counts?performance_id=1", access: "staff" },
  {
    kind: "action",
    page: "/staff/check-in",
    field: "reservation_id",
    fields: { reservation_id: "1" },
    access: "admin",
  },
];

// The admin section (issue 5). Ids 1 exist in the demo seed (first show, venue,
// performance, page, user, and a confirmed reservation nobody has checked in yet).
const ADMIN_PAGES = [
  "/admin",
  "/admin/shows",
  "/admin/shows/new",
  "/admin/shows/1",
  "/admin/venues",
  "/admin/venues/new",
  "/admin/venues/1",
  "/admin/performances",
  "/admin/performances/new",
  "/admin/performances/1",
  "/admin/performances/1/door-list",
  "/admin/performances/1/check-ins",
  // A route handler, but a browser download link: without a session it sends to sign in.
  "/admin/performances/1/attendees.csv",
  "/admin/pages",
  "/admin/pages/new",
  "/admin/pages/1",
  "/admin/users",
  "/admin/users/new",
  "/admin/users/1",
  "/admin/reservations",
  "/admin/reservations/1",
  "/admin/audit",
  // The box office (issue 17).
  "/admin/reservations/new",
  "/admin/reservations/1/edit",
  "/admin/check-ins",
];

const ADMIN_ACTIONS: [page: string, field: string][] = [
  ["/admin/shows/new", "posterImage"],
  ["/admin/shows/1", "confirm_delete_show"],
  ["/admin/venues/new", "address"],
  ["/admin/venues/1", "confirm_delete_venue"],
  ["/admin/performances/new", "roomCapacity"],
  ["/admin/performances/1", "confirm_delete_performance"],
  ["/admin/pages/new", "body"],
  ["/admin/pages/1", "confirm_delete_page"],
  ["/admin/users/new", "email"],
  ["/admin/users/1", "isActive"],
  ["/admin/users/1", "password"],
  ["/admin/reservations/1", "confirm_cancel_reservation"],
  ["/admin/reservations/1", "confirm_resend_email"],
  ["/admin/reservations/1", "confirm_check_in"],
  ["/admin/reservations/new", "channel"],
  ["/admin/reservations/1/edit", "notes"],
  ["/admin/reservations/1/edit", "sendEmail"],
];

PROTECTED_ROUTES.push(
  ...ADMIN_PAGES.map((path): ProtectedRoute => ({ kind: "page", path, access: "admin" })),
  ...ADMIN_ACTIONS.map(([page, field]): ProtectedRoute => ({
    kind: "action",
    page,
    field,
    fields: { [field]: "1" },
    access: "admin",
  })),
);

export function describeRoute(route: ProtectedRoute): string {
  if (route.kind === "page") return `page ${route.path}`;
  if (route.kind === "api") return `${route.method} ${route.path}`;
  return `action (field ${route.field}) on ${route.page}`;
}
