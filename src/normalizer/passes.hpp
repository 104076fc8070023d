// The normalizer passes. Each one reads the current text of a line and appends the changes it
// proposes (sorted, non-overlapping, in that text's coordinates) to `out`; it never edits the
// text itself (Rewrite::apply does, keeping the alignment to the original bytes).
//
// Ownership: passes read the caller's string_view and keep nothing between calls.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus_scan/normalizer.hpp"
#include "normalizer/rewrite.hpp"

namespace corpus_scan::normalizer {

// Invalid UTF-8 bytes -> U+FFFD, one per byte (recorded as lost-chars; always on, because the
// output must be valid UTF-8).
void find_invalid_utf8(std::string_view text, std::vector<Pending>& out);
// unicode: NFC or NFKC (ICU), skipped when the text is ASCII or already normalized.
void find_unicode(std::string_view text, UnicodeForm form, std::vector<Pending>& out);
// True when every character of text is below U+0300 or NFC-inert (so text is NFC); false when
// that is not certain (ICU decides). find_unicode's fast path, exposed for its unit test.
bool surely_nfc(std::string_view text) noexcept;
// whitespace: indentation, trailing space, runs, exotic and invisible characters.
void find_whitespace(std::string_view text, std::vector<Pending>& out);

// cjk-punct-in-latin: ideographic/fullwidth punctuation, digits, letters -> ASCII in English text.
void find_cjk_punct(std::string_view text, std::vector<Pending>& out);
// split-ellipsis: "… …", "……" (English text), ". . ." -> one mark.
void find_split_ellipsis(std::string_view text, std::vector<Pending>& out);
// split-dash: "— —", "——" (English text) -> "—".
void find_split_dash(std::string_view text, std::vector<Pending>& out);
// broken-apostrophe: "Xi ‘an", "Xi’ an", "L3′ s" -> "Xi'an", "L3's".
void find_broken_apostrophe(std::string_view text, std::vector<Pending>& out);
// split-number: "8: 00 pm" -> "8:00 pm", "14 th" -> "14th".
void find_split_number(std::string_view text, std::vector<Pending>& out);

// split-domain: "Guangming. com" -> "Guangming.com".
void find_split_domain(std::string_view text, std::vector<Pending>& out);
// missing-space: "network.Investment" -> "network. Investment" (never in URLs, domains, code...).
void find_missing_space(std::string_view text, std::vector<Pending>& out);
// glued-words: "according toPoisonous" -> "according to Poisonous", "x)According" -> "x) According".
void find_glued_words(std::string_view text, std::vector<Pending>& out);
// repetition-loop: a unit repeated 4+ times in a row (8+ for unspaced CJK) -> kept twice. It takes
// what screen_line(text, &alnum_blocks) returned and kept, so its gate needs no walk of its own.
void find_repetition_loop(std::string_view text, std::uint32_t screen, const std::vector<std::uint64_t>& alnum_blocks,
                          std::vector<Pending>& out);
// The cheaper check find_repetition_loop makes first (false: no loop there; loop_gate.hpp), and
// the pass without either check, exposed likewise. The one-argument may_loop screens the line itself.
bool may_loop(std::string_view text, std::uint32_t screen, const std::vector<std::uint64_t>& alnum_blocks);
bool may_loop(std::string_view text);
void find_loops_unscreened(std::string_view text, std::vector<Pending>& out);
// lost-chars: "??" standing for lost characters, and U+FFFD; reported, never changed.
void find_lost_chars(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& out);

// True for lines that look like program code (assignments, snake_case, calls): missing-space and
// glued-words stay away from them.
bool looks_like_code(std::string_view text) noexcept;

}  // namespace corpus_scan::normalizer
