// Passes that make the bytes sane before any rule looks at words: invalid UTF-8, Unicode
// normalization, whitespace.
#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "byte_blocks.hpp"
#include "normalizer/passes.hpp"
#include "normalizer/script.hpp"

namespace corpus_scan::normalizer {

void find_invalid_utf8(std::string_view text, std::vector<Pending>& out) {
  std::size_t i = blocks::ascii_prefix(text);
  i += valid_utf8_prefix(text.substr(i));
  while (i < text.size()) {
    std::size_t j = i;
    std::string replacement;
    while (j < text.size() && !decode_utf8(text, j).valid) {
      append_utf8(replacement, kReplacementChar);
      ++j;
    }
    out.push_back({i, j, std::move(replacement), EditKind::LostChars});
    i = j + valid_utf8_prefix(text.substr(j));
  }
}

namespace {

// Which BMP code points ICU calls NFC-inert, 64 per word, each word filled on first use (64
// isInert calls) so a run pays only for the blocks its text uses. Filling is idempotent, so
// threads racing on a block store the same bits.
class InertTable {
 public:
  bool inert(const icu::Normalizer2& nfc, char32_t cp) noexcept {
    const std::size_t block = cp >> 6;
    if (!ready_[block].load(std::memory_order_acquire)) {
      std::uint64_t bits = 0;
      for (char32_t k = 0; k < 64; ++k) bits |= std::uint64_t{nfc.isInert(static_cast<UChar32>((block << 6) | k)) != 0} << k;
      mask_[block].store(bits, std::memory_order_relaxed);
      ready_[block].store(true, std::memory_order_release);
    }
    return (mask_[block].load(std::memory_order_relaxed) >> (cp & 63)) & 1;
  }

