/**
 * Decode one input file's raw bytes to a JavaScript string: detect the encoding (BOM,
 * UTF-8, GB18030 or Big5), drop the BOM and turn every line end into `\n`.
 * Pure: takes bytes, returns data; reading the file is the caller's job.
 */

/** A problem with one input file that stops it from being read as text. */
export class InputError extends Error {
  /** The file the problem is in, as given to the decoder. */
  readonly file: string;
  /** 0-based byte offset of the problem in the file, when known. */
  readonly offset?: number;
  /** 1-based line of the problem, when known. */
  readonly line?: number;

  constructor(message: string, file: string, where?: { offset?: number; line?: number }) {
    super(message);
    this.name = 'InputError';
    this.file = file;
    if (where?.offset !== undefined) this.offset = where.offset;
    if (where?.line !== undefined) this.line = where.line;
  }
}

/** The result of decoding one file. */
export interface Decoded {
  /** The text, without BOM, with `\n` line ends. */
  text: string;
  /** `utf-8`, `gb18030`, `big5`, `utf-16le` or `utf-16be`. */
  encoding: string;
  /** Whether the file started with a byte order mark. */
  bom: boolean;
  /** Which line ends the file used before normalization. */
  lineEnds: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

/**
 * About 470 of the most common characters in Simplified Chinese text, and their Traditional
 * forms (several where one Simplified character stands for more than one Traditional one).
 * A correctly decoded Chinese text has a large share of its characters in these lists;
 * GB18030 bytes read as Big5, or Big5 bytes read as GB18030, give rare characters instead.
 */
const COMMON_SIMPLIFIED =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切随';
const COMMON_TRADITIONAL =
  '的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡裏後小麼心多天而能好都然沒日於起還發髮成事隻作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做係繫計或司利受光王果親界及今京務製解各任至清物臺象記邊共風戰幹乾接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷曆越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離雖壞興切隨';

/** 1 at the UTF-16 code unit of every common character (all of them are in the BMP). */
const COMMON = new Uint8Array(0x10000);
for (const ch of COMMON_SIMPLIFIED + COMMON_TRADITIONAL) COMMON[ch.charCodeAt(0)] = 1;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });
const BIG5 = new TextDecoder('big5', { fatal: true });

/**
 * Decode one input file's bytes to a string with `\n` line ends and no BOM.
 *
 * A UTF-8, UTF-16LE or UTF-16BE BOM decides the encoding. Without one, valid UTF-8 is
 * UTF-8; otherwise the bytes are decoded as GB18030 and as Big5 and, when both succeed,
 * the decoding with the larger share of common Chinese characters wins (GB18030 on a tie).
 * Empty input (no bytes, or only a BOM) gives `''` with encoding `utf-8`.
 *
 * @throws {InputError} when the file contains a NUL byte (outside UTF-16), or when no
 *   decoder accepts it; the error carries the byte `offset` and 1-based `line`.
 * @example
 * const bytes = new TextEncoder().encode('\uFEFF新华社北京3月6日电\r\n记者');
 * decodeBytes(bytes, '000.txt');
 * // → { text: '新华社北京3月6日电\n记者', encoding: 'utf-8', bom: true, lineEnds: 'crlf' }
 */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, file, 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, file, 'utf-16be');
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  if (bytes.length === start) return { text: '', encoding: 'utf-8', bom, lineEnds: 'none' };

  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    throw new InputError(`${file}: not a text file: NUL byte at byte offset ${nul}`, file, {
      offset: nul,
      line: lineOfByte(bytes, nul),
    });
  }

  const body = bytes.subarray(start);
  const utf8 = tryDecode(UTF8, body);
  if (utf8 !== undefined) return finish(utf8, 'utf-8', bom);
  if (bom) {
    const offset = firstInvalidUtf8(bytes, start);
    throw new InputError(
      `${file}: not valid UTF-8 text although it starts with a UTF-8 BOM (first invalid byte at offset ${offset}, line ${lineOfByte(bytes, offset)})`,
      file,
      { offset, line: lineOfByte(bytes, offset) },
    );
  }

  const gb = tryDecode(GB18030, body);
  // Node's Big5 decoder accepts bytes the Encoding Standard rejects (0x80 → U+0080, 0xFF →
  // U+F8F8): a decoding with C1 controls or private-use characters is not text.
  const big5Raw = tryDecode(BIG5, body);
  const big5 = big5Raw !== undefined && !/[\u0080-\u009f\ue000-\uf8ff]/u.test(big5Raw) ? big5Raw : undefined;
  if (gb !== undefined && big5 !== undefined) {
    const g = commonShare(gb);
    const t = commonShare(big5);
    // Compare common/scored shares by cross-multiplying: exact, and 0/0 counts as 0.
    const big5Wins = t.common * g.scored > g.common * t.scored;
    return big5Wins ? finish(big5, 'big5', false) : finish(gb, 'gb18030', false);
  }
  if (gb !== undefined) return finish(gb, 'gb18030', false);
  if (big5 !== undefined) return finish(big5, 'big5', false);

  // Name the bad byte in the encoding the file is written in: UTF-8 when what precedes its first
  // invalid byte is Chinese text in UTF-8, else whichever of GB18030 and Big5 reads further.
  const utf8Stop = firstInvalidUtf8(bytes, 0);
  const utf8Prefix = tryDecode(UTF8, bytes.subarray(start, utf8Stop)) ?? '';
  const offset = /\p{Script=Han}/u.test(utf8Prefix) ? utf8Stop : Math.max(utf8Stop, firstInvalidWith(GB18030_STREAM, bytes), firstInvalidWith(BIG5_STREAM, bytes));
  const line = lineOfByte(bytes, offset);
  throw new InputError(
    `${file}: not valid UTF-8, GB18030 or Big5 text (first invalid byte at offset ${offset}, line ${line})`,
    file,
    { offset, line },
  );
}

