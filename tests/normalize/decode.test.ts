import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, InputError } from '../../scripts/normalize/decode.ts';

const SIMPLIFIED =
  '新华社北京3月6日电 十四届全国人大二次会议6日下午在北京举行记者会，国家发展和改革委员会主任就经济社会发展相关问题回答中外记者提问。他说，今年我国经济工作要坚持稳中求进，推动高质量发展。';
const SIMPLIFIED_2 =
  '记者从国家统计局了解到，一季度全国规模以上工业增加值同比增长，消费市场持续恢复，就业形势总体稳定，居民收入继续增加。';
const TRADITIONAL =
  '新華社記者報導，中國經濟穩中向好。據統計，今年第一季國內生產總值比去年同期成長，出口訂單持續增加，專家表示，這說明經濟發展的基本面沒有改變，市場對未來前景仍然充滿信心。';
const TRADITIONAL_2 =
  '記者在現場看到，許多民眾前往參觀展覽，了解當地歷史文化。主辦單位表示，這次活動將持續到下個月底。';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const encode = (s: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(s, encoding));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const accepts = (encoding: string, bytes: Uint8Array): boolean => {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const thrown = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
};

describe('decodeBytes: encodings', () => {
  it('decodes plain UTF-8 without a BOM', () => {
    const text = `${SIMPLIFIED}\n${SIMPLIFIED_2}\n`;
    expect(decodeBytes(utf8(text), 'a.txt')).toEqual({ text, encoding: 'utf-8', bom: false, lineEnds: 'lf' });
  });

  it('removes a UTF-8 BOM and reports it', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(SIMPLIFIED));
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: SIMPLIFIED, encoding: 'utf-8', bom: true, lineEnds: 'none' });
  });

  it('decodes UTF-16LE with a BOM, including ASCII whose bytes contain NULs', () => {
    const text = `2024年3月6日 Xinhua\n${SIMPLIFIED}`;
    const bytes = concat(new Uint8Array([0xff, 0xfe]), encode(text, 'utf-16le'));
    expect(bytes).toContain(0);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text, encoding: 'utf-16le', bom: true, lineEnds: 'lf' });
  });

  it('decodes UTF-16BE with a BOM, including a supplementary-plane character', () => {
    const text = `${TRADITIONAL}\r\n𠮷野家`;
    const bytes = concat(new Uint8Array([0xfe, 0xff]), encode(text, 'utf-16be'));
    expect(decodeBytes(bytes, 'a.txt')).toEqual({
      text: `${TRADITIONAL}\n𠮷野家`,
      encoding: 'utf-16be',
      bom: true,
      lineEnds: 'crlf',
    });
  });

  it('detects GB18030 by its Simplified characters even when Big5 also accepts the bytes', () => {
    const text = `${SIMPLIFIED}\n${SIMPLIFIED_2}`;
    const bytes = encode(text, 'gb18030');
    expect(accepts('utf-8', bytes)).toBe(false);
    expect(accepts('big5', bytes)).toBe(true); // so the choice is made by plausibility
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text, encoding: 'gb18030', bom: false, lineEnds: 'lf' });
  });

  it('decodes GB18030 four-byte sequences', () => {
    const text = `${SIMPLIFIED}𠮷€`;
    const bytes = encode(text, 'gb18030');
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('detects Big5 by its Traditional characters even when GB18030 also accepts the bytes', () => {
    const text = `${TRADITIONAL}\n${TRADITIONAL_2}`;
    const bytes = encode(text, 'big5');
    expect(accepts('utf-8', bytes)).toBe(false);
    expect(accepts('gb18030', bytes)).toBe(true); // so the choice is made by plausibility
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text, encoding: 'big5', bom: false, lineEnds: 'lf' });
  });

  it('decodes Traditional text stored as GB18030 as GB18030', () => {
    const bytes = encode(TRADITIONAL, 'gb18030');
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text: TRADITIONAL, encoding: 'gb18030' });
  });

  it('prefers GB18030 when the text gives no evidence either way', () => {
    // A1 A1 is an ideographic space in GB18030 and a symbol in Big5: no CJK characters either way.
    const bytes = concat(utf8('Page 1 '), new Uint8Array([0xa1, 0xa1]), utf8(' end'));
    expect(accepts('big5', bytes)).toBe(true);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: 'Page 1 \u3000 end', encoding: 'gb18030', bom: false, lineEnds: 'none' });
  });
});

