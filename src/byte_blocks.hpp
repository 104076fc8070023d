// A line seen 64 bytes at a time as bit masks (bit k = byte k of the block), so the normalizer, the
// splitter and the statistics classify 16 bytes per instruction instead of branching on every byte.
//
// Written with GCC/Clang vector extensions: on x86-64 they compile to baseline SSE2 (no AVX is
// required); elsewhere the compiler lowers them to whatever the target has.
//
// Ownership: Blocks reads the caller's string_view, which must outlive it; data() of the last,
// partial block points into the Blocks object itself (a padded copy).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace corpus_scan::blocks {

using Bytes = unsigned char __attribute__((vector_size(16)));
using Mask = signed char __attribute__((vector_size(16)));  // what comparing Bytes yields: -1 or 0 per byte

inline Bytes load(const unsigned char* p) noexcept {
  Bytes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline Bytes splat(unsigned char c) noexcept { return Bytes{} + c; }

// One bit per byte of the 16-byte comparison result.
inline std::uint64_t bits16(Mask m) noexcept {
#if defined(__SSE2__)
  return static_cast<std::uint16_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(m)));
#else
  std::uint64_t r = 0;
  for (int k = 0; k < 16; ++k) r |= std::uint64_t{m[k] < 0} << k;
  return r;
#endif
}

// Bytes in [lo, hi] (unsigned). Adding 0x80 - lo moves [lo, hi] to the bottom of the signed
// bytes, [-128, hi - lo - 128], so one signed compare decides: SSE2 compares bytes only as signed
// (pcmpgtb), and the unsigned `x - lo <= hi - lo` took a pminub and a pcmpeqb, one more
// instruction per range (tests/unit/byte_blocks_test.cpp checks every byte and pair of bounds).
inline Mask in_range(Bytes x, unsigned char lo, unsigned char hi) noexcept {
  const auto width = static_cast<unsigned char>(hi - lo);
  if (width == 0xFF) return Mask{} - 1;  // every byte (bounds are constants: decided at compile time)
  const auto shifted = reinterpret_cast<Mask>(x + splat(static_cast<unsigned char>(0x80 - lo)));
  return reinterpret_cast<Mask>(splat(static_cast<unsigned char>(width - 127))) > shifted;
}

// Set bits of a mask without a call: x86-64's baseline has no popcount instruction, and
// std::popcount is then a call to libgcc's __popcountdi2.
constexpr std::uint32_t bit_count(std::uint64_t x) noexcept {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<std::uint32_t>((x * 0x0101010101010101ull) >> 56);
}

// The sum of the 16 bytes: byte lanes that counted something (up to 255 each) summed at once.
inline std::uint64_t byte_sum(Bytes v) noexcept {
#if defined(__SSE2__)
  const __m128i sums = _mm_sad_epu8(reinterpret_cast<__m128i>(v), _mm_setzero_si128());  // two 64-bit halves
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
#else
  std::uint64_t sum = 0;
  for (int k = 0; k < 16; ++k) sum += v[k];
  return sum;
#endif
}

