// ARP (RFC 826) for IPv4 over Ethernet: request/reply parse and build, and the reply to
// a request for one of our addresses (RFC 826 "Packet Reception"). Probes and
// announcements per RFC 5227 §2.1.1 / §2.3.
//
//    0                   1                   2                   3
//   +---------------------------------+---------------------------------+
//   |  Hardware Type = 1 (Ethernet)   |   Protocol Type = 0x0800 (IPv4) |
//   +----------------+----------------+---------------------------------+
//   |  HLEN = 6      |  PLEN = 4      |   Operation: 1 request, 2 reply |
//   +----------------+----------------+---------------------------------+
//   |  Sender Hardware Address (6)    |  Sender Protocol Address (4)    |
//   |  Target Hardware Address (6)    |  Target Protocol Address (4)    |
//   +---------------------------------+---------------------------------+
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dpsctp/address.h"
#include "runtime/net/mac_address.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

using wire::BufferWriter;
using ByteSpan = std::span<const std::byte>;

struct ArpPacket {
  static constexpr size_t kSize = 28;
  static constexpr uint16_t kRequest = 1;  ///< ares_op$REQUEST
  static constexpr uint16_t kReply = 2;    ///< ares_op$REPLY

  uint16_t operation = kRequest;
  MacAddress sender_mac;
  IpAddress sender_ip;
  MacAddress target_mac;  ///< ignored in a request (zero when we build one)
  IpAddress target_ip;

  /// Request for `target` from us (RFC 826 "Packet Generation"): target hardware address
  /// zero; sent to the Ethernet broadcast address.
  static ArpPacket request(const MacAddress& our_mac, const IpAddress& our_ip,
                           const IpAddress& target);

  /// RFC 5227 §2.1.1 probe: sender protocol address 0.0.0.0. A probe must not update a
  /// cache (it says nothing about the sender's address).
  [[nodiscard]] bool is_probe() const { return sender_ip == IpAddress::v4(0u); }
  /// Gratuitous ARP / RFC 5227 §2.3 announcement: sender and target address equal.
  [[nodiscard]] bool is_announcement() const { return sender_ip == target_ip; }

  /// Parses the Ethernet payload of an ARP frame (trailing padding allowed). Errors:
  /// kArpTruncated, kArpUnsupportedHardware, kArpUnsupportedProtocol, kArpBadOperation.
  static Result<ArpPacket> parse(ByteSpan bytes);
  /// Writes the 28 bytes; sender/target IPs must be IPv4.
  void serialize_to(BufferWriter& w) const;
  /// "request who-has 10.0.0.2 tell 10.0.0.1 (02:00:00:00:00:01)"
  [[nodiscard]] std::string to_string() const;
};

/// RFC 826 "Packet Reception": if `received` is a request whose target protocol address is
/// `our_ip`, the reply to send back (to received.sender_mac): "swap hardware and protocol
/// fields, putting the local hardware and protocol addresses in the sender fields", opcode
/// reply. nullopt for replies and for requests for other addresses. The caller also merges
/// the sender into its neighbour cache (NeighbourCache::on_unsolicited) unless is_probe().
std::optional<ArpPacket> arp_reply_for(const ArpPacket& received, const MacAddress& our_mac,
                                       const IpAddress& our_ip);

/// Writes a whole ARP frame: Ethernet header from `arp.sender_mac` to `dst_mac` (broadcast
/// for a request, the requester for a reply), the packet, padding to 60 bytes (RFC 894).
void write_arp_frame(BufferWriter& w, const ArpPacket& arp, const MacAddress& dst_mac);

}  // namespace dpsctp::net
