let audio: AudioContext | null = null;

/**
 * Vibration and a short tone where the browser allows them, so the result reaches staff
 * looking at the queue rather than at the phone: one high beep for "let in", two low
 * buzzes for anything else. Both are best effort and silently skipped when unavailable.
 */
export function feedback(kind: "good" | "bad") {
  try {
    navigator.vibrate?.(kind === "good" ? 120 : [90, 60, 90, 60, 90]);
  } catch {
    // Some browsers throw instead of ignoring vibrate() without user activation.
  }
  try {
    audio ??= new AudioContext();
    const context = audio;
    const tones =
      kind === "good"
        ? [{ at: 0, hz: 1320 }]
        : [
            { at: 0, hz: 220 },
            { at: 0.22, hz: 220 },
          ];
    for (const tone of tones) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = kind === "good" ? "sine" : "square";
      oscillator.frequency.value = tone.hz;
      gain.gain.value = 0.08;
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + tone.at);
      oscillator.stop(context.currentTime + tone.at + 0.15);
    }
  } catch {
    // No Web Audio (or not allowed yet): the coloured card is the feedback.
  }
}
