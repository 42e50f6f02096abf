// Unit names in running text per NĐ 30/2020/NĐ-CP Phụ lục II: the common noun is lower case and the proper name
// capitalised ("thành phố Hải Phòng", "xã An Lão"); the common noun is capitalised when the name is a number or a
// person's or historical event's name ("Quận 1", "Phường Điện Biên Phủ", "Thành phố Hồ Chí Minh"). The official
// name is stored once as the code list writes it and only re-cased here.
import type { UnitRecord } from './unit-code.ts';

/** Common nouns of unit types, longest first so "thành phố" wins over a shorter prefix. */
const TYPE_NOUNS = ['thành phố', 'đặc khu', 'thị trấn', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'] as const;

/** Splits "Thành phố Hải Phòng" into its common noun and proper name; undefined when no known noun leads. */
export function splitUnitName(name: string): { type: string; proper: string } | undefined {
  const lower = name.toLocaleLowerCase('vi');
  for (const noun of TYPE_NOUNS) {
    if (lower.startsWith(`${noun} `)) return { type: name.slice(0, noun.length), proper: name.slice(noun.length + 1) };
  }
  return undefined;
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * 'running' (default): "thành phố Hải Phòng" inside a sentence; 'heading': capitalised first letter, as at the start
 * of a sentence or in a table cell ("Thành phố Hải Phòng").
 */
export function displayName(
  unit: Pick<UnitRecord, 'name' | 'capitaliseType'>,
  context: 'running' | 'heading' = 'running',
): string {
  const parts = splitUnitName(unit.name);
  if (parts === undefined) return unit.name;
  const capitalise = context === 'heading' || unit.capitaliseType === true || /^\d+$/.test(parts.proper);
  const type = parts.type.toLocaleLowerCase('vi');
  return `${capitalise ? upperFirst(type) : type} ${parts.proper}`;
}
