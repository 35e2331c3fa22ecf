"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createContext,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";

type Toast = { id: number; kind: "success" | "error"; text: string };
type Notify = (kind: Toast["kind"], text: string) => void;

const ToastContext = createContext<Notify>(() => {});

/** Shows a success or failure toast from any admin client component. */
export function useToast(): Notify {
  return useContext(ToastContext);
}

const TOAST_MS = 7_000;

/**
 * Holds the toasts of /admin. A server action that redirects after success adds
 * `?notice=<code>` to the address; the toast for it is shown once and the parameter
 * removed, so reloading the page does not repeat it.
 */
export function Toaster({
  notices,
  labels,
  children,
}: {
  notices: Record<string, string>;
  labels: { close: string; region: string };
  children: ReactNode;
}) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const notify = useCallback<Notify>((kind, text) => {
    const id = nextId.current++;
    setToasts((current) => [...current, { id, kind, text }]);
    window.setTimeout(
      () => setToasts((current) => current.filter((toast) => toast.id !== id)),
      TOAST_MS,
    );
  }, []);

  return (
    <ToastContext.Provider value={notify}>
      {/* Only the notice reader waits for the search params: the page itself must not sit
          in a Suspense boundary, or it would stream in and stay hidden without JavaScript. */}
      <Suspense>
        <NoticeReader notices={notices} notify={notify} />
      </Suspense>
      {children}
      <section
        aria-label={labels.region}
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 print:hidden"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === "error" ? "alert" : "status"}
            className={`pointer-events-auto flex w-full max-w-md items-start gap-3 rounded-lg px-4 py-3 text-white shadow-lg ${toast.kind === "error" ? "bg-danger" : "bg-success"}`}
          >
            <p className="flex-1">{toast.text}</p>
            <button
              type="button"
              onClick={() => setToasts((current) => current.filter((item) => item.id !== toast.id))}
              className="rounded px-2 text-lg leading-none font-bold focus-visible:outline-white"
              aria-label={labels.close}
            >
              ×
            </button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

function NoticeReader({ notices, notify }: { notices: Record<string, string>; notify: Notify }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const notice = params.get("notice");
  useEffect(() => {
    if (!notice) return;
    if (notices[notice]) notify("success", notices[notice]);
    const rest = new URLSearchParams(params);
    rest.delete("notice");
    router.replace(rest.size > 0 ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [notice, notices, notify, params, pathname, router]);
  return null;
}
