// Passes over words: split domains, missing spaces after punctuation, glued words, repetition
// loops, and the lost-characters report.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "byte_blocks.hpp"
#include "normalizer/loop_gate.hpp"
#include "normalizer/passes.hpp"
#include "normalizer/screen.hpp"
#include "normalizer/script.hpp"
#include "normalizer/tables.hpp"
#include "normalizer/word_sites.hpp"
#include "normalizer/words.hpp"

namespace corpus_scan::normalizer {

namespace {

bool is_identifier_byte(char c) { return is_ascii_alnum(c) || c == '_'; }

std::size_t letters_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_ascii_alpha(text[pos])) ++pos;
  return pos;
}

bool has_lower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_lower(c); });
}
bool all_upper(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_upper(c); });
}

// The whitespace-delimited token around pos.
std::string_view token_around(std::string_view text, std::size_t pos) {
  std::size_t b = pos, e = pos;
  while (b > 0 && text[b - 1] != ' ') --b;
  while (e < text.size() && text[e] != ' ') ++e;
  return text.substr(b, e - b);
}

// URLs, e-mail addresses and query strings are never respaced.
bool is_address(std::string_view token) {
  return token.find("://") != std::string_view::npos || token.find('@') != std::string_view::npos ||
         token.find("www.") != std::string_view::npos || token.find('=') != std::string_view::npos;
}

}  // namespace

bool looks_like_code(std::string_view text) noexcept {
  const std::size_t n = text.size();
  // Assignments and comparisons: "Data=read (IO_ID)", "IFIO_TYPE==Read".
  for (std::size_t i = text.find('='); i != std::string_view::npos; i = text.find('=', i + 1))
    if (i > 0 && (is_identifier_byte(text[i - 1]) || text[i - 1] == ')' || text[i - 1] == ']')) return true;
  // snake_case identifiers: "call_backs", "IO_ID".
  for (std::size_t i = text.find('_'); i != std::string_view::npos; i = text.find('_', i + 1))
    if (i > 0 && i + 1 < n && is_ascii_alnum(text[i - 1]) && is_ascii_alnum(text[i + 1])) return true;
  // Short lines shaped like a call or a block header: "Print (Result)", "Defhandler (REQ):".
  if (n == 0 || (text.back() != ')' && text.back() != ':') || n > 80) return false;
  int words = 1;
  for (char c : text) words += c == ' ';
  if (words > 4) return false;
  const bool call = text.find('(') != std::string_view::npos;
  const bool header = text.back() == ':' && text.find('.') != std::string_view::npos && text.find(". ") == std::string_view::npos;
  return call || header;
}

void find_split_domain(std::string_view text, std::vector<Pending>& out) {
  for_each_domain_gap(text, [&](std::size_t pos) {
    const std::size_t label_begin = pos + 2;
    const std::size_t label_end = letters_end(text, label_begin);
    const std::string_view label = text.substr(label_begin, label_end - label_begin);
    const bool boundary = label_end == text.size() || !is_identifier_byte(text[label_end]);
    const bool word_follows = label_end < text.size() && text[label_end] == ' ';
    if (word_follows && tables::contains(tables::kWordLikeDomainSuffixes, label)) return;
    const bool after_name = pos > 0 && is_ascii_alnum(text[pos - 1]);
    const bool www = pos >= 3 && text.compare(pos - 3, 3, "www") == 0 && (pos == 3 || !is_ascii_alpha(text[pos - 4]));
    if (after_name && ((boundary && tables::contains(tables::kDomainSuffixes, label)) || (www && !label.empty())))
      out.push_back({pos + 1, pos + 2, "", EditKind::SplitDomain});
  });
}

