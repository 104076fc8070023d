// A line seen 64 bytes at a time as bit masks (bit k = byte k of the block), so the screen and the
// repetition-loop precheck classify 16 bytes per instruction instead of branching on every byte.
//
// Written with GCC/Clang vector extensions: on x86-64 they compile to baseline SSE2 (no AVX is
// required); elsewhere the compiler lowers them to whatever the target has.
//
// Ownership: for_each_block reads the caller's string_view and keeps nothing; the pointer it hands
// to the callback is valid only during that call (the last, partial block is a zero-padded copy).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace corpus_scan::normalizer::blocks {

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

// Bytes in [lo, hi] (unsigned).
inline Mask in_range(Bytes x, unsigned char lo, unsigned char hi) noexcept {
  return (x - splat(lo)) <= splat(static_cast<unsigned char>(hi - lo));
}

// Applies `classify` (Bytes -> a struct of 16-bit masks, combined by `merge`) to the four 16-byte
// quarters of a 64-byte block. Kept generic so each user computes only the classes it needs.
template <class Classes, class Classify>
inline Classes classify64(const unsigned char* p, Classify classify) noexcept {
  Classes r = classify(load(p));
  for (int q = 1; q < 4; ++q) r.merge(classify(load(p + 16 * q)), 16 * q);
  return r;
}

// Calls f(block_pointer, block_offset, valid_mask) for each 64-byte block of text, in order.
// valid_mask has a bit for each byte that belongs to the text (all ones but in the last block).
// f returns false to stop early; for_each_block then returns false too.
template <class F>
inline bool for_each_block(std::string_view text, F f) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64)
    if (!f(data + i, i, ~std::uint64_t{0})) return false;
  if (i < n) {
    alignas(16) unsigned char tail[64] = {};
    std::memcpy(tail, data + i, n - i);
    return f(tail, i, (std::uint64_t{1} << (n - i)) - 1);
  }
  return true;
}

// m moved one byte later (bit k to k+1), so it lines up each byte with the one before it; bit 0
// takes the previous block's bit 63 from `carry`, which then keeps this block's for the next.
inline std::uint64_t shift_in(std::uint64_t m, std::uint64_t& carry) noexcept {
  const std::uint64_t r = (m << 1) | carry;
  carry = m >> 63;
  return r;
}

}  // namespace corpus_scan::normalizer::blocks
