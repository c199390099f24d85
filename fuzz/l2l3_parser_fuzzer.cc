// libFuzzer target: every L2/L3 parser of src/runtime/net (Ethernet, ARP, IPv4, IPv6 with
// its extension-header walk, ICMP, ICMPv6, NDP) on arbitrary bytes, both as a whole frame
// dispatched the way the runtime's RX path does and directly on the raw input. Any
// out-of-bounds read, UB or assertion is a bug. Build with scripts/fuzz; in the regular
// build the same function replays the seed corpus as a test (replay_main.cc).
#include <cstddef>
#include <cstdint>

#include "runtime/net/arp.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/icmp.h"
#include "runtime/net/icmpv6.h"
#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"
#include "runtime/net/ndp.h"

namespace {
using namespace dpsctp::net;

size_t parse_icmpv4(ByteSpan b) {
  size_t n = 0;
  if (Result<IcmpEcho> e = IcmpEcho::parse(b)) n += e->data.size();
  if (Result<IcmpDestUnreachable> u = IcmpDestUnreachable::parse(b)) {
    n += u->next_hop_mtu + (u->sctp() ? 1u : 0u);
  }
  return n;
}

size_t parse_icmpv6(ByteSpan b, const Ipv6Header& ip) {
  size_t n = 0;
  if (Result<Icmpv6Echo> e = Icmpv6Echo::parse(b, ip)) n += e->data.size();
  if (Result<Icmpv6PacketTooBig> t = Icmpv6PacketTooBig::parse(b, ip)) {
    n += t->mtu + (t->sctp() ? 1u : 0u);
  }
  if (Result<NeighbourSolicitation> ns = NeighbourSolicitation::parse(b, ip)) {
    n += ns->source_lla ? 1u : 0u;
  }
  if (Result<NeighbourAdvertisement> na = NeighbourAdvertisement::parse(b, ip)) {
    n += na->target_lla ? 1u : 0u;
  }
  return n;
}

size_t parse_ipv4(ByteSpan b, ChecksumCheck check) {
  Result<Ipv4Packet> p = Ipv4Packet::parse(b, check);
  if (!p || p->header.protocol != ip_proto::kIcmp) return 0;
  return parse_icmpv4(p->payload);
}

size_t parse_ipv6(ByteSpan b) {
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  if (!p || p->upper_protocol != ip_proto::kIcmpv6) return 0;
  return parse_icmpv6(p->payload, p->header);
}

size_t parse_frame(ByteSpan b) {
  Result<EthernetFrame> f = EthernetFrame::parse(b);
  if (!f) return 0;
  switch (f->header.ether_type) {
    case ether_type::kArp:
      return ArpPacket::parse(f->payload) ? 1 : 0;
    // Checksums skipped, as when the NIC verified them, so the fuzzer reaches deeper.
    case ether_type::kIpv4:
      return parse_ipv4(f->payload, ChecksumCheck::kSkip);
    case ether_type::kIpv6:
      return parse_ipv6(f->payload);
    default:
      return 0;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteSpan bytes(reinterpret_cast<const std::byte*>(data), size);
  size_t n = parse_frame(bytes);
  // Each layer alone, on the raw input, so no outer header has to be guessed first.
  n += ArpPacket::parse(bytes) ? 1 : 0;
  n += parse_ipv4(bytes, ChecksumCheck::kVerify);
  n += parse_ipv6(bytes);
  n += parse_icmpv4(bytes);
  (void)Ipv4Packet::parse_quoted(bytes);
  (void)Ipv6Packet::parse_quoted(bytes);
  (void)n;  // summed only so the parse results are used
  return 0;
}
