// A small streaming JSON writer that always produces valid JSON, whatever bytes it is given.
//
// Ownership: JsonWriter appends to a std::string the caller owns; it keeps no other state than a
// comma flag per open container.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace corpus_scan {

// Escapes s as the body of a JSON string. Invalid UTF-8 bytes become U+FFFD; use
// JsonWriter::value_bytes when the exact bytes must survive.
void append_json_escaped(std::string& out, std::string_view s);

std::string base64_encode(std::string_view bytes);

// The number JsonWriter::value(double) writes for d (rounded to 6 decimals), so code that must
// agree with a value read back from JSON can round the same way.
double json_rounded(double d);
// Room format_json_number needs.
inline constexpr std::size_t kJsonNumberRoom = 32;
// Writes d to out (kJsonNumberRoom characters) exactly as JsonWriter::value(double) does and
// returns the end: for writers that fill a buffer of many values before appending it at once.
char* format_json_number(double d, char* out);
char* format_json_number(std::uint64_t n, char* out);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  // A key written as a string literal (nearly every key): quoted on the stack with copies whose
  // size the compiler knows, without key()'s scan for bytes to escape (plain_literal() is folded
  // at compile time: hence always inline, which also gives each call site its own comma branch)
  // and its second copy.
  template <std::size_t N>
  [[gnu::always_inline]] JsonWriter& key(const char (&k)[N]) {
    if (!plain_literal(k)) return key(std::string_view(k));
    separate();
    char buf[N + 2];
    out_.append(buf, static_cast<std::size_t>(quote_literal(k, buf) - buf));
    after_key_ = true;
    return *this;
  }

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(std::uint64_t n);
  template <class T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, std::int64_t> &&
             !std::is_same_v<T, std::uint64_t>)
  JsonWriter& value(T n) {
    if constexpr (std::is_signed_v<T>) return value(static_cast<std::int64_t>(n));
    else return value(static_cast<std::uint64_t>(n));
  }
  JsonWriter& value(double d);  // non-finite values are written as null
  JsonWriter& null();

  // Writes bytes the way ripgrep does: {"text": "..."} when they are valid UTF-8, otherwise
  // {"bytes": "<base64>"} so that nothing is lost and the JSON stays valid.
  JsonWriter& value_bytes(std::string_view bytes);

  // For layouts computed ahead of time (NestedJsonLayout): `text` is a key already written as
  // JSON, possibly preceded by closing and opening braces and the comma before it. With
  // `separate`, the comma this position needs is written first, as key() would.
  JsonWriter& key_text(std::string_view text, bool separate);
  // Appends closing braces written ahead of time (the objects a layout opened inside `text`s).
  JsonWriter& close_text(std::string_view braces);

  // The string being written, for callers that append ready-made JSON between calls (they keep
  // to the places a value or key may go, as key_text's callers do).
  std::string& output() { return out_; }

  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  // A literal key and a number: both formatted on the stack and appended in one piece.
  template <std::size_t N, class T>
  [[gnu::always_inline]] JsonWriter& field(const char (&k)[N], const T& v) {
    if constexpr (std::is_same_v<T, std::uint64_t> || std::is_same_v<T, double>) {
      if (plain_literal(k)) {
        separate();
        char buf[N + 2 + kJsonNumberRoom];
        out_.append(buf, static_cast<std::size_t>(format_json_number(v, quote_literal(k, buf)) - buf));
        return *this;
      }
    }
    key(k);
    return value(v);
  }

 private:
  // Whether literal k (its characters before the terminating NUL) needs no escaping in JSON.
  template <std::size_t N>
  static constexpr bool plain_literal(const char (&k)[N]) {
    bool plain = k[N - 1] == '\0';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(k[i]);
      plain &= c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }
    return plain;
  }
  // Writes "k": to out (N + 2 bytes) and returns its end.
  template <std::size_t N>
  static char* quote_literal(const char (&k)[N], char* out) {
    out[0] = '"';
    std::memcpy(out + 1, k, N - 1);
    out[N] = '"';
    out[N + 1] = ':';
    return out + N + 2;
  }
  // The comma before a value or key, unless it follows a key or opens its container. Inline:
  // every key and value calls it.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_.push_back(',');
      first_.back() = 0;
    }
  }
  std::string& out_;
  std::vector<unsigned char> first_;  // per open container: nothing written in it yet (bytes: cheaper than bits)
  bool after_key_ = false;
};

}  // namespace corpus_scan
