// ASCONF chunk (RFC 5061 §4.1.1): asks the peer to add or delete addresses of the
// association or to set its primary address. The mandatory Address Parameter names an
// address of the sender, which may help the receiver find the association (§4.1.1).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 0xC1   |  Chunk Flags  |      Chunk Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Sequence Number                         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                    Address Parameter                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                     ASCONF Parameter #1                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                             ....                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                     ASCONF Parameter #N                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/ext/ext_chunk_util.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct AsconfChunk {
  static constexpr ChunkType kType = ChunkType::kAsconf;
  static constexpr size_t kHeaderSize = 8;  ///< chunk header + Sequence Number
  /// The smallest valid chunk: the header and an IPv4 Address parameter (8 bytes).
  static constexpr size_t kMinSize = kHeaderSize + 8;
  static constexpr size_t kIpv6AddressParameterSize = 20;  ///< RFC 9260 §3.3.2.1

  /// The "Sequence Number" field, whose value RFC 5061 §4.1.1 calls the Serial Number of
  /// the ASCONF (serial number arithmetic, RFC 1982, is the core's business).
  uint32_t serial_number = 0;
  /// An IPv4 (type 5, length 8) or IPv6 (type 6, length 20) Address parameter.
  TlvView address;
  /// The ASCONF parameters after it (Add/Delete IP Address, Set Primary Address, ...).
  ByteSpan parameters;

  /// Fails with kChunkTooShortForType below kMinSize, kChunkInvalidField when the first
  /// parameter is not an address parameter, kParamTooShortForType / kParamLengthMismatch
  /// when its length is not the one of its type, and with the TLV structure error of a
  /// malformed ASCONF parameter. An empty list of ASCONF parameters is well-formed on the
  /// wire and accepted here (what an ASCONF requesting nothing means is the core's call).
  /// The chunk flags are ignored on receipt and written as zero.
  static Result<AsconfChunk> parse(const ChunkView& c);
  [[nodiscard]] TlvRange params() const { return TlvRange(parameters, TlvKind::kParameter); }
  [[nodiscard]] size_t serialized_size() const {
    return kHeaderSize + address.bytes.size() + parameters.size();
  }
  void serialize_to(BufferWriter& w) const;
  /// Builds an ASCONF straight into `w` from a typed address parameter and typed ASCONF
  /// parameters (anything with serialize_to(BufferWriter&)).
  template <class Address, class... Params>
  static void write(BufferWriter& w, uint32_t serial_number, const Address& address,
                    const Params&... params) {
    ext_detail::write_chunk(w, kType, ext_detail::U32Field{serial_number}, address, params...);
  }
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
