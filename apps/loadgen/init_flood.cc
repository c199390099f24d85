// InitFlood: spoofed INITs out, INIT ACKs to the spoofed sources checked (init_flood.h).
#include "init_flood.h"

#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include <algorithm>
#include <array>

#include "runtime/net/ethernet.h"
#include "runtime/net/ipv4.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/stack.h"
#include "wire/chunk/init_chunk.h"
#include "wire/chunk_type.h"
#include "wire/crc32c.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace dpsctp::loadgen {
namespace {

constexpr uint16_t kBurst = 32;
constexpr size_t kL2 = net::EthernetHeader::kSize;
constexpr size_t kL3 = net::Ipv4Header::kMinSize;
// RFC 9260 §3.3.2: the INIT's fixed part; no optional parameters (the source address is
// the packet's, §5.1.2).
constexpr size_t kSctp = wire::CommonHeader::kSize + 20;

uint64_t mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

InitFlood::InitFlood(const InitFloodConfig& c)
    : c_(c),
      rng_(c.seed * 0x9e3779b97f4a7c15ull + 0x1f100d),
      src_mask_(c.src_len >= 32 ? 0 : (0xffffffffu >> c.src_len)) {}

InitFlood::~InitFlood() { remove(); }

uint32_t InitFlood::tag_for(uint32_t src_ip, uint16_t src_port) const {
  const auto t = static_cast<uint32_t>(mix(c_.seed ^ (uint64_t{src_ip} << 16) ^ src_port));
  return t != 0 ? t : 1;  // §3.3.2: the Initiate Tag MUST NOT be 0
}

bool InitFlood::install(runtime::Stack& stack, std::string& error) {
  if (!c_.target.is_v4()) {
    error = "--scenario initflood: the first --peer-ip must be IPv4";
    return false;
  }
  stack_ = &stack;
  port_ = stack.port().id();
  pool_ = stack.port().pool();
  our_mac_ = stack.mac();
  rx_cb_ = rte_eth_add_rx_callback(port_, 0, &InitFlood::on_rx, this);
  if (rx_cb_ == nullptr) {
    error = "rte_eth_add_rx_callback failed (RTE_ETHDEV_RXTX_CALLBACKS disabled?)";
    return false;
  }
  return true;
}

void InitFlood::remove() {
  if (rx_cb_ == nullptr) return;
  // Unlinked, then freed: we are the only lcore that polls the port (path_cut.cc).
  rte_eth_remove_rx_callback(port_, 0, static_cast<const rte_eth_rxtx_callback*>(rx_cb_));
  rte_free(const_cast<void*>(rx_cb_));
  rx_cb_ = nullptr;
}

uint16_t InitFlood::on_rx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, uint16_t, void* self) {
  auto* f = static_cast<InitFlood*>(self);
  uint16_t kept = 0;
  for (uint16_t i = 0; i < n; ++i) {
    if (f->inspect(pkts[i])) {
      rte_pktmbuf_free(pkts[i]);  // ours: counted, we free it
    } else {
      pkts[kept++] = pkts[i];
    }
  }
  return kept;
}

bool InitFlood::inspect(const rte_mbuf* m) {
  const wire::ByteSpan frame(rte_pktmbuf_mtod(m, const std::byte*), rte_pktmbuf_data_len(m));
  // Cheap filter first: untagged IPv4 to a destination inside the spoofed range.
  if (frame.size() < kL2 + kL3 || wire::load_u16(frame.data() + 12) != net::ether_type::kIpv4) {
    return false;
  }
  const uint32_t dst = wire::load_u32(frame.data() + kL2 + 16);
  if ((dst & ~src_mask_) != c_.src_net) return false;
  const auto ip = net::Ipv4Packet::parse(frame.subspan(kL2));
  if (!ip || ip->header.protocol != 132) {
    ++stats_.acks_bad_crc;  // to a spoofed source, but not a valid SCTP datagram
    return true;
  }
  const wire::ByteSpan sctp = ip->payload;
  const auto pv = wire::PacketView::parse(sctp);
  if (!pv || !wire::verify_sctp_checksum(sctp)) {  // RFC 9260 §6.8
    ++stats_.acks_bad_crc;
    return true;
  }
  // §3.3.3: an INIT ACK is alone in its packet; §8.5.1: its tag is our Initiate Tag.
  if (pv->chunk_count() != 1 || !pv->first_chunk().is(wire::ChunkType::kInitAck)) {
    ++stats_.other;
    return true;
  }
  if (pv->header().vtag.value() != tag_for(dst, pv->header().dst_port) ||
      pv->header().src_port != c_.target_port) {
    ++stats_.acks_bad_tag;
    return true;
  }
  ++stats_.acks_ok;
  return true;
}

rte_mbuf* InitFlood::build_init() {
  rte_mbuf* m = rte_pktmbuf_alloc(pool_);
  if (m == nullptr) return nullptr;
  auto* d = reinterpret_cast<std::byte*>(rte_pktmbuf_append(m, kL2 + kL3 + kSctp));
  if (d == nullptr) {
    rte_pktmbuf_free(m);
    return nullptr;
  }
  const uint64_t r = rng_.next();
  uint32_t host = static_cast<uint32_t>(r) & src_mask_;
  if (host == 0) host = 1;  // not the network address
  const uint32_t src = c_.src_net | host;
  const auto sport = static_cast<uint16_t>(1024 + (r >> 32) % (65536 - 1024));
  const runtime::LinkIdentity link{.mac = our_mac_, .vlan = std::nullopt};
  runtime::write_l2_header({d, kL2}, link, target_mac_, net::ether_type::kIpv4);
  runtime::write_sctp_l3_header({d + kL2, kL3}, IpAddress::v4(src), c_.target, kSctp, false);
  // §8.5.1: the Verification Tag of a packet carrying INIT is 0.
  wire::PacketBuilder b({d + kL2 + kL3, kSctp}, {.src_port = sport,
                                                  .dst_port = c_.target_port,
                                                  .vtag = VerificationTag(0)});
  const wire::BufferWriter::Mark mark =
      wire::InitChunk::begin(b.writer(), VerificationTag(tag_for(src, sport)), 65536, 10, 10,
                             Tsn(static_cast<uint32_t>(r >> 16)));
  b.writer().end_tlv(mark);
  if (b.finish().size() != kSctp) {
    rte_pktmbuf_free(m);
    return nullptr;
  }
  return m;
}

