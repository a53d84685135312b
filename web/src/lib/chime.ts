// A short bright chime for TV mode's celebrations, made with the Web Audio API (no audio file to
// ship or cache): three bell-like notes rising, C6 E6 G6, each fading out. Browsers let a page
// play sound only after someone touched it, so the context is made (or woken) on the "Start"
// click, or on any later key or click when the TV came back into the show by itself.

let context: AudioContext | null = null;

/** Makes the audio context ready to play; call it from a click or key press. */
export function unlockSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    // No Web Audio here: celebrations stay silent.
  }
}

export function playChime(): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return; // not unlocked yet: silence rather than an error
  const start = ctx.currentTime + 0.02;
  [1046.5, 1318.5, 1568].forEach((frequency, i) => {
    const at = start + i * 0.16;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'triangle';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 1);
  });
}
