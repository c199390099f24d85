// Ethernet II with one optional IEEE 802.1Q tag (see ethernet.h).
#include "runtime/net/ethernet.h"

#include <cstdio>

#include "wire/byte_io.h"

namespace dpsctp::net {

Result<EthernetFrame> EthernetFrame::parse(ByteSpan frame) {
  if (frame.size() < EthernetHeader::kSize) return NetError::kEthernetTruncated;
  EthernetFrame f;
  f.header.dst = MacAddress::load(frame.data());
  f.header.src = MacAddress::load(frame.data() + 6);
  uint16_t type = wire::load_u16(frame.data() + 12);
  size_t offset = EthernetHeader::kSize;
  if (type == ether_type::kVlan) {
    // IEEE 802.1Q §9.6: TPID, TCI, then the EtherType of the payload.
    if (frame.size() < EthernetHeader::kSize + EthernetHeader::kVlanSize) {
      return NetError::kEthernetVlanTruncated;
    }
    f.header.vlan = VlanTag::from_tci(wire::load_u16(frame.data() + 14));
    type = wire::load_u16(frame.data() + 16);
    offset += EthernetHeader::kVlanSize;
    if (type == ether_type::kVlan || type == ether_type::kQinQ) {
      return NetError::kEthernetStackedVlan;
    }
  }
  // IEEE 802.3 §3.2.6: values below 0x0600 are a length (802.2 LLC frame), not a type.
  if (type < ether_type::kMinEtherType) return NetError::kEthernetNotEthernetII;
  f.header.ether_type = type;
  f.payload = frame.subspan(offset);
  return f;
}

void EthernetHeader::serialize_to(BufferWriter& w) const {
  std::array<std::byte, 12> macs{};
  dst.store(macs.data());
  src.store(macs.data() + 6);
  w.put_bytes(macs);
  if (vlan) {
    w.put_u16(ether_type::kVlan);
    w.put_u16(vlan->tci());
  }
  w.put_u16(ether_type);
}

void pad_ethernet_frame(BufferWriter& w, size_t frame_start) {
  const size_t len = w.size() - frame_start;
  if (len < kMinFrameSize) w.put_zeros(kMinFrameSize - len);
}

std::string EthernetHeader::to_string() const {
  std::string s = src.to_string() + " > " + dst.to_string();
  char buf[48];
  if (vlan) {
    std::snprintf(buf, sizeof buf, " vlan %u pcp %u%s", vlan->vid, vlan->pcp,
                  vlan->dei ? " dei" : "");
    s += buf;
  }
  std::snprintf(buf, sizeof buf, " type 0x%04x", ether_type);
  return s + buf;
}

}  // namespace dpsctp::net