describe('decodeBytes: line ends', () => {
  it('turns CRLF into LF and reports crlf', () => {
    const bytes = encode(`${SIMPLIFIED}\r\n${SIMPLIFIED_2}\r\n`, 'gb18030');
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text: `${SIMPLIFIED}\n${SIMPLIFIED_2}\n`, lineEnds: 'crlf' });
  });

  it('turns lone CR into LF and reports cr', () => {
    const bytes = utf8(`${SIMPLIFIED}\r${SIMPLIFIED_2}\r\r`);
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text: `${SIMPLIFIED}\n${SIMPLIFIED_2}\n\n`, lineEnds: 'cr' });
  });

  it('reports mixed line ends and normalizes each kind', () => {
    const bytes = utf8('一\r\n二\n三\r四');
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ text: '一\n二\n三\n四', lineEnds: 'mixed' });
  });

  it('treats CR LF split across a CRLF pair correctly (\\r\\r\\n is CR then CRLF)', () => {
    expect(decodeBytes(utf8('甲\r\r\n乙'), 'a.txt')).toMatchObject({ text: '甲\n\n乙', lineEnds: 'mixed' });
  });

  it('reports none for a single line', () => {
    expect(decodeBytes(utf8(SIMPLIFIED), 'a.txt').lineEnds).toBe('none');
  });
});

describe('decodeBytes: bad input', () => {
  it('rejects a NUL byte as not text, with its byte offset and line', () => {
    const prefix = utf8('第一行标题\n第二行正文');
    const bytes = concat(prefix, new Uint8Array([0x00, 0x01, 0x02]), utf8('尾'));
    const err = thrown(() => decodeBytes(bytes, '007.txt'));
    expect(err.message).toBe(`007.txt: not a text file: NUL byte at byte offset ${prefix.length}`);
    expect(err.file).toBe('007.txt');
    expect(err.offset).toBe(prefix.length);
    expect(err.line).toBe(2);
  });

  it('rejects a NUL byte in an otherwise GB18030 file', () => {
    const prefix = encode(SIMPLIFIED, 'gb18030');
    const err = thrown(() => decodeBytes(concat(prefix, new Uint8Array([0])), 'a.txt'));
    expect(err.offset).toBe(prefix.length);
  });

  it('names the file, first invalid byte offset and line when no decoder accepts the bytes', () => {
    // Valid UTF-8 for three lines (with CRLF and lone CR line ends), then 0xFF, which no decoder accepts.
    const prefix = utf8(`${SIMPLIFIED}\r\n${SIMPLIFIED_2}\r第三行`);
    const bytes = concat(prefix, new Uint8Array([0xff, 0x41]));
    const err = thrown(() => decodeBytes(bytes, '000.txt'));
    expect(err.message).toBe(
      `000.txt: not valid UTF-8, GB18030 or Big5 text (first invalid byte at offset ${prefix.length}, line 3)`,
    );
    expect(err.file).toBe('000.txt');
    expect(err.offset).toBe(prefix.length);
    expect(err.line).toBe(3);
  });

  it('reports the first invalid UTF-8 sequence in random bytes, as a UTF-8 decoder sees it', () => {
    let seed = 12345;
    const random = new Uint8Array(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      random[i] = 1 + ((seed >>> 16) % 255); // 1..255: no NUL
    }
    const prefix = utf8(`${SIMPLIFIED}\n${SIMPLIFIED_2}\n`);
    const bytes = concat(prefix, random);
    expect(accepts('gb18030', bytes) || accepts('big5', bytes)).toBe(false);
    // Independent oracle: the first U+FFFD of a lenient decode, converted back to a byte offset.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const expected = new TextEncoder().encode(lenient.slice(0, lenient.indexOf('\uFFFD'))).length;
    const expectedLine = lenient.slice(0, lenient.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    expect(expected).toBeGreaterThanOrEqual(prefix.length);
    const err = thrown(() => decodeBytes(bytes, 'noise.bin'));
    expect(err.offset).toBe(expected);
    expect(err.line).toBe(expectedLine);
    expect(err.message).toContain('noise.bin:');
    expect(err.message).toContain(`first invalid byte at offset ${expected}, line ${expectedLine}`);
  });

  it('points at the start of a truncated UTF-8 sequence, not at the byte after it', () => {
    const prefix = utf8('中文');
    // E4 B8 starts 中 but is cut short by ASCII; the FF makes GB18030 and Big5 fail too.
    const bytes = concat(prefix, new Uint8Array([0xe4, 0xb8, 0x41, 0xff]));
    const err = thrown(() => decodeBytes(bytes, 'a.txt'));
    expect(err.offset).toBe(prefix.length);
    expect(err.line).toBe(1);
  });

  it('rejects a GB18030 file with a stray byte instead of reading it as Big5', () => {
    const gb = new Uint8Array(iconv.encode('第一行 abc\n新华社北京3月6日电 记者\n正文第三行\n', 'gb18030'));
    for (const stray of [0xff, 0xfe]) {
      const err = thrown(() => decodeBytes(concat(gb, new Uint8Array([stray, 0x0a])), 'gb.txt'));
      expect(err.offset, `stray 0x${stray.toString(16)}`).toBe(gb.length);
      expect(err.line).toBe(4);
    }
  });

  it('treats overlong forms and encoded surrogates as invalid UTF-8', () => {
    const prefix = utf8('第一行\n');
    for (const bad of [[0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]) {
      const bytes = concat(prefix, new Uint8Array([...bad, 0xff]));
      const err = thrown(() => decodeBytes(bytes, 'a.txt'));
      expect(err.offset).toBe(prefix.length);
      expect(err.line).toBe(2);
    }
  });

  it('rejects invalid bytes after a UTF-8 BOM instead of guessing another encoding', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), encode(SIMPLIFIED, 'gb18030'));
    const err = thrown(() => decodeBytes(bytes, 'a.txt'));
    expect(err.offset).toBe(3);
    expect(err.message).toContain('UTF-8 BOM');
  });

  it('rejects UTF-16 with a dangling odd byte', () => {
    const bytes = concat(new Uint8Array([0xff, 0xfe]), encode('第一行\n第二行', 'utf-16le'), new Uint8Array([0x41]));
    const err = thrown(() => decodeBytes(bytes, 'a.txt'));
    expect(err.offset).toBe(bytes.length - 1);
    expect(err.line).toBe(2);
  });
});

