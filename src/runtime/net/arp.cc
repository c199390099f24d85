// ARP for IPv4 over Ethernet (RFC 826); layout in arp.h.
#include "runtime/net/arp.h"

#include "runtime/net/ethernet.h"
#include "runtime/net/ip_text.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

constexpr uint16_t kHardwareEthernet = 1;  // ares_hrd$Ethernet

}  // namespace

ArpPacket ArpPacket::request(const MacAddress& our_mac, const IpAddress& our_ip,
                             const IpAddress& target) {
  ArpPacket p;
  p.operation = kRequest;
  p.sender_mac = our_mac;
  p.sender_ip = our_ip;
  p.target_ip = target;
  return p;
}

Result<ArpPacket> ArpPacket::parse(ByteSpan bytes) {
  if (bytes.size() < kSize) return NetError::kArpTruncated;
  const std::byte* b = bytes.data();
  // RFC 826: ar$hrd, ar$pro, ar$hln, ar$pln must match what we speak; others are dropped.
  if (wire::load_u16(b) != kHardwareEthernet || wire::load_u8(b + 4) != MacAddress::kSize) {
    return NetError::kArpUnsupportedHardware;
  }
  if (wire::load_u16(b + 2) != ether_type::kIpv4 || wire::load_u8(b + 5) != 4) {
    return NetError::kArpUnsupportedProtocol;
  }
  ArpPacket p;
  p.operation = wire::load_u16(b + 6);
  if (p.operation != kRequest && p.operation != kReply) return NetError::kArpBadOperation;
  p.sender_mac = MacAddress::load(b + 8);
  p.sender_ip = IpAddress::v4(wire::load_u32(b + 14));
  p.target_mac = MacAddress::load(b + 18);
  p.target_ip = IpAddress::v4(wire::load_u32(b + 24));
  return p;
}

void ArpPacket::serialize_to(BufferWriter& w) const {
  std::array<std::byte, kSize> b{};
  wire::store_u16(b.data(), kHardwareEthernet);
  wire::store_u16(b.data() + 2, ether_type::kIpv4);
  wire::store_u8(b.data() + 4, MacAddress::kSize);
  wire::store_u8(b.data() + 5, 4);
  wire::store_u16(b.data() + 6, operation);
  sender_mac.store(b.data() + 8);
  wire::store_u32(b.data() + 14, sender_ip.v4_host_order());
  target_mac.store(b.data() + 18);
  wire::store_u32(b.data() + 24, target_ip.v4_host_order());
  w.put_bytes(b);
}

void write_arp_frame(BufferWriter& w, const ArpPacket& arp, const MacAddress& dst_mac) {
  const size_t start = w.size();
  EthernetHeader{dst_mac, arp.sender_mac, std::nullopt, ether_type::kArp}.serialize_to(w);
  arp.serialize_to(w);
  pad_ethernet_frame(w, start);
}

std::string ArpPacket::to_string() const {
  if (operation == kRequest) {
    return "request who-has " + ip_text(target_ip) + " tell " + ip_text(sender_ip) + " (" +
           sender_mac.to_string() + ")";
  }
  return "reply " + ip_text(sender_ip) + " is-at " + sender_mac.to_string();
}

std::optional<ArpPacket> arp_reply_for(const ArpPacket& received, const MacAddress& our_mac,
                                       const IpAddress& our_ip) {
  // RFC 826: "Am I the target protocol address? ... If the opcode is ares_op$REQUEST ...
  // send the packet to the (new) target hardware address".
  if (received.operation != ArpPacket::kRequest || received.target_ip != our_ip) {
    return std::nullopt;
  }
  ArpPacket reply;
  reply.operation = ArpPacket::kReply;
  reply.sender_mac = our_mac;
  reply.sender_ip = our_ip;
  reply.target_mac = received.sender_mac;
  reply.target_ip = received.sender_ip;
  return reply;
}

}  // namespace dpsctp::net
