#include "corpus_scan/text.hpp"

#include <cstring>

#include "byte_blocks.hpp"

namespace corpus_scan {

DecodedChar decode_utf8_multibyte(std::string_view s, std::size_t pos) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const std::size_t avail = s.size() - pos;
  const unsigned char c0 = p[0];
  const DecodedChar bad{kReplacementChar, 1, false};
  std::uint32_t need;
  char32_t cp;
  char32_t min;
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    need = 1; cp = c0 & 0x1F; min = 0x80;
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    need = 2; cp = c0 & 0x0F; min = 0x800;
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    need = 3; cp = c0 & 0x07; min = 0x10000;
  } else {
    return bad;  // continuation byte, C0/C1 overlong lead, or F5..FF
  }
  if (avail <= need) return bad;
  for (std::uint32_t i = 1; i <= need; ++i) {
    const unsigned char c = p[i];
    if ((c & 0xC0) != 0x80) return bad;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return bad;
  return {cp, need + 1, true};
}

DecodedChar decode_utf8_before_multibyte(std::string_view s, std::size_t pos) noexcept {
  // Walk back over at most three continuation bytes and accept the lead only if it decodes to
  // exactly the bytes up to pos; otherwise the byte before pos stands alone as U+FFFD.
  const std::size_t lo = pos >= 4 ? pos - 4 : 0;
  for (std::size_t start = pos; start-- > lo;) {
    const auto c = static_cast<unsigned char>(s[start]);
    if ((c & 0xC0) != 0x80) {
      const DecodedChar d = decode_utf8(s, start);
      if (d.valid && start + d.length == pos) return d;
      break;
    }
  }
  return {kReplacementChar, 1, false};
}

std::size_t encode_utf8(char32_t cp, unsigned char out[4]) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<unsigned char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    out[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
  out[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  return 4;
}

void append_utf8(std::string& out, char32_t cp) {
  unsigned char bytes[4];
  out.append(reinterpret_cast<const char*>(bytes), encode_utf8(cp, bytes));
}

// (Proving whole lines valid UTF-8 with 64-byte masks and counting their non-continuation bytes
// was measured and dropped: ~200 instructions a block, more than this walk over these lines.)
std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t ascii = blocks::ascii_prefix(s.substr(i));
    chars += ascii;
    i += ascii;
    if (i == s.size()) break;
    i += decode_utf8(s, i).length;
    ++chars;
  }
  return chars;
}

std::size_t valid_utf8_prefix(std::string_view s) noexcept {
  std::size_t i = blocks::ascii_prefix(s);
  while (i < s.size()) {
    const DecodedChar d = decode_utf8(s, i);
    if (!d.valid) return i;
    i += d.length;
    // Only a return to ASCII calls for the 16-byte scan: Chinese text is decoded character
    // after character, not scanned once per character for an ASCII run that is not there.
    if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) i += blocks::ascii_prefix(s.substr(i));
  }
  return i;
}

namespace {

// The positions of the line terminators of `text` (every CR, and every LF that does not follow a
// CR), 64 bytes at a time as masks (byte_blocks.hpp), handed to `take(positions, count)` a few
// hundred at a time. Each block's positions are written without a branch on how many it has:
// two slots a block (a text line and the blank line after it; a loop only for a third on), a
// slot past the count being overwritten later. A text without a CR (kCr false) looks for LFs only.
template <bool kCr, class Take>
void find_terminators(std::string_view text, Take take) {
  using namespace blocks;
  struct Terminators {
    std::uint64_t cr = 0, lf = 0;
    void merge(const Terminators& o, int k) {
      if constexpr (kCr) cr |= o.cr << k;
      lf |= o.lf << k;
    }
  };
  constexpr std::size_t kBuffered = 512;  // positions between two calls of take (a block adds up to 64)
  std::size_t at[kBuffered + 64];
  std::size_t buffered = 0;
  std::uint64_t cr_before = 0;  // the byte before the block is a CR
  for (Blocks b(text); b.next();) {
    const Terminators m = classify64<Terminators>(b.data(), [](Bytes x) {
      if constexpr (kCr) return Terminators{bits16(x == splat('\r')), bits16(x == splat('\n'))};
      else return Terminators{0, bits16(x == splat('\n'))};
    });
    std::uint64_t ends = m.lf >> b.skip();
    if constexpr (kCr) {
      const std::uint64_t cr = m.cr >> b.skip();
      ends = cr | (ends & ~shift_in(cr, cr_before));
    }
    if (buffered > kBuffered) {
      take(at, buffered);
      buffered = 0;
    }
    for (int k = 0; k < 2; ++k) {
      // (__builtin_ctzll of 0 is undefined, and std::countr_zero tests for it with a branch that
      // mispredicted: the top bit or-ed in gives a slot that is not counted some value)
      at[buffered] = b.base() + static_cast<std::size_t>(__builtin_ctzll(ends | (std::uint64_t{1} << 63)));
      buffered += ends != 0;
      ends &= ends - 1;
    }
    for (; ends != 0; ends &= ends - 1) at[buffered++] = b.base() + static_cast<std::size_t>(__builtin_ctzll(ends));
  }
  take(at, buffered);
}

}  // namespace

// The terminators are found as masks (find_terminators) instead of with a memchr per line, whose
// length-dependent branches mispredicted about once a line; a text without a CR (one memchr says
// so) looks for LFs only.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t begin = 0;
  const bool has_cr = n > 0 && std::memchr(data, '\r', n) != nullptr;
  const auto take = [&](const std::size_t* at, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t end = at[k];
      const std::size_t crlf =
          has_cr ? (data[end] == '\r') & (end + 1 < n) & (data[end + 1 < n ? end + 1 : end] == '\n') : 0;
      lines.push_back({begin, end, end + 1 + crlf});
      begin = end + 1 + crlf;
    }
  };
  if (has_cr) find_terminators<true>(text, take);
  else find_terminators<false>(text, take);
  if (begin < n) lines.push_back({begin, n, n});  // a last line without a terminator
  return lines;
}

bool is_cjk_ideograph(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool is_fullwidth_form(char32_t cp) noexcept { return cp >= 0xFF01 && cp <= 0xFF5E; }

bool is_cjk_punctuation(char32_t cp) noexcept {
  if (cp >= 0x3001 && cp <= 0x3003) return true;   // 、。〃
  if (cp >= 0x3008 && cp <= 0x3011) return true;   // 〈〉《》「」『』【】
  if (cp >= 0x3014 && cp <= 0x301F) return true;   // 〔〕〖〗〘〙〚〛〜〝〞〟
  if (cp == 0x30FB) return true;                    // katakana middle dot
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;   // ！＂＃＄％＆＇（）＊＋，－．／
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;   // ：；＜＝＞？＠
  if (cp >= 0xFF3B && cp <= 0xFF40) return true;
  if (cp >= 0xFF5B && cp <= 0xFF65) return true;
  return false;
}

bool is_horizontal_space(char32_t cp) noexcept {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_invisible(char32_t cp) noexcept {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x00AD || cp == 0x180E || (cp >= 0x2061 && cp <= 0x2064) || cp == 0x200E ||
         cp == 0x200F;
}

bool is_blank(std::string_view line) noexcept {
  std::size_t i = 0;
  while (i < line.size()) {
    const DecodedChar d = decode_utf8(line, i);
    if (!is_horizontal_space(d.cp) && !is_invisible(d.cp)) return false;
    i += d.length;
  }
  return true;
}

}  // namespace corpus_scan