// 16 bytes whose first k (0..16) are all ones and the rest zero: keeps, or with ~ drops, a prefix.
inline Bytes first_bytes(unsigned k) noexcept {
  static constexpr unsigned char kOnesThenZeros[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                       0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return load(kOnesThenZeros + 16 - k);
}

// Applies `classify` (Bytes -> a struct of 16-bit masks, combined by `merge`) to the four 16-byte
// quarters of a 64-byte block. Kept generic so each user computes only the classes it needs.
template <class Classes, class Classify>
inline Classes classify64(const unsigned char* p, Classify classify) noexcept {
  Classes r = classify(load(p));
  for (int q = 1; q < 4; ++q) r.merge(classify(load(p + 16 * q)), 16 * q);
  return r;
}

// Walks text in 64-byte blocks, in order: for (Blocks b(text); b.next();) classify the 64 bytes at
// b.data(), shift each mask right by b.skip(), then bit k is byte b.base() + k. b.valid() has a
// bit for each byte that belongs to the text (all ones but in the last block). The last, partial
// block of a text of 64 bytes or more is its last 64 bytes, re-reading skip() bytes already seen
// (no copy); a shorter text is copied, padded with '#', a byte no user of these blocks looks for.
// A loop, not a callback, so the caller's counters stay in registers.
class Blocks {
 public:
  explicit Blocks(std::string_view text) noexcept
      : text_(reinterpret_cast<const unsigned char*>(text.data())), size_(text.size()) {}
  Blocks(const Blocks&) = delete;
  Blocks& operator=(const Blocks&) = delete;

  bool next() noexcept {
    base_ = next_base_;
    if (base_ >= size_) return false;
    next_base_ = base_ + 64;
    if (next_base_ <= size_) {
      data_ = text_ + base_;
      return true;
    }
    const std::size_t rest = size_ - base_;
    valid_ = (std::uint64_t{1} << rest) - 1;
    if (size_ >= 64) {
      skip_ = static_cast<unsigned>(64 - rest);
      data_ = text_ + size_ - 64;
      return true;
    }
    std::memset(tail_, kPad, sizeof tail_);
    copy_short(tail_, text_ + base_, rest);
    data_ = tail_;
    return true;
  }
  const unsigned char* data() const noexcept { return data_; }
  std::size_t base() const noexcept { return base_; }
  unsigned skip() const noexcept { return skip_; }
  std::uint64_t valid() const noexcept { return valid_; }

 private:
  static constexpr unsigned char kPad = '#';

  // memcpy of fewer than 64 bytes as two fixed-size, possibly overlapping copies: inline, where a
  // call to memcpy with a variable size cost as much as classifying the line (most are short).
  static void copy_short(unsigned char* to, const unsigned char* from, std::size_t size) noexcept {
    const auto two = [&](auto width) {
      std::memcpy(to, from, width);
      std::memcpy(to + size - width, from + size - width, width);
    };
    if (size >= 32) two(std::integral_constant<std::size_t, 32>{});
    else if (size >= 16) two(std::integral_constant<std::size_t, 16>{});
    else if (size >= 8) two(std::integral_constant<std::size_t, 8>{});
    else if (size >= 4) two(std::integral_constant<std::size_t, 4>{});
    else for (std::size_t k = 0; k < size; ++k) to[k] = from[k];
  }

  const unsigned char* text_;
  std::size_t size_;
  std::size_t base_ = 0, next_base_ = 0;
  unsigned skip_ = 0;
  const unsigned char* data_ = nullptr;
  std::uint64_t valid_ = ~std::uint64_t{0};
  alignas(16) unsigned char tail_[64];
};

// The first position >= pos whose byte `match` (Bytes -> Mask) picks, or text.size(): 16 bytes
// per step while 16 remain, then byte by byte through the same test. For passes that only act
// around rare bytes (digits, apostrophes) and otherwise walked every byte of the line.
template <class Match>
inline std::size_t find_next(std::string_view text, std::size_t pos, Match match) noexcept {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (; pos + 16 <= n; pos += 16)
    if (const std::uint64_t hits = bits16(match(load(data + pos))); hits != 0)
      return pos + static_cast<std::size_t>(__builtin_ctzll(hits));
  for (; pos < n; ++pos)
    if (bits16(match(splat(data[pos]))) != 0) return pos;
  return n;
}

// Length of the ASCII prefix of s (most bytes of these dumps are ASCII): a byte's high bit is its
// bit of bits16, so 16 bytes take a load and a movemask. The 0-15 bytes after the last whole 16
// are read as the top of the text's last 16 (the bytes before them are ASCII, so the first high
// bit there is at or after them): a byte loop there mispredicted at its exit on most lines.
// Texts under 16 bytes are read as two eight-byte words, overlapping, and under 8 byte by byte.
inline std::size_t ascii_prefix(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const auto high = [p](std::size_t at) { return bits16(reinterpret_cast<Mask>(load(p + at))); };
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16)
    if (const std::uint64_t h = high(i); h != 0) return i + static_cast<std::size_t>(__builtin_ctzll(h));
  if (n >= 16) return n - 16 + static_cast<std::size_t>(__builtin_ctzll(high(n - 16) | 0x10000));
  if (n >= 8) {
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    std::uint64_t first, last;
    std::memcpy(&first, p, 8);
    std::memcpy(&last, p + n - 8, 8);
    if ((first &= kHigh) != 0) return static_cast<std::size_t>(__builtin_ctzll(first)) / 8;
    // `last` from its second byte on (its first is one of `first`'s), with a high bit just past the end
    last = ((last & kHigh) >> 8) | (std::uint64_t{0x80} << 56);
    return n - 7 + static_cast<std::size_t>(__builtin_ctzll(last)) / 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// m moved one byte later (bit k to k+1), so it lines up each byte with the one before it; bit 0
// takes the previous block's bit 63 from `carry`, which then keeps this block's for the next.
inline std::uint64_t shift_in(std::uint64_t m, std::uint64_t& carry) noexcept {
  const std::uint64_t r = (m << 1) | carry;
  carry = m >> 63;
  return r;
}

}  // namespace corpus_scan::blocks
