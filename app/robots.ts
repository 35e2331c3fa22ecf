import type { MetadataRoute } from "next";
import { config } from "@/lib/config";

// Built from APP_URL, runtime configuration: per request (cheap), never at build time.
export const dynamic = "force-dynamic";

/** Search engines: the public site in both languages; never staff, admin or a ticket. */
export default function robots(): MetadataRoute.Robots {
  const privatePaths = ["/confirm", "/ticket", "/waitlist", "/unsubscribe"];
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [
        "/admin",
        "/staff",
        "/login",
        "/api/",
        ...privatePaths,
        ...privatePaths.map((path) => `/en${path}`),
      ],
    },
    sitemap: `${config().APP_URL}/sitemap.xml`,
  };
}