void InitFlood::send_burst(uint64_t n) {
  std::array<rte_mbuf*, kBurst> out{};
  uint16_t built = 0;
  while (built < std::min<uint64_t>(n, kBurst)) {
    rte_mbuf* m = build_init();
    if (m == nullptr) {
      ++stats_.no_mbuf;
      break;
    }
    out[built++] = m;
  }
  if (built == 0) return;
  const uint16_t sent = rte_eth_tx_burst(port_, 0, out.data(), built);
  stats_.sent += sent;
  if (sent < built) {
    // Ownership rule: the PMD refused them, we free them (rebuilt with new sources later).
    rte_pktmbuf_free_bulk(&out[sent], built - sent);
    stats_.tx_refused += built - sent;
  }
}

void InitFlood::step(uint64_t now_ns, bool running, uint64_t echoes) {
  if (done_ || stack_ == nullptr) return;
  if (stats_.acks_ok != acks_seen_) {
    if (stats_.first_ack_ns == 0) stats_.first_ack_ns = now_ns;
    stats_.last_ack_ns = now_ns;
    acks_seen_ = stats_.acks_ok;
  }
  if (stats_.sent >= c_.count) {
    if (now_ns >= stats_.last_tx_ns + static_cast<uint64_t>(c_.grace_s * 1e9)) done_ = true;
    return;
  }
  if (!running) return;
  if (start_ns_ == 0) {
    start_ns_ = now_ns + static_cast<uint64_t>(c_.start_after_s * 1e9);
    stats_.run_start_ns = now_ns;
    stats_.echoes_at_run_start = echoes;
  }
  if (now_ns < start_ns_) return;
  if (stats_.first_tx_ns == 0) {
    // The server's MAC: resolved by the established associations' ARP exchange.
    const std::optional<net::MacAddress> mac = stack_->shard().neighbours().peek(c_.target);
    if (!mac) return;
    target_mac_ = *mac;
    stats_.first_tx_ns = now_ns;
    stats_.echoes_at_start = echoes;
    // 10 ms of tokens: a loop iteration the scheduler delays (CPUs shared with other
    // processes) catches up instead of losing its share of the offered rate.
    if (c_.rate > 0) bucket_.emplace(c_.rate, std::max(double{kBurst}, c_.rate / 100), now_ns);
  }
  uint64_t allowed = c_.count - stats_.sent;
  if (bucket_) allowed = std::min(allowed, bucket_->available(now_ns));
  const uint64_t before = stats_.sent;
  // Bursts until the allowance is spent or the TX ring refuses (at most 16 per step, so
  // the shard's own traffic is polled in between).
  for (int i = 0; i < 16 && stats_.sent - before < allowed; ++i) {
    const uint64_t refused = stats_.tx_refused + stats_.no_mbuf;
    send_burst(allowed - (stats_.sent - before));
    if (stats_.tx_refused + stats_.no_mbuf != refused) break;
  }
  if (bucket_) bucket_->consume(stats_.sent - before);
  if (stats_.sent >= c_.count) {
    stats_.last_tx_ns = now_ns;
    stats_.echoes_at_end = echoes;
  }
}

nlohmann::json InitFlood::report() const {
  const InitFloodStats& s = stats_;
  const auto per_s = [](uint64_t n, uint64_t a, uint64_t b) {
    return b > a ? static_cast<double>(n) * 1e9 / static_cast<double>(b - a) : 0.0;
  };
  const uint64_t malformed = s.acks_bad_crc + s.acks_bad_tag;
  const uint64_t echoes = s.echoes_at_end >= s.echoes_at_start ? s.echoes_at_end - s.echoes_at_start : 0;
  // done_ (the grace period after the last INIT) only decides when to stop counting.
  const bool ok = s.sent == c_.count && malformed == 0;
  return {
      {"ok", ok},
      {"inits_target", c_.count},
      {"rate_target", c_.rate},
      {"inits_sent", s.sent},
      {"tx_refused", s.tx_refused},
      {"no_mbuf", s.no_mbuf},
      {"init_acks_ok", s.acks_ok},
      {"init_acks_bad_crc", s.acks_bad_crc},
      {"init_acks_bad_tag", s.acks_bad_tag},
      {"other_to_spoofed", s.other},
      {"send_s", s.last_tx_ns > s.first_tx_ns
                     ? static_cast<double>(s.last_tx_ns - s.first_tx_ns) / 1e9 : 0.0},
      {"inits_per_s", per_s(s.sent, s.first_tx_ns, s.last_tx_ns)},
      {"init_acks_per_s", per_s(s.acks_ok, s.first_tx_ns, s.last_ack_ns)},
      {"established_echoes_during", echoes},
      {"established_echoes_per_s_during", per_s(echoes, s.first_tx_ns, s.last_tx_ns)},
      {"established_echoes_per_s_before",
       per_s(s.echoes_at_start - s.echoes_at_run_start, s.run_start_ns, s.first_tx_ns)},
  };
}

}  // namespace dpsctp::loadgen
