// The controls that reorder how text is displayed: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
// and the direction marks (U+200E, U+200F, U+061C). Vietnamese never needs them; in a name, a reason or a note a
// right-to-left override makes "%59" read "95%", on screen and in the official .docx/.xlsx. Text entered through the
// API (json-body.ts) and the figure files (import-figures.ts) is refused when it holds one.
const REORDERING_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function hasReorderingControl(text: string): boolean {
  return REORDERING_CONTROL.test(text);
}

export const REORDERING_REASON = {
  vi: 'chứa ký tự điều khiển hướng chữ (như U+202E), có thể làm đảo thứ tự chữ và số khi hiển thị',
  en: 'holds a bidirectional control character (such as U+202E) that can reorder what is displayed',
};
