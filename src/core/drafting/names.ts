// Reads an indicator's name from the words around its figure: before it ("Tỷ lệ lao động qua đào tạo đạt 50%"),
// or after it when the statement starts with the figure ("trên 80% dân số có tài khoản thanh toán điện tử").

/** Words that open a statement without naming anything: they are dropped from the front of a name. */
const LEADING =
  /^(?:[,.;:\s]|và\s|hoặc\s|đồng thời\s|trong đó\s|phấn đấu\s|Phấn đấu\s|bảo đảm\s|Bảo đảm\s|đảm bảo\s|Đảm bảo\s|(?:đến|Đến|tới|Tới|vào|Vào)\s+(?:năm\s+)?\d{4},?\s|năm\s+\d{4},?\s|giai đoạn\s+\d{4}\s*-\s*\d{4},?\s|Thành phố\s+phấn đấu\s|thành phố\s|(?:[Bb]ình quân\s+)?(?:[Mm]ỗi|[Hh]ằng|[Hh]àng)\s+năm,?\s|[Bb]ình quân\s+(?=mỗi|hằng|hàng)|[Gg]iảm\s+(?=tỷ lệ|số)|[Nn]âng\s+(?=tỷ lệ))+/u;

/** Verbs and linking words between a name and its figure ("đạt", "tăng bình quân", "chiếm khoảng"). */
const TRAILING =
  /(?:\s|,|:|đạt|tăng|giảm|bình quân|trưởng|tốc độ|chiếm|là|ở mức|(?<!trở\s)lên|xuống|có|tỷ lệ|hằng năm|hàng năm|mỗi năm|(?:đến|vào|tới)?\s*năm\s+\d{4}|giai đoạn\s+\d{4}\s*-\s*\d{4}|(?:trong\s+|cả\s+)?5 năm|(?:vào|đến)?\s*cuối (?:nhiệm kỳ|kỳ|giai đoạn)|phấn đấu|bảo đảm|duy trì|giữ vững|giữ|ổn định|gấp|nâng|thêm|từ|trên|dưới|khoảng|cho|còn)+$/u;

/** Measures that are an average by nature: "bình quân" after them is part of their name. */
const AVERAGE_MEASURE = /(?:tuổi thọ|thu nhập|tiền lương|mức lương|nhà ở)$/iu;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The name before a figure, or "" when only verbs and years stand there. */
export function nameBefore(pre: string): string {
  // "…đạt 2% GRDP, trong đó kinh phí từ xã hội chiếm hơn 60%": the sub-target's name starts after "trong đó".
  let s = tidy(pre).replace(/^.*(?:^|[\s,])[Tt]rong đó(?:[,:]?\s|[,:]?$)/u, '');
  const written = s;
  for (let i = 0; i < 3; i++) s = s.replace(LEADING, '').replace(TRAILING, '').trim();
  // "Tuổi thọ bình quân đạt 76 tuổi", "Thu nhập bình quân đạt …": the average is the measure's own name, not a growth.
  const averaged = new RegExp(String.raw`^${escape(s)}\s+(bình quân|trung bình)(?!\p{L})`, 'u').exec(written);
  if (averaged && AVERAGE_MEASURE.test(s)) s = `${s} ${averaged[1] ?? ''}`;
  // "Cơ cấu kinh tế đến năm 2025: khu vực nông, lâm, thủy sản": the year belongs to the target, not to its name.
  s = s.replace(/\s*(?:(?:đến|vào|tới)\s+)?năm\s+(?:19|20|21)\d\d(?=[\s,:]|$)/gu, '').trim();
  return s.replace(/^\(\d+\)\s*/, '');
}

/** The name after a figure: up to the next figure's statement, a year phrase, or the end of the clause. */
export function nameAfter(post: string): string {
  const s = tidy(post)
    .replace(/^(?:[,.;:\s]|của\s|(?:vào|đến|tới)\s+năm\s+\d{4}\s*)+/u, '')
    .replace(/^(?:và|hoặc)(?:\s+|$)/u, '')
    .split(
      /\s(?:vào|đến|tới)\s+năm\s+\d{4}|\s(?:trong\s+)?(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+\d{4}|,\s(?=(?:tỷ lệ|số|chỉ số|doanh thu|tổng|kim ngạch|thu ngân sách)(?:\s|$))|,?\s*trong đó(?=[\s,:]|$)/u,
    )[0];
  // "(năm 2025 đạt …": a bracket or a year is not a name.
  if (/^(?:\(|năm\s+\d{4})/u.test(s ?? '')) return '';
  return (s ?? '').replace(/(?:[,.;:\s]+|\s+(?:và|hoặc))+$/u, '');
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : (s[0] ?? '').toLocaleUpperCase('vi') + s.slice(1);
}

/** A name worth keeping has at least two words that are not just a verb ("Thành lập", "Hoàn thành"). */
export function isWeakName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  // "GRDP", "FDI", "HDI": one word written in capitals is a name.
  if (words.length === 1 && /^\p{Lu}[\p{Lu}\d]+$/u.test(words[0] ?? '')) return false;
  return (
    words.length < 2 || /^(?:thành lập|hoàn thành|xây dựng|có|thêm|đạt|tạo|kết nạp|thu hút|đón|đón tiếp)$/iu.test(name)
  );
}

/** Words that say where, not what: "khu vực nông thôn", "đô thị", "vùng ven biển". */
const AREA = String.raw`(?:khu vực\s+|vùng\s+)?(?:đô thị|thành thị|nông thôn|miền núi|ven biển|đồng bằng|hải đảo)`;

/** The area a name only says ("Khu vực nông thôn", "Nông thôn", "ở nông thôn"), or null for a name of a measure. */
export function areaOnly(name: string): string | null {
  const m = new RegExp(String.raw`^(?:(?:ở|tại)\s+)?(${AREA})$`, 'iu').exec(name.trim());
  return m ? (m[1] ?? '').toLocaleLowerCase('vi') : null;
}

/**
 * The measure of `name` in another area: the area it names is replaced ("… khu vực đô thị …" → "… khu vực nông thôn
 * …"), else the area is added ("Tỷ lệ hộ dùng nước sạch" → "Tỷ lệ hộ dùng nước sạch khu vực nông thôn"). "Đô thị hóa"
 * is a measure, not an area.
 */
export function withArea(name: string, area: string): string {
  const bare = area.replace(/^(?:khu vực|vùng)\s+/u, '');
  const inName = new RegExp(
    String.raw`(?<=\s)(?:khu vực\s+|vùng\s+)?(?:đô thị|thành thị|nông thôn|miền núi|ven biển|đồng bằng|hải đảo)(?!\s*hóa|\s*hoá)(?!\p{L})`,
    'iu',
  );
  const m = inName.exec(name);
  if (m)
    return (
      name.slice(0, m.index) +
      m[0].replace(/(?:đô thị|thành thị|nông thôn|miền núi|ven biển|đồng bằng|hải đảo)$/iu, bare) +
      name.slice(m.index + m[0].length)
    );
  return `${name} ${/^(?:khu vực|vùng)\s/u.test(area) ? area : `khu vực ${area}`}`;
}
