// A trivial Host for testing the network model: records every packet it receives and
// fires timers from a list of deadlines. Shared by the sim tests.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/time.h"
#include "sim/host.h"
#include "sim/network.h"
#include "wire/byte_io.h"

namespace dpsctp::sim::testing {

struct Received {
  Instant at;
  IpAddress src;
  IpAddress dst;
  std::vector<std::byte> bytes;
  friend bool operator==(const Received&, const Received&) = default;
};

class RecordingHost final : public Host {
 public:
  explicit RecordingHost(std::string name, std::vector<std::string>* log = nullptr)
      : name_(std::move(name)), log_(log) {}

  void receive(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst,
               Instant now) override {
    received.push_back({now, src, dst, {packet.begin(), packet.end()}});
    if (log_ != nullptr) log_->push_back(name_ + " pkt@" + us(now));
    if (on_receive) on_receive(packet, src, dst, now);
  }
  void on_timer(Instant now) override {
    fired.push_back(now);
    if (log_ != nullptr) log_->push_back(name_ + " timer@" + us(now));
    // Drop every deadline that is due.
    std::erase_if(deadlines, [&](Instant d) { return d <= now; });
  }
  [[nodiscard]] Instant next_timer() const override {
    return deadlines.empty() ? kNever : *std::min_element(deadlines.begin(), deadlines.end());
  }

  static std::string us(Instant t) { return std::to_string(t.time_since_epoch().count()); }

  std::vector<Received> received;
  std::vector<Instant> fired;
  std::vector<Instant> deadlines;
  std::function<void(wire::ByteSpan, const IpAddress&, const IpAddress&, Instant)> on_receive;

 private:
  std::string name_;
  std::vector<std::string>* log_;
};

/// A packet whose first 8 bytes carry `id` (big-endian) followed by `size - 8` bytes of
/// filler derived from the id.
inline std::vector<std::byte> numbered_packet(uint64_t id, size_t size = 100) {
  std::vector<std::byte> p(std::max<size_t>(size, 8));
  for (size_t i = 0; i < 8; ++i) p[i] = std::byte{static_cast<uint8_t>(id >> (56 - 8 * i))};
  for (size_t i = 8; i < p.size(); ++i) p[i] = std::byte{static_cast<uint8_t>(id * 31 + i)};
  return p;
}

inline uint64_t packet_id(const std::vector<std::byte>& p) {
  uint64_t id = 0;
  for (size_t i = 0; i < 8; ++i) id = (id << 8) | static_cast<uint8_t>(p[i]);
  return id;
}

}  // namespace dpsctp::sim::testing