const GB18030_STREAM = 'gb18030';
const BIG5_STREAM = 'big5';

/**
 * The offset of the first byte an encoding cannot decode: the longest prefix that decodes (as
 * a stream, so a character cut at the end of the prefix is not an error), found by bisection.
 */
function firstInvalidWith(encoding: string, bytes: Uint8Array): number {
  const decodes = (n: number): boolean => {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return encoding !== BIG5_STREAM || !/[\u0080-\u009f\ue000-\uf8ff]/u.test(text);
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix may end inside a character whose next byte is the bad one (or the input ends
  // there): point at the first byte of that character.
  for (let n = lo; n >= Math.max(0, lo - 4); n--) {
    if (n < bytes.length && tryDecode(new TextDecoder(encoding, { fatal: true }), bytes.subarray(0, n)) !== undefined) return n;
  }
  return lo;
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, file: string, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length === 2) return { text: '', encoding: 'utf-8', bom: true, lineEnds: 'none' };
  const text = tryDecode(encoding === 'utf-16le' ? UTF16LE : UTF16BE, bytes.subarray(2));
  if (text === undefined) {
    const { offset, line } = firstInvalidUtf16(bytes, encoding === 'utf-16le');
    throw new InputError(
      `${file}: not valid ${encoding.toUpperCase()} text (first invalid byte at offset ${offset}, line ${line})`,
      file,
      { offset, line },
    );
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const offset = 2 + 2 * nul; // every UTF-16 code unit is two bytes
    const line = countLineEnds(text.slice(0, nul)) + 1;
    throw new InputError(`${file}: not a text file: NUL character at byte offset ${offset}`, file, {
      offset,
      line,
    });
  }
  return finish(text, encoding, true);
}

function finish(raw: string, encoding: string, bom: boolean): Decoded {
  if (raw.indexOf('\r') === -1) {
    return { text: raw, encoding, bom, lineEnds: raw.indexOf('\n') === -1 ? 'none' : 'lf' };
  }
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) {
      if (raw.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else {
        cr++;
      }
    } else if (c === 10) {
      lf++;
    }
  }
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  const lineEnds = kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : 'cr';
  // `\r\n?` cannot backtrack: one pass over the string.
  return { text: raw.replace(/\r\n?/g, '\n'), encoding, bom, lineEnds };
}

/**
 * How many of the text's scored characters are common Chinese characters. Scored are
 * CJK ideographs (BMP and, via their high surrogate, supplementary planes) and also kana,
 * hangul and private-use characters, which in a Chinese news text are signs of a wrong
 * decoding (GB18030 maps Big5 bytes onto kana and private-use code points, for instance).
 */
function commonShare(text: string): { common: number; scored: number } {
  let common = 0;
  let scored = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3040) continue;
    if (
      c <= 0x30ff || // hiragana, katakana
      (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
      (c >= 0xd800 && c <= 0xdbff) || // high surrogate: one supplementary character
      (c >= 0xe000 && c <= 0xfaff) // private use, CJK compatibility ideographs
    ) {
      scored++;
      common += COMMON[c]!;
    }
  }
  return { common, scored };
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8 sequence (the
 * position where a WHATWG decoder emits its first U+FFFD), or -1 if all bytes are valid.
 */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong forms
      else if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // no overlong forms
      else if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const cont = bytes[i + k]!;
      if (cont < 0x80 || cont > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Offset and line of the first unpaired surrogate or dangling odd byte after a UTF-16 BOM. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): { offset: number; line: number } {
  const n = bytes.length;
  const unit = (i: number): number =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  let line = 1;
  let i = 2;
  while (i + 1 < n) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return { offset: i, line };
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= n) return { offset: i, line };
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return { offset: i, line };
      i += 4;
      continue;
    }
    if (u === 10) line++;
    else if (u === 13 && !(i + 3 < n && unit(i + 2) === 10)) line++;
    i += 2;
  }
  return { offset: i, line }; // a dangling last byte
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = bytes[i];
    if (c === 10) line++;
    else if (c === 13 && bytes[i + 1] !== 10) line++;
  }
  return line;
}

function countLineEnds(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
