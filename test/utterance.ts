// A stand-in for SpeechSynthesisUtterance: the real one refuses plain objects as voices and does not
// exist in Node; tests read the text, rate and voice a line was handed over with, and end it.

export class StandInUtterance extends EventTarget {
  rate = 1;
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  constructor(readonly text: string) {
    super();
  }
}
