// Folds Vietnamese text for search: "Tăng trưởng Đống Đa" and "tang truong dong da" match. NFD then strip marks;
// đ/Đ need their own rule because U+0111 has no canonical decomposition.
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Every word of the query occurs, folded, somewhere in the haystack. */
export function matches(haystack: string, query: string): boolean {
  const h = fold(haystack);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => h.includes(w));
}
