// Shared by the fuzz targets: an invariant check that stops the run loudly, so libFuzzer saves
// the input as a crasher and the replay executables fail their ctest.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                     \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);     \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)
