// DATA chunk (RFC 9260 §3.3.1).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 0    |  Res  |I|U|B|E|            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                              TSN                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Stream Identifier S      |   Stream Sequence Number n    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                  Payload Protocol Identifier                  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                 User Data (seq n of Stream S)                 /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct DataChunk {
  static constexpr ChunkType kType = ChunkType::kData;
  static constexpr size_t kHeaderSize = 16;
  static constexpr uint8_t kFlagEnding = 0x01;     ///< E: last fragment
  static constexpr uint8_t kFlagBeginning = 0x02;  ///< B: first fragment
  static constexpr uint8_t kFlagUnordered = 0x04;  ///< U: unordered
  static constexpr uint8_t kFlagImmediate = 0x08;  ///< I: SACK immediately (RFC 7053)

  Tsn tsn;
  StreamId stream;
  Ssn ssn;
  Ppid ppid;
  bool unordered = false;
  bool beginning = true;
  bool ending = true;
  bool immediate = false;
  ByteSpan payload;  ///< a view into the packet (parse) or the caller's message (build)

  /// Fails with kChunkNoUserData on an empty payload: the receiver answers with ABORT
  /// and the "No User Data" cause (RFC 9260 §6.2), so it is an error here.
  static Result<DataChunk> parse(const ChunkView& c);
  [[nodiscard]] uint8_t flags() const;
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + payload.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
