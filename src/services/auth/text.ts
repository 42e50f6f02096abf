// Text as stored: NFC-normalised, so "Hải Phòng" typed on any keyboard compares equal.
export function nfc(text: string): string {
  return text.normalize('NFC');
}
