// Heap bytes in use, for the "memory per association" benchmarks of dpsctp and usrsctp.
//
// glibc's mallinfo2(): uordblks (bytes in allocated chunks, including malloc's per-chunk
// header) + hblkhd (bytes in mmap()ed chunks). It sees every allocation, whether made
// by operator new (dpsctp, its std containers) or malloc (usrsctp), so the two libraries
// are measured with the same ruler. Benchmarks single-threaded only: mallinfo2 sums all
// arenas, and both benchmark loops run in the main thread.
#pragma once

#include <malloc.h>

#include <cstddef>
#include <cstdint>

namespace dpsctp::bench {

inline int64_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<int64_t>(m.uordblks + m.hblkhd);
}

/// Accumulates the heap growth of the calls it brackets (start() ... stop()).
class HeapMeter {
 public:
  void start() { mark_ = heap_in_use(); }
  void stop() { bytes_ += heap_in_use() - mark_; }
  [[nodiscard]] int64_t bytes() const { return bytes_; }

 private:
  int64_t mark_ = 0;
  int64_t bytes_ = 0;
};

}  // namespace dpsctp::bench