 private:
  std::array<std::atomic<std::uint64_t>, 0x10000 / 64> mask_{};
  std::array<std::atomic<bool>, 0x10000 / 64> ready_{};
};

}  // namespace

bool surely_nfc(std::string_view text) noexcept {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  static InertTable table;
  std::size_t i = 0;
  while (i < text.size()) {
    i += blocks::ascii_prefix(text.substr(i));
    if (i == text.size()) break;
    // U+4000-9FFF (CJK letters, lead bytes E4-E9, where any two continuation bytes are valid) are
    // all inert (tests/unit/normalizer_fast_test.cpp asks ICU for each): Chinese text is checked
    // three bytes at a time without decoding.
    const auto cjk_letter_at = [&](std::size_t k) {
      const auto byte = [&](std::size_t j) { return static_cast<unsigned char>(text[j]); };
      return k + 2 < text.size() && is_u4000_9fff(byte(k), byte(k + 1), byte(k + 2));
    };
    if (cjk_letter_at(i)) {
      do i += 3;
      while (cjk_letter_at(i));
      continue;
    }
    const DecodedChar d = decode_utf8(text, i);
    // Below U+0300 every character is NFC_QC=Yes with combining class 0.
    if (!d.valid || d.cp > 0xFFFF || (d.cp >= 0x300 && !table.inert(*nfc, d.cp))) return false;
    i += d.length;
  }
  return true;
}

void find_unicode(std::string_view text, UnicodeForm form, std::vector<Pending>& out) {
  if (form == UnicodeForm::None || all_ascii(text) || text.size() > INT32_MAX) return;
  // Curly quotes, dashes and Chinese letters, nearly all the non-ASCII text here, are inert: a
  // table look-up per character instead of ICU's quick check over the whole line.
  if (form == UnicodeForm::NFC && surely_nfc(text)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = form == UnicodeForm::NFKC ? icu::Normalizer2::getNFKCInstance(status)
                                                           : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
  // Quick check first: already-normalized text (nearly all of it) costs one scan, no output.
  if (norm->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return;
  std::string result;
  icu::StringByteSink<std::string> sink(&result);
  icu::Edits changes;
  status = U_ZERO_ERROR;
  norm->normalizeUTF8(0, piece, sink, &changes, status);
  if (U_FAILURE(status)) return;
  icu::Edits::Iterator it = changes.getFineChangesIterator();
  while (it.next(status)) {
    const auto src = static_cast<std::size_t>(it.sourceIndex());
    out.push_back({src, src + static_cast<std::size_t>(it.oldLength()),
                   result.substr(static_cast<std::size_t>(it.destinationIndex()), static_cast<std::size_t>(it.newLength())),
                   EditKind::Unicode});
  }
}

namespace {

enum class Blank { No, Space, Invisible };

// What a character at `pos` is for the whitespace rule. Zero-width joiners are text in emoji and
// Indic scripts, so they count as invisible junk only next to ASCII.
Blank classify_blank(std::string_view text, std::size_t pos, const DecodedChar& d) {
  const char32_t cp = d.cp;
  if (cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f') return Blank::Space;
  if (cp < 0x20 || cp == 0x7F) return Blank::Invisible;  // stray control characters
  if (cp < 0x80) return Blank::No;
  if (is_horizontal_space(cp)) return Blank::Space;
  if (cp == 0x200C || cp == 0x200D) {
    const bool ascii_before = pos > 0 && static_cast<unsigned char>(text[pos - 1]) < 0x80;
    const std::size_t next = pos + d.length;
    const bool ascii_after = next < text.size() && static_cast<unsigned char>(text[next]) < 0x80;
    return (ascii_before || ascii_after) ? Blank::Invisible : Blank::No;
  }
  return is_invisible(cp) ? Blank::Invisible : Blank::No;
}

// Ideographic spaces between Chinese letters are Chinese layout: left as they are.
bool is_chinese_layout_space(std::string_view run, std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = 0; i < run.size(); i += 3)
    if (run.compare(i, 3, "\xE3\x80\x80") != 0) return false;
  return touches_cjk(text, begin, end);
}

// Sixteen bytes of printable ASCII and single spaces: nothing for this pass to do there. One
// SSE2 compare per class (byte_blocks.hpp) instead of eight bytes of SWAR at a time.
bool boring_chunk(const char* p) {
  using namespace blocks;
  const Bytes x = load(reinterpret_cast<const unsigned char*>(p));
  if (bits16((x < splat(0x20)) | (x >= splat(0x7F))) != 0) return false;
  const std::uint64_t spaces = bits16(x == splat(' '));
  return (spaces & (spaces >> 1)) == 0;
}

}  // namespace

void find_whitespace(std::string_view text, std::vector<Pending>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path, sixteen bytes at a time away from the line's ends: no control byte, no non-ASCII
    // byte, no DEL and no two spaces in a row means nothing to do there.
    if (i > 0 && i + 16 < n && boring_chunk(text.data() + i)) {
      i += 15;  // the last byte may start a run with the next chunk's first: look at it again
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x21 && c < 0x7F) {
      ++i;
      continue;
    }
    // A single space before a printable ASCII character is already right. (DEL is not printable:
    // it is removed, and the space before it may then be trailing.)
    if (c == ' ' && i > 0 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) >= 0x21 &&
        static_cast<unsigned char>(text[i + 1]) < 0x7F) {
      ++i;
      continue;
    }
    DecodedChar d = decode_utf8(text, i);
    Blank kind = classify_blank(text, i, d);
    if (kind == Blank::No) {
      i += d.length;
      continue;
    }
    // A run of blanks [b, e): how much of it is real space decides what it becomes.
    const std::size_t b = i;
    bool has_space = false;
    while (i < n) {
      d = decode_utf8(text, i);
      kind = classify_blank(text, i, d);
      if (kind == Blank::No) break;
      has_space |= kind == Blank::Space;
      i += d.length;
    }
    const std::size_t e = i;
    const std::string_view run = text.substr(b, e - b);
    if (b == 0 || e == n) {
      out.push_back({b, e, "", EditKind::Whitespace});  // indentation, trailing space, blank line
    } else if (!has_space) {
      out.push_back({b, e, "", EditKind::Whitespace});  // invisible characters inside a word
    } else if (run != " " && !is_chinese_layout_space(run, text, b, e)) {
      out.push_back({b, e, " ", EditKind::Whitespace});
    }
  }
}

}  // namespace corpus_scan::normalizer
