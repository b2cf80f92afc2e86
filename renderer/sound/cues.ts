// Sounds generated in code with Web Audio oscillators (no audio files): one distinct cue per outcome, so a
// clerk looking at the resident still hears what the screen says.
import type { ScanOutcomeKind } from '../../shared/counter/outcomes';

export type Cue = ScanOutcomeKind | 'done' | 'error';

interface Tone {
  readonly freq: number;
  readonly ms: number;
  readonly type: OscillatorType;
  /** Silence after the tone. */
  readonly gapMs?: number;
  readonly gain?: number;
}

const CUES: Record<Cue, readonly Tone[]> = {
  // Two rising tones: go ahead.
  ok: [
    { freq: 660, ms: 110, type: 'sine', gapMs: 30 },
    { freq: 990, ms: 160, type: 'sine' },
  ],
  // Three harsh pulses: stop, already handed over.
  'already-handed-over': [
    { freq: 330, ms: 140, type: 'square', gapMs: 60, gain: 0.12 },
    { freq: 330, ms: 140, type: 'square', gapMs: 60, gain: 0.12 },
    { freq: 330, ms: 140, type: 'square', gain: 0.12 },
  ],
  // Falling "ding-dong": direct the resident elsewhere.
  'other-venue': [
    { freq: 880, ms: 180, type: 'triangle', gapMs: 20 },
    { freq: 587, ms: 260, type: 'triangle' },
  ],
  // One long low buzz.
  'not-in-ledger': [{ freq: 140, ms: 550, type: 'sawtooth', gain: 0.12 }],
  // Two low even tones.
  'not-received': [
    { freq: 392, ms: 200, type: 'sine', gapMs: 90 },
    { freq: 392, ms: 200, type: 'sine' },
  ],
  // Two low falling tones.
  returned: [
    { freq: 392, ms: 200, type: 'sine', gapMs: 90 },
    { freq: 262, ms: 260, type: 'sine' },
  ],
  // Two low falling tones, the second longer and lower: do not hand over, call the lead.
  damaged: [
    { freq: 392, ms: 200, type: 'sine', gapMs: 90 },
    { freq: 196, ms: 360, type: 'sine' },
  ],
  // Short double low buzz.
  malformed: [
    { freq: 110, ms: 120, type: 'square', gapMs: 50, gain: 0.12 },
    { freq: 110, ms: 120, type: 'square', gain: 0.12 },
  ],
  // Three rising notes: recorded.
  done: [
    { freq: 523, ms: 90, type: 'sine', gapMs: 15 },
    { freq: 659, ms: 90, type: 'sine', gapMs: 15 },
    { freq: 784, ms: 180, type: 'sine' },
  ],
  error: [{ freq: 200, ms: 300, type: 'square', gain: 0.1 }],
};

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    context ??= new AudioContext();
  } catch {
    return null; // no audio device: the colours still say it
  }
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

export function playCue(cue: Cue): void {
  const ctx = audio();
  if (!ctx) return;
  let t = ctx.currentTime + 0.01;
  for (const tone of CUES[cue]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    const peak = tone.gain ?? 0.25;
    const end = t + tone.ms / 1000;
    // Short attack and release: no clicks.
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(peak, t + 0.01);
    gain.gain.setValueAtTime(peak, end - 0.02);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(end + 0.01);
    t = end + (tone.gapMs ?? 0) / 1000;
  }
}
