// The 16-byte helpers of src/byte_blocks.hpp against their byte-by-byte definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "byte_blocks.hpp"
#include "test_util.hpp"

using namespace corpus_scan::blocks;

TEST_CASE("in_range marks exactly the bytes x with x - lo <= hi - lo, for every lo, hi and x", "[blocks]") {
  // Every byte value, 16 per vector; every pair of bounds, wrapping ones (lo > hi) and the full
  // range (hi - lo == 255) included.
  std::size_t wrong = 0;
  for (unsigned lo = 0; lo < 256; ++lo) {
    for (unsigned hi = 0; hi < 256; ++hi) {
      for (unsigned base = 0; base < 256; base += 16) {
        Bytes x;
        for (unsigned k = 0; k < 16; ++k) x[k] = static_cast<unsigned char>(base + k);
        const Mask m = in_range(x, static_cast<unsigned char>(lo), static_cast<unsigned char>(hi));
        for (unsigned k = 0; k < 16; ++k) {
          const bool expected = static_cast<unsigned char>(base + k - lo) <= static_cast<unsigned char>(hi - lo);
          wrong += (m[k] == -1) != expected || (m[k] != 0 && m[k] != -1);
        }
      }
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("ascii_prefix is the run of bytes under 0x80 that starts the text", "[blocks]") {
  const auto by_byte = [](std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
  };
  // every line of data/ and the fixtures, from each of its first 16 bytes (so the 16-byte chunks
  // and the tail move over the text), each copied into a heap buffer of exactly its size, so a
  // read past the end shows under ASan (a std::string keeps short text inside itself and a NUL
  // after long text, which ASan does not see past)
  for (const std::string& text : corpus_scan::test::repository_texts()) {
    for (std::size_t b = 0; b < text.size();) {
      const std::size_t e = std::min(text.find('\n', b), text.size());
      for (std::size_t from = b; from < std::min(e, b + 16); ++from) {
        const std::size_t n = e - from;
        const std::unique_ptr<char[]> copy(new char[n]);
        std::memcpy(copy.get(), text.data() + from, n);
        const std::string_view line(copy.get(), n);
        INFO("line: " << line);
        REQUIRE(ascii_prefix(line) == by_byte(line));
      }
      b = e + 1;
    }
  }
  // every length to 40, with the first high byte at every place, in the chunks and in the tail
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string ascii(n, 'a');
    REQUIRE(ascii_prefix(ascii) == n);
    for (std::size_t at = 0; at < n; ++at) {
      std::string s = ascii;
      s[at] = static_cast<char>(0xE4);
      if (at + 1 < n) s[n - 1] = static_cast<char>(0x80);
      REQUIRE(ascii_prefix(s) == at);
    }
  }
}
