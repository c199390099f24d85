// PacketPool: the simulator's packets in flight. Each slot owns a std::vector<std::byte>
// that keeps its capacity when the slot is released, so a long simulation stops
// allocating once the pool has grown to the peak number of packets in flight.
//
// No RFC sections: test infrastructure.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "dpsctp/address.h"
#include "wire/byte_io.h"

namespace dpsctp::sim {

struct SimPacket {
  std::vector<std::byte> bytes;
  IpAddress src;
  IpAddress dst;
};

class PacketPool {
 public:
  /// Copies `bytes` into a free slot (reusing its buffer) and returns the slot index.
  uint32_t acquire(wire::ByteSpan bytes, const IpAddress& src, const IpAddress& dst) {
    uint32_t i;
    if (free_.empty()) {
      i = static_cast<uint32_t>(slots_.size());
      slots_.emplace_back();  // std::deque: references to other slots stay valid
    } else {
      i = free_.back();
      free_.pop_back();
    }
    SimPacket& p = slots_[i];
    p.bytes.assign(bytes.begin(), bytes.end());
    p.src = src;
    p.dst = dst;
    ++in_use_;
    return i;
  }
  /// A second slot holding a copy of slot `i` (for duplication).
  uint32_t clone(uint32_t i) {
    // Slot i's bytes stay put while acquire() adds a slot (std::deque never relocates).
    const uint32_t j = acquire({}, slots_[i].src, slots_[i].dst);
    slots_[j].bytes.assign(slots_[i].bytes.begin(), slots_[i].bytes.end());
    return j;
  }
  /// The packet in slot `i`; the reference stays valid while other slots are acquired.
  SimPacket& operator[](uint32_t i) { return slots_[i]; }
  /// Returns slot `i` to the free list; its buffer keeps its capacity.
  void release(uint32_t i) {
    free_.push_back(i);
    --in_use_;
  }
  [[nodiscard]] size_t in_use() const { return in_use_; }
  /// Slots ever created: the peak number of packets in flight.
  [[nodiscard]] size_t slots() const { return slots_.size(); }

 private:
  std::deque<SimPacket> slots_;
  std::vector<uint32_t> free_;
  size_t in_use_ = 0;
};

}  // namespace dpsctp::sim
