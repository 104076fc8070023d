// The 16-byte helpers of src/byte_blocks.hpp against their byte-by-byte definitions.
#include <catch2/catch.hpp>

#include "byte_blocks.hpp"

using namespace corpus_scan::blocks;

TEST_CASE("in_range marks exactly the bytes x with x - lo <= hi - lo, for every lo, hi and x") {
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
