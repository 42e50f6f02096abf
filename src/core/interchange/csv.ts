// Writing CSV (RFC 4180) and SDMX-CSV period codes. Pure.

/**
 * One CSV field: quoted when it holds a delimiter (the comma, or the semicolon a Vietnamese Excel splits on), a quote
 * or a line break; a leading = + - @ (or tab, carriage return) is defused for spreadsheets. Every CSV chitieu writes,
 * on the server and in the web app, goes through this one function.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let t = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet (CSV injection, OWASP); numbers keep their sign.
  if (/^[=+\-@\t\r]/.test(t) && !/^-?\d[\d.,]*$/.test(t)) t = `'${t}`;
  return /[",;\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** chitieu's period code as SDMX writes it: 2026-M03 → 2026-03, 2026-H1 → 2026-S1; others are the same. */
export function sdmxPeriod(code: string): string {
  return code.replace(/-M(\d\d)$/, '-$1').replace(/-H([12])$/, '-S$1');
}

/** SDMX OBS_STATUS (cross-domain code list CL_OBS_STATUS): A normal, P provisional, E estimated. */
export function sdmxStatus(stage: string): string {
  return stage === 'official' ? 'A' : stage === 'preliminary' ? 'P' : 'E';
}
