#include "normalizer/script.hpp"

namespace corpus_scan::normalizer {

namespace {
// How many code points a context look-up may walk over before giving up.
constexpr int kContextWindow = 24;
}  // namespace

bool is_cjk_letter(char32_t cp) noexcept {
  return is_cjk_ideograph(cp) || (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB) ||  // kana
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||         // hangul
         (cp >= 0x3400 && cp <= 0x4DBF);
}

bool is_latin_letter(char32_t cp) noexcept {
  if (cp < 0x80) return is_ascii_alpha(static_cast<char>(cp));
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

Script script_of(char32_t cp) noexcept {
  if (is_latin_letter(cp)) return Script::Latin;
  if (is_cjk_letter(cp)) return Script::Cjk;
  return Script::None;
}

Script script_before(std::string_view text, std::size_t pos) noexcept {
  for (int n = 0; pos > 0 && n < kContextWindow; ++n) {
    const DecodedChar d = decode_utf8_before(text, pos);
    const Script s = script_of(d.cp);
    if (s != Script::None) return s;
    pos -= d.length;
  }
  return Script::None;
}

Script script_after(std::string_view text, std::size_t pos) noexcept {
  for (int n = 0; pos < text.size() && n < kContextWindow; ++n) {
    const DecodedChar d = decode_utf8(text, pos);
    const Script s = script_of(d.cp);
    if (s != Script::None) return s;
    pos += d.length;
  }
  return Script::None;
}

bool in_latin_context(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  const Script left = script_before(text, begin);
  if (left == Script::Cjk) return false;
  const Script right = script_after(text, end);
  if (right == Script::Cjk) return false;
  return left == Script::Latin || right == Script::Latin;
}

bool touches_cjk(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  return script_before(text, begin) == Script::Cjk || script_after(text, end) == Script::Cjk;
}

}  // namespace corpus_scan::normalizer
