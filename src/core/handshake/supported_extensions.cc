// Supported Extensions parameter (RFC 5061 §4.2.7) <-> ExtensionSet; see
// supported_extensions.h.
#include "core/handshake/supported_extensions.h"

#include <array>
#include <utility>

#include "wire/chunk_type.h"
#include "wire/param/supported_extensions_parameter.h"

namespace dpsctp::core {
namespace {

using wire::ChunkType;

// Bit -> chunk type, in the order the list is written.
constexpr std::array<std::pair<ExtensionSet, ChunkType>, 8> kTypes{{
    {kExtIData, ChunkType::kIData},
    {kExtIForwardTsn, ChunkType::kIForwardTsn},
    {kExtReconfig, ChunkType::kReconfig},
    {kExtForwardTsn, ChunkType::kForwardTsn},
    {kExtAsconf, ChunkType::kAsconf},
    {kExtAsconfAck, ChunkType::kAsconfAck},
    {kExtAuth, ChunkType::kAuth},
    {kExtPad, ChunkType::kPad},
}};

}  // namespace

ExtensionSet offered_extensions(const AssociationOptions& o) {
  ExtensionSet s = 0;
  if (o.interleaving_enable) {
    s |= kExtIData;
    // RFC 8260 §2.3: with I-DATA, PR-SCTP abandons messages with I-FORWARD-TSN.
    if (o.prsctp_enable) s |= kExtIForwardTsn;
  }
  if (o.reconfig_enable) s |= kExtReconfig;  // RFC 6525 §4: RE-CONFIG (0x82) is listed
  return s;
}

ExtensionSet peer_extensions(wire::TlvRange params) {
  for (const wire::TlvView& t : params) {
    if (t.type != wire::SupportedExtensionsParameter::kType) continue;
    const wire::Result<wire::SupportedExtensionsParameter> p =
        wire::SupportedExtensionsParameter::parse(t);
    if (!p) return 0;
    ExtensionSet s = 0;
    for (const auto& [bit, type] : kTypes) {
      if (p->has(type)) s |= bit;
    }
    return s;
  }
  return 0;
}

void write_supported_extensions(wire::BufferWriter& w, ExtensionSet set) {
  std::array<ChunkType, kTypes.size()> list{};
  size_t n = 0;
  for (const auto& [bit, type] : kTypes) {
    if ((set & bit) != 0) list[n++] = type;
  }
  if (n == 0) return;
  wire::SupportedExtensionsParameter::write(w, std::span<const ChunkType>(list.data(), n));
}

}  // namespace dpsctp::core
