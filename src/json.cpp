#include "corpus_scan/json.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <cmath>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "corpus_scan/text.hpp"

namespace corpus_scan {

namespace {

// Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// Where the run of plain bytes from i ends.
std::size_t plain_run_end(std::string_view s, std::size_t i) {
  while (i < s.size() && kPlainByte[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (kPlainByte[c]) {
      // Copy the longest run of plain ASCII at once.
      const std::size_t j = plain_run_end(s, i + 1);
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
      }
      ++i;
      continue;
    }
    const DecodedChar d = decode_utf8(s, i);
    if (d.valid) {
      out.append(s.data() + i, d.length);
    } else {
      out += "\xEF\xBF\xBD";
    }
    i += d.length;
  }
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint8_t(bytes[i]) << 16) | (std::uint8_t(bytes[i + 1]) << 8) | std::uint8_t(bytes[i + 2]);
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (i < bytes.size()) {
    std::uint32_t v = std::uint8_t(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= std::uint8_t(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[v >> 18]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  first_.push_back(1);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  first_.push_back(1);
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  // Keys are short names that need no escaping: quote them on the stack and append once.
  char buf[64];
  if (k.size() + 3 <= sizeof buf && plain_run_end(k, 0) == k.size()) {
    buf[0] = '"';
    std::memcpy(buf + 1, k.data(), k.size());
    std::memcpy(buf + 1 + k.size(), "\":", 2);
    out_.append(buf, k.size() + 3);
  } else {
    out_.push_back('"');
    append_json_escaped(out_, k);
    out_ += "\":";
  }
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::key_text(std::string_view text, bool separate_first) {
  if (separate_first) separate();
  out_ += text;
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::close_text(std::string_view braces) {
  out_ += braces;
  return *this;
}
JsonWriter& JsonWriter::value(std::string_view s) {
  separate();
  out_.push_back('"');
  append_json_escaped(out_, s);
  out_.push_back('"');
  return *this;
}
JsonWriter& JsonWriter::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}
// Numbers are formatted into a stack buffer and appended at once: a back_inserter into out_
// would push one character at a time, and records hold a hundred numbers each.
JsonWriter& JsonWriter::value(std::int64_t n) {
  separate();
  const fmt::format_int digits(n);
  out_.append(digits.data(), digits.size());
  return *this;
}
JsonWriter& JsonWriter::value(std::uint64_t n) {
  separate();
  char buf[kJsonNumberRoom];
  out_.append(buf, static_cast<std::size_t>(format_json_number(n, buf) - buf));
  return *this;
}
namespace {

// std::round without a call into libm (x86-64's baseline has no rounding instruction): exact
// for |x| < 2^52, where the integer part fits and x - trunc(x) is computed without error.
double round_half_away(double x) {
  if (!(std::fabs(x) < 4503599627370496.0)) return std::round(x);  // 2^52; NaN too
  const double t = static_cast<double>(static_cast<std::int64_t>(x));
  const double frac = x - t;
  if (frac >= 0.5) return t + 1;
  if (frac <= -0.5) return t - 1;
  return t == 0 && std::signbit(x) ? -0.0 : t;
}

}  // namespace

double json_rounded(double d) { return round_half_away(d * 1e6) / 1e6; }

namespace {

// The eight decimal digits of n < 10^8 as byte values 0-9, most significant digit in the lowest
// byte (the first in memory on little-endian x86-64): two 4-digit halves in 32-bit lanes, split
// into 2-digit quarters, then into digits, with multiply-shift divisions that cannot carry from
// one lane into the next. No branch on n: what it costs does not depend on the digits.
std::uint64_t eight_digits(std::uint32_t n) {
  std::uint64_t v = (n / 10000) | (static_cast<std::uint64_t>(n % 10000) << 32);
  const std::uint64_t hundreds = ((v * 10486) >> 20) & 0x0000007F0000007FULL;  // x / 100 for x < 10^4
  v = hundreds | ((v - hundreds * 100) << 16);
  const std::uint64_t tens = ((v * 103) >> 10) & 0x000F000F000F000FULL;  // x / 10 for x < 100
  return tens | ((v - tens * 10) << 8);
}

constexpr std::uint64_t kAsciiZeros = 0x3030303030303030ULL;

// Writes n < 10^8 without leading zeros (8 bytes of room): the digits are written all eight at
// once and the pointer moves past the significant ones (at least one, for 0).
char* write_small_count(std::uint32_t n, char* out) {
  const std::uint64_t digits = eight_digits(n);
  const int leading_zeros = std::countr_zero(digits | (1ULL << 56)) / 8;
  const std::uint64_t ascii = (digits + kAsciiZeros) >> (8 * leading_zeros);
  std::memcpy(out, &ascii, 8);
  return out + 8 - leading_zeros;
}

}  // namespace

char* format_json_number(double d, char* out) {
  // Most values (counts as reals, ratios, fractions, and zeros) round to 0 or to at least 1e-4 and
  // below 10^8: their shortest round-trip form is the fixed notation of their integer millionths
  // (another decimal with fewer significant digits differs from it by at least 1e-6, far more than
  // the double's spacing below 1e9), written here without a branch on the digits. The rounding is
  // half away from zero, so the magnitude is rounded and the sign written apart ("-0" as fmt writes
  // it). The unit tests hold every path to fmt.
  const double millionths = std::fabs(d) * 1e6;
  // Not in [0.5, 99.5] (what rounds to 1e-6 .. 1e-4, written with an exponent), not NaN, and the
  // whole part below 10^9 (from there fmt may choose an exponent). One comparison for the first
  // two, so zeros and non-zeros take the same branch.
  if (std::fabs(millionths - 50) > 49.5 && millionths < 1e15 - 1) {
    const auto truncated = static_cast<std::uint64_t>(millionths);  // exact: below 2^52
    const std::uint64_t k = truncated + (millionths - static_cast<double>(truncated) >= 0.5);
    *out = '-';
    out += std::signbit(d);
    std::uint64_t decimals;  // the six decimals in bytes 0-5; bytes 6 and 7 stay 0
    if (k < 100000000) {
      // Below 100 (ratios, means, entropies): two whole digits and the six decimals at once; a
      // whole part below 10 drops its leading zero.
      const std::uint64_t digits = eight_digits(static_cast<std::uint32_t>(k));
      const std::uint64_t ascii = digits + kAsciiZeros;
      const unsigned leading_zero = (digits & 0xFF) == 0;
      std::memcpy(out, reinterpret_cast<const char*>(&ascii) + leading_zero, 2);
      out += 2 - leading_zero;
      decimals = digits >> 16;
    } else {
      out = format_json_number(k / 1000000, out);  // from 10^8 on (rare) through fmt
      decimals = eight_digits(static_cast<std::uint32_t>(k % 1000000)) >> 16;
    }
    // '.' and the decimals up to the last non-zero one; none when they are all zero.
    const std::uint64_t ascii = decimals + (kAsciiZeros >> 16);
    out[0] = '.';
    std::memcpy(out + 1, &ascii, 8);
    const unsigned kept = 9 - static_cast<unsigned>(std::countl_zero(decimals | 1)) / 8;  // '.' + digits
    return out + (kept & -static_cast<unsigned>(decimals != 0));
  }
  if (!std::isfinite(d)) return std::copy_n("null", 4, out);
  const double rounded = round_half_away(d * 1e6);
  // What is left is not 0 (the fast path took it): below 1e-4 (fmt's exponent forms, and 99.5
  // millionths, which rounds to 1e-4 and which fmt writes "0.0001") or from 10^9 on. The shortest
  // round-trip form of a double is at most 24 characters.
  return fmt::format_to_n(out, kJsonNumberRoom, FMT_COMPILE("{}"), rounded / 1e6).out;
}

char* format_json_number(std::uint64_t n, char* out) {
  if (n < 100000000) return write_small_count(static_cast<std::uint32_t>(n), out);
  return fmt::format_to(out, FMT_COMPILE("{}"), n);
}

JsonWriter& JsonWriter::value(double d) {
  separate();
  char buf[kJsonNumberRoom];
  out_.append(buf, static_cast<std::size_t>(format_json_number(d, buf) - buf));
  return *this;
}
JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}
JsonWriter& JsonWriter::value_bytes(std::string_view bytes) {
  begin_object();
  if (valid_utf8_prefix(bytes) == bytes.size()) {
    field("text", bytes);
  } else {
    field("bytes", base64_encode(bytes));
  }
  return end_object();
}

}  // namespace corpus_scan