namespace {

// Whether "left<punct>Right" is a sentence joined without its space (and not an address,
// abbreviation, domain, file name or dotted identifier).
bool needs_space(std::string_view text, std::size_t punct) {
  const char p = text[punct];
  const std::size_t right_begin = punct + 1;
  const std::size_t right_end = letters_end(text, right_begin);
  const std::string_view right = text.substr(right_begin, right_end - right_begin);
  // What follows the word must not continue an identifier or a call.
  if (right_end < text.size()) {
    const char next = text[right_end];
    if (is_ascii_digit(next) || next == '_' || next == '(' || next == '[' ||
        (next == '.' && right_end + 1 < text.size() && is_ascii_alpha(text[right_end + 1])))
      return false;
  }
  // What precedes the mark: a word, possibly closed by a quote or bracket.
  std::size_t left_end = punct;
  while (left_end > 0 && (text[left_end - 1] == '"' || text[left_end - 1] == ')' || text[left_end - 1] == '\'')) --left_end;
  if (left_end >= 3 && (text.compare(left_end - 3, 3, "\xE2\x80\x9D") == 0 || text.compare(left_end - 3, 3, "\xE2\x80\x99") == 0))
    left_end -= 3;
  std::size_t left_begin = left_end;
  while (left_begin > 0 && is_ascii_alnum(text[left_begin - 1])) --left_begin;
  const std::string_view left = text.substr(left_begin, left_end - left_begin);
  if (left.empty() || is_address(token_around(text, punct))) return false;
  const bool real_word = right.size() >= 2 && has_lower(right);
  if (p == '.') {
    if (left.size() == 1 && is_ascii_alpha(left[0])) return false;  // U.S., E.Value, J.K.
    if (all_upper(right) && tables::contains(tables::kUpperSuffixes, right)) return false;  // JD.COM, README.MD
    if (all_upper(right) && all_upper(left)) return false;
    if (is_ascii_digit(left.back())) return real_word;  // "300,000.In" but not "2.5G"
    return right.size() >= 2 || (right == "I" || right == "A");
  }
  if (p == ',' && is_ascii_digit(left.back())) return real_word;
  return real_word || ((right == "I" || right == "A") && right_end < text.size() && text[right_end] == ' ');
}

}  // namespace

void find_missing_space(std::string_view text, std::vector<Pending>& out) {
  for_each_mark_before_capital(text, [&](std::size_t i) {
    if (needs_space(text, i)) out.push_back({i + 1, i + 1, " ", EditKind::MissingSpace});
  });
}

void find_glued_words(std::string_view text, std::vector<Pending>& out) {
  const std::size_t n = text.size();
  for_each_inner_capital(text, [&](std::size_t i) {
    const std::size_t right_end = letters_end(text, i);
    const bool clean_end = right_end == n || !(is_identifier_byte(text[right_end]) || text[right_end] == '(');
    // "x)According": a closing bracket glued to the next sentence.
    if (text[i - 1] == ')') {
      const std::size_t open = text.rfind('(', i - 1);
      if (open != std::string_view::npos && i - 1 - open >= 3 && clean_end && has_lower(text.substr(i, right_end - i)))
        out.push_back({i, i, " ", EditKind::GluedWords});
      return;
    }
    if (!is_ascii_lower(text[i - 1])) return;
    // The left half: an all-lowercase word starting at a word boundary (so never "McTominay",
    // "OpenAI", "iPad" or "xAI": those start with a capital or a single letter).
    std::size_t left_begin = i - 1;
    while (left_begin > 0 && is_ascii_lower(text[left_begin - 1])) --left_begin;
    if (left_begin > 0) {
      const char before = text[left_begin - 1];
      if (is_identifier_byte(before) || before == '.' || before == '@' || before == '/' || before == '-' ||
          static_cast<unsigned char>(before) >= 0x80)
        return;
    }
    // The right half: one capitalised word, then the end of the token (never "yieldFromRequest").
    const std::size_t right_lower_end = [&] {
      std::size_t k = i + 1;
      while (k < n && is_ascii_lower(text[k])) ++k;
      return k;
    }();
    if (right_lower_end != right_end || !clean_end) return;
    const std::string_view left = text.substr(left_begin, i - left_begin);
    const std::string_view right = text.substr(i, right_end - i);
    if (left.size() < 2 || !is_english_word(left) || !is_english_word(right)) return;
    if (is_english_word(text.substr(left_begin, right_end - left_begin))) return;
    out.push_back({i, i, " ", EditKind::GluedWords});
  });
}

