"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Html5Qrcode } from "html5-qrcode";
import type { StaffMessages } from "@/lib/i18n/messages/staff";

type CameraState = "idle" | "starting" | "active" | "denied" | "missing" | "failed";

const SCANNER_ELEMENT_ID = "ticket-scanner";
// Remembered on this phone: once staff started the camera, it starts by itself next time.
const AUTOSTART_KEY = "azionelab.camera";

/** Why the camera did not start, from the error getUserMedia (or html5-qrcode's wrapper of it) gave. */
function classify(error: unknown): CameraState {
  const text = `${error instanceof Error ? error.name : ""} ${String(error)}`;
  if (/NotAllowed|Permission|SecurityError/i.test(text)) return "denied";
  if (/NotFound|Overconstrained|DevicesNotFound|no camera/i.test(text)) return "missing";
  return "failed";
}

/** Continuous scanning with the back camera; every decoded text goes to `onScan`. */
export function CameraScanner({
  t,
  onScan,
}: {
  t: StaffMessages["checkIn"];
  onScan: (text: string) => void;
}) {
  const [state, setState] = useState<CameraState>("idle");
  const scanner = useRef<Html5Qrcode | null>(null);
  const onScanRef = useRef(onScan);

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  const stop = useCallback(async () => {
    const current = scanner.current;
    scanner.current = null;
    if (current?.isScanning) await current.stop().catch(() => undefined);
    setState("idle");
    localStorage.removeItem(AUTOSTART_KEY);
  }, []);

  const start = useCallback(async () => {
    setState("starting");
    try {
      const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import("html5-qrcode");
      const instance = new Html5Qrcode(SCANNER_ELEMENT_ID, {
        verbose: false,
        formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
      });
      scanner.current = instance;
      await instance.start(
        { facingMode: "environment" },
        { fps: 10, qrbox: 250 },
        (text) => onScanRef.current(text),
        () => undefined, // a frame without a QR code: keep looking
      );
      setState("active");
      localStorage.setItem(AUTOSTART_KEY, "on");
    } catch (error) {
      scanner.current = null;
      setState(classify(error));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- starting an external device, whose outcome is state
    if (localStorage.getItem(AUTOSTART_KEY) === "on") void start();
    return () => {
      const current = scanner.current;
      scanner.current = null;
      if (current?.isScanning) void current.stop().catch(() => undefined);
    };
  }, [start]);

  const message =
    state === "starting"
      ? t.cameraStarting
      : state === "active"
        ? t.cameraActive
        : state === "denied"
          ? t.cameraDenied
          : state === "missing"
            ? t.cameraMissing
            : state === "failed"
              ? t.cameraFailed
              : null;
  const problem = state === "denied" || state === "missing" || state === "failed";

  return (
    <section aria-labelledby="scanner-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="scanner-heading" className="text-xl font-semibold">
          {t.scanner}
        </h2>
        {state === "active" ? (
          <button
            type="button"
            onClick={() => void stop()}
            className="rounded-md border-2 border-ink px-4 py-2 font-semibold"
          >
            {t.stopCamera}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void start()}
            disabled={state === "starting"}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-white disabled:opacity-70"
          >
            {t.startCamera}
          </button>
        )}
      </div>
      {message && (
        <p
          role={problem ? "alert" : undefined}
          className={
            problem
              ? "rounded-md border-2 border-warning bg-white p-3 font-medium text-warning"
              : "text-ink-muted"
          }
        >
          {message}
        </p>
      )}
      <div
        id={SCANNER_ELEMENT_ID}
        className={
          state === "active" || state === "starting"
            ? "overflow-hidden rounded-lg bg-ink"
            : "hidden"
        }
      />
    </section>
  );
}
