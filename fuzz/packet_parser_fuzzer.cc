// libFuzzer target: the packet parser and every typed chunk / parameter / cause parser
// reachable from a packet (wire/describe.h). Any out-of-bounds read, UB or assertion is a
// bug. Build with scripts/fuzz (clang, -fsanitize=fuzzer,address,undefined); in the
// regular build the same function replays the seed corpus as a test (replay_main.cc).
#include <cstddef>
#include <cstdint>

#include "wire/crc32c.h"
#include "wire/describe.h"
#include "wire/packet_view.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dpsctp::wire;
  const ByteSpan bytes(reinterpret_cast<const std::byte*>(data), size);
  (void)verify_sctp_checksum(bytes);
  Result<PacketView> p = PacketView::parse(bytes);
  if (!p) return 0;
  size_t n = 0;
  for (const ChunkView& c : p->chunks()) {
    // Decodes the chunk with its typed parser, including nested parameters and causes.
    n += describe_chunk(c).size();
  }
  return n == 0 ? -1 : 0;  // -1: do not add to the corpus (cannot happen: one chunk min)
}