namespace {

struct Token {
  std::size_t begin, end;  // the word
  std::size_t sep_end;     // the separator after it runs to here (next token's begin)
  std::uint32_t hash;      // of the ASCII-lowercased word, to compare tokens cheaply
  bool cjk;
};

// A cheap case-folding fingerprint of a word (its length and up to 16 of its bytes); equal words
// have equal fingerprints, and same_unit() settles the rare collisions.
std::uint32_t fold_hash(std::string_view word) {
  std::uint64_t head = 0, tail = 0;
  if (word.size() >= 8) {
    std::memcpy(&head, word.data(), 8);
    std::memcpy(&tail, word.data() + word.size() - 8, 8);
  } else {
    for (std::size_t k = 0; k < word.size(); ++k) head |= std::uint64_t(static_cast<unsigned char>(word[k])) << (8 * k);
  }
  const std::uint64_t fold = 0x2020202020202020ull;  // ASCII letters to lowercase; digits keep 0x20
  const std::uint64_t h = ((head | fold) * 0x9E3779B97F4A7C15ull) ^ ((tail | fold) * 0xC2B2AE3D27D4EB4Full) ^ word.size();
  return static_cast<std::uint32_t>(h >> 32);
}

bool is_word_char(char32_t cp) { return cp < 0x80 ? is_ascii_alnum(static_cast<char>(cp)) : is_latin_letter(cp); }

void tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto push = [&](std::size_t b, std::size_t e, bool cjk) {
    if (!tokens.empty()) tokens.back().sep_end = b;
    tokens.push_back({b, e, e, fold_hash(text.substr(b, e - b)), cjk});
  };
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII fast path
      if (!is_ascii_alnum(static_cast<char>(c))) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && is_ascii_alnum(text[j])) ++j;
      while (j < n && static_cast<unsigned char>(text[j]) >= 0x80) {  // "Café"
        const DecodedChar e = decode_utf8(text, j);
        if (!is_latin_letter(e.cp)) break;
        j += e.length;
        while (j < n && is_ascii_alnum(text[j])) ++j;
      }
      push(i, j, false);
      i = j;
      continue;
    }
    const DecodedChar d = decode_utf8(text, i);
    if (is_cjk_letter(d.cp)) {
      push(i, i + d.length, true);
      i += d.length;
    } else if (is_word_char(d.cp)) {
      std::size_t j = i + d.length;
      while (j < n) {
        const DecodedChar e = decode_utf8(text, j);
        if (!is_word_char(e.cp)) break;
        j += e.length;
      }
      push(i, j, false);
      i = j;
    } else {
      i += d.length;
    }
  }
  if (!tokens.empty()) tokens.back().sep_end = n;
}

// Tokens compare ignoring ASCII case; separators (when asked: inside a phrase, not after it, so
// the last repeat may end the sentence) compare ignoring spaces.
bool same_unit(std::string_view text, const Token& a, const Token& b, bool with_separator) {
  if (a.hash != b.hash || a.end - a.begin != b.end - b.begin) return false;
  for (std::size_t k = 0; k < a.end - a.begin; ++k) {
    const char x = text[a.begin + k], y = text[b.begin + k];
    if (x != y && !(is_ascii_alpha(x) && (x | 0x20) == (y | 0x20))) return false;
  }
  if (!with_separator) return true;
  std::size_t i = a.end, j = b.end;
  while (true) {
    while (i < a.sep_end && text[i] == ' ') ++i;
    while (j < b.sep_end && text[j] == ' ') ++j;
    if (i == a.sep_end || j == b.sep_end) return i == a.sep_end && j == b.sep_end;
    if (text[i++] != text[j++]) return false;
  }
}

constexpr std::size_t kMinRepeatsUnspacedCjk = 8;  // 哈哈哈哈 is Chinese laughter, not a loop

}  // namespace