describe('decodeBytes: empty and large input', () => {
  it('decodes an empty file to an empty UTF-8 string', () => {
    expect(decodeBytes(new Uint8Array(0), 'e.txt')).toEqual({ text: '', encoding: 'utf-8', bom: false, lineEnds: 'none' });
  });

  it('decodes a file holding only a BOM to an empty UTF-8 string', () => {
    for (const bom of [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]) {
      expect(decodeBytes(new Uint8Array(bom), 'e.txt')).toEqual({ text: '', encoding: 'utf-8', bom: true, lineEnds: 'none' });
    }
  });

  it('decodes a 4 MB GB18030 file with CRLF line ends', () => {
    const line = `${SIMPLIFIED}${SIMPLIFIED_2}`;
    const lines: string[] = [];
    let size = 0;
    while (size < 4 * 1024 * 1024) {
      const numbered = `${lines.length + 1}. ${line}`;
      lines.push(numbered);
      size += encode(numbered, 'gb18030').length + 2;
    }
    const bytes = encode(lines.join('\r\n') + '\r\n', 'gb18030');
    expect(bytes.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    const decoded = decodeBytes(bytes, 'big.txt');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.lineEnds).toBe('crlf');
    expect(decoded.text).toBe(lines.join('\n') + '\n');
  });

  it('decodes a 4 MB Big5 file', () => {
    const lines: string[] = [];
    const lineBytes = encode(`0000000 ${TRADITIONAL}\n`, 'big5').length;
    for (let i = 0; lines.length * lineBytes < 4 * 1024 * 1024 + lineBytes; i++) lines.push(`${String(i).padStart(7, '0')} ${TRADITIONAL}`);
    const bytes = encode(lines.join('\n'), 'big5');
    expect(bytes.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    const decoded = decodeBytes(bytes, 'big.txt');
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(lines.join('\n'));
  });
});
