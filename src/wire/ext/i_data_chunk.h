// I-DATA chunk (RFC 8260 §2.1): DATA with a 32-bit Message Identifier instead of the SSN,
// so that fragments of different messages can be interleaved.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 64   |  Res  |I|U|B|E|       Length = Variable       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                              TSN                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Stream Identifier      |           Reserved            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Message Identifier                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Payload Protocol Identifier / Fragment Sequence Number     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                           User Data                           /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk/data_chunk.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct IDataChunk {
  static constexpr ChunkType kType = ChunkType::kIData;
  static constexpr size_t kHeaderSize = 20;
  // RFC 8260 §2.1: the I, U, B and E flags are the ones of DATA (RFC 9260 §3.3.1).
  static constexpr uint8_t kFlagEnding = DataChunk::kFlagEnding;
  static constexpr uint8_t kFlagBeginning = DataChunk::kFlagBeginning;
  static constexpr uint8_t kFlagUnordered = DataChunk::kFlagUnordered;
  static constexpr uint8_t kFlagImmediate = DataChunk::kFlagImmediate;

  Tsn tsn;
  StreamId stream;
  Mid mid;
  /// The 32-bit field after the MID is a union (RFC 8260 §2.1). With B set it carries the
  /// PPID: `ppid` is filled and `fsn` is Fsn(0), the FSN of a first fragment being 0 by
  /// definition. With B clear it carries the FSN: `fsn` is filled and `ppid` is Ppid(0)
  /// (the message's PPID is the one of its first fragment). serialize_to() writes `ppid`
  /// when `beginning` is set and `fsn` otherwise.
  Ppid ppid;
  Fsn fsn;
  bool unordered = false;
  bool beginning = true;
  bool ending = true;
  bool immediate = false;
  ByteSpan payload;  ///< a view into the packet (parse) or the caller's message (build)

  /// Fails with kChunkNoUserData on an empty payload, as DATA does (RFC 9260 §6.2).
  /// The Reserved field is ignored on receipt and written as zero.
  static Result<IDataChunk> parse(const ChunkView& c);
  [[nodiscard]] uint8_t flags() const;
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + payload.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