bool may_loop(std::string_view text, std::uint32_t screen, const std::vector<std::uint64_t>& alnum_blocks) {
  if ((screen & kOtherLead) != 0) return true;
  LoopGate gate(text);
  const std::size_t blocks = (text.size() + 63) / 64;  // alnum_blocks may hold more (screen.hpp)
  for (std::size_t b = 0; b < blocks && !gate.maybe(); ++b) gate.block(alnum_blocks[b], 64 * b);
  return gate.finish();
}

bool may_loop(std::string_view text) {
  thread_local std::vector<std::uint64_t> alnum_blocks;
  const std::uint32_t screen = screen_line(text, &alnum_blocks);
  return may_loop(text, screen, alnum_blocks);
}

void find_repetition_loop(std::string_view text, std::uint32_t screen, const std::vector<std::uint64_t>& alnum_blocks,
                          std::vector<Pending>& out) {
  if (may_loop(text, screen, alnum_blocks)) find_loops_unscreened(text, out);
}

void find_loops_unscreened(std::string_view text, std::vector<Pending>& out) {
  thread_local std::vector<Token> tokens;
  tokenize(text, tokens);
  const std::size_t n = tokens.size();
  std::size_t i = 0;
  while (i + kMinRepeats <= n) {
    std::size_t advance = 1;
    for (std::size_t m = 1; m <= kMaxPhraseTokens && i + m * kMinRepeats <= n; ++m) {
      // Cheap screen before comparing phrases: the first token must recur every m tokens.
      if (tokens[i].hash != tokens[i + m].hash || tokens[i].hash != tokens[i + 2 * m].hash ||
          tokens[i].hash != tokens[i + 3 * m].hash)
        continue;
      std::size_t repeats = 1;
      while (i + (repeats + 1) * m <= n) {
        bool same = true;
        for (std::size_t k = 0; k < m && same; ++k) same = same_unit(text, tokens[i + k], tokens[i + repeats * m + k], k + 1 < m);
        if (!same) break;
        ++repeats;
      }
      if (repeats < kMinRepeats) continue;
      bool unspaced_cjk = true, has_letter = false;
      for (std::size_t k = i; k < i + repeats * m; ++k) {
        unspaced_cjk &= tokens[k].cjk && (tokens[k].sep_end == tokens[k].end || k + 1 == i + repeats * m);
        for (std::size_t b = tokens[k].begin; b < tokens[k].end && !has_letter; ++b) has_letter = !is_ascii_digit(text[b]);
      }
      if (!has_letter || (unspaced_cjk && repeats < kMinRepeatsUnspacedCjk)) continue;
      // Keep two repeats: drop from the end of the second to the end of the last (its separator,
      // which ends the phrase, stays).
      const std::size_t keep_end = tokens[i + 2 * m - 1].end;
      const std::size_t drop_end = tokens[i + repeats * m - 1].end;
      out.push_back({keep_end, drop_end, "", EditKind::RepetitionLoop});
      advance = repeats * m;
      break;
    }
    i += advance;
  }
}

void find_lost_chars(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '?') {
      std::size_t j = i;
      while (j < n && text[j] == '?') ++j;
      if (j - i >= 2) {
        // "??with": question marks glued to the next word stand for characters that were lost;
        // "What??" ending a sentence is punctuation.
        bool lost = false;
        if (j < n) {
          const DecodedChar next = decode_utf8(text, j);
          lost = script_of(next.cp) != Script::None || (next.cp < 0x80 && is_ascii_digit(static_cast<char>(next.cp)));
        }
        if (!lost && i > 0) lost = is_cjk_letter(decode_utf8_before(text, i).cp);
        if (lost) out.emplace_back(i, j);
      }
      i = j;
    } else if (c == 0xEF && text.compare(i, 3, "\xEF\xBF\xBD") == 0) {
      std::size_t j = i;
      while (text.compare(j, 3, "\xEF\xBF\xBD") == 0) j += 3;
      out.emplace_back(i, j);
      i = j;
    } else {
      ++i;
    }
  }
}

}  // namespace corpus_scan::normalizer
