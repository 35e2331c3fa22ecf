import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "danger";

const TONES: Record<AlertTone, string> = {
  info: "border-line bg-paper-raised",
  success: "border-success bg-green-50",
  warning: "border-warning bg-amber-50",
  danger: "border-danger bg-red-50",
};

/**
 * A message box. `live` makes screen readers announce it when it appears (status for
 * news, alert for problems); leave it off for messages present at page load.
 */
export function Alert({
  tone = "info",
  live = false,
  children,
  className = "",
}: {
  tone?: AlertTone;
  live?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const role = live ? (tone === "danger" || tone === "warning" ? "alert" : "status") : undefined;
  return (
    <div
      role={role}
      className={`rounded-md border-l-4 px-4 py-3 ${TONES[tone]} ${className}`.trim()}
    >
      {children}
    </div>
  );
}
