#include "sim/endpoint_host.h"

#include <algorithm>
#include <utility>

namespace dpsctp::sim {

EndpointHost::EndpointHost(Network& net, core::EndpointConfig config, Listener& listener)
    : net_(net),
      buffer_(std::max<size_t>(kBufferSize, config.options.mtu)),
      endpoint_(std::move(config), *this, listener, net.now()) {
  for (const IpAddress& a : endpoint_.config().local_addresses) net_.attach(a, *this);
}

EndpointHost::~EndpointHost() { net_.detach(*this); }

void EndpointHost::receive(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst,
                           Instant now) {
  endpoint_.handle_packet(packet, core::PacketInfo{src, dst}, now);
}

void EndpointHost::on_timer(Instant now) { endpoint_.handle_timeout(now); }

Instant EndpointHost::next_timer() const { return endpoint_.next_timeout(); }

void EndpointHost::send(size_t len, const IpAddress& src, const IpAddress& dst) {
  ++packets_sent_;
  net_.send(std::span<const std::byte>(buffer_).first(len), src, dst);
}

}  // namespace dpsctp::sim
