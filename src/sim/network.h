// Network: a deterministic simulator of the IP network between SCTP hosts, in virtual
// time. No threads, no clock reads: time advances only inside run_until()/run_for(), from
// one event to the next — a packet arriving or a host timer expiring — so a test that
// lasts minutes of virtual time runs in milliseconds and replays exactly from its seed.
//
//   host A --send()--> [link A->B: down? queue/serialise, loss, corrupt, dup, reorder,
//                       delay + jitter] --event at arrival time--> host B.receive()
//
// All randomness comes from the seed given to the constructor (print seed() when a test
// fails). Ties at the same instant are broken deterministically: packets due at t are
// delivered in the order they were scheduled, then host timers due at t fire, in the
// order the hosts were first attached.
//
// No RFC sections: test infrastructure (see sim/link_config.h for what is modelled).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <queue>
#include <span>
#include <utility>
#include <vector>

#include "core/random.h"
#include "dpsctp/address.h"
#include "dpsctp/time.h"
#include "sim/host.h"
#include "sim/link_config.h"
#include "sim/packet_pool.h"
#include "wire/byte_io.h"

namespace dpsctp::sim {

class Network {
 public:
  struct Stats {
    uint64_t sent = 0;                 ///< send() calls
    uint64_t delivered = 0;            ///< Host::receive() calls (duplicates count twice)
    uint64_t dropped_loss = 0;         ///< random loss
    uint64_t dropped_down = 0;         ///< link down
    uint64_t dropped_queue = 0;        ///< bottleneck queue full (drop-tail)
    uint64_t duplicated = 0;           ///< extra copies scheduled
    uint64_t reordered = 0;            ///< packets held back by reorder_delay
    uint64_t corrupted = 0;            ///< packets with one bit flipped
    uint64_t dropped_no_host = 0;      ///< arrived at an address no host is attached to
    uint64_t dropped_intercepted = 0;  ///< dropped by the interceptor
    uint64_t timers_fired = 0;         ///< Host::on_timer() calls
  };

  /// Sees (and may rewrite) every packet at send() time, before the link model. Return
  /// false to drop it. For tests that tamper with or capture specific packets.
  using Interceptor = std::function<bool(std::vector<std::byte>& packet, const IpAddress& src,
                                         const IpAddress& dst)>;
  /// Sees every packet as it is delivered (after the link model), e.g. to log a trace.
  using Tap = std::function<void(Instant now, wire::ByteSpan packet, const IpAddress& src,
                                 const IpAddress& dst)>;

  /// All randomness of the link model is drawn from `seed`. Virtual time starts at `start`.
  explicit Network(uint64_t seed, Instant start = Instant{});
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  [[nodiscard]] uint64_t seed() const { return seed_; }

  // --- Topology -------------------------------------------------------------------------
  /// Packets to `addr` go to `host`. A host may own several addresses (multi-homing). An
  /// address belongs to one host at a time: attaching an owned address aborts.
  void attach(const IpAddress& addr, Host& host);
  /// Removes every address of `host` and its timers; packets in flight to those addresses
  /// are dropped on arrival (dropped_no_host) unless another host attaches them first —
  /// which is how a test restarts a peer. Hosts call it from their destructor.
  void detach(Host& host);
  /// The configuration of the direction from -> to (replacing the default for that pair).
  void set_link(const IpAddress& from, const IpAddress& to, const LinkConfig& c);
  /// Both directions between a and b.
  void set_link_both(const IpAddress& a, const IpAddress& b, const LinkConfig& c);
  /// The configuration of every pair not given one by set_link() (also those already used).
  void set_default_link(const LinkConfig& c);
  /// Path failure / recovery of one direction (keeps the rest of its configuration).
  void set_up(const IpAddress& from, const IpAddress& to, bool up);
  /// Path failure / recovery of both directions between a and b.
  void set_up_both(const IpAddress& a, const IpAddress& b, bool up);
  /// The configuration in force for from -> to.
  [[nodiscard]] const LinkConfig& link(const IpAddress& from, const IpAddress& to) const;
  void set_interceptor(Interceptor f) { interceptor_ = std::move(f); }
  void set_tap(Tap f) { tap_ = std::move(f); }

  // --- Traffic ---------------------------------------------------------------------------
  /// Called by hosts (through their PacketSink) or by tests (spoofed packets): copies the
  /// packet and schedules its delivery to `dst` per the link model of src -> dst.
  void send(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst);

  // --- Virtual time ----------------------------------------------------------------------
  [[nodiscard]] Instant now() const { return now_; }
  /// Delivers packets and fires host timers in time order up to and including `until`,
  /// then sets now() to `until` (if later).
  void run_until(Instant until);
  void run_for(Duration d) { run_until(now_ + d); }
  /// Processes events until pred() is true (checked before the first event and after
  /// each) or the next event is after `limit`; returns pred(). now() stays at the event
  /// that made pred() true, else advances to `limit`.
  bool run_until(const std::function<bool()>& pred, Instant limit);
  /// Processes one event (a delivery or a timer) if one is due at or before `limit`.
  bool step(Instant limit);
  /// Time of the next event (packet arrival or host timer), kNever if none.
  [[nodiscard]] Instant next_event() const;

  [[nodiscard]] const Stats& stats() const { return stats_; }
  /// Packets scheduled and not yet delivered.
  [[nodiscard]] size_t in_flight() const { return events_.size(); }
  /// Packet buffers ever allocated (peak in flight): stays flat in steady state.
  [[nodiscard]] size_t buffers_allocated() const { return pool_.slots(); }

 private:
  struct Event {
    Instant at;
    uint64_t seq;     // tie-break: scheduling order
    uint32_t packet;  // PacketPool slot
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      return a.at != b.at ? a.at > b.at : a.seq > b.seq;
    }
  };
  struct Link {
    LinkConfig config;
    bool configured = false;  // set_link() was called; else follows the default
    std::deque<std::pair<Instant, size_t>> backlog;  // (serialisation end, bytes)
    size_t backlog_bytes = 0;
    Instant busy_until{};
  };

  Link& link_state(const IpAddress& from, const IpAddress& to);
  /// Bottleneck: when the packet has finished serialising onto the link, or kNever if the
  /// drop-tail queue rejected it.
  Instant serialise(Link& l, size_t len);
  void schedule(uint32_t packet, Instant at);
  Duration propagation(const LinkConfig& c);
  void deliver_next();
  void fire_timer(Host& h);
  bool chance(double p);
  void flip_random_bit(std::vector<std::byte>& bytes);

  uint64_t seed_;
  core::Random rng_;
  Instant now_;
  uint64_t next_seq_ = 0;
  LinkConfig default_link_;
  std::map<std::pair<IpAddress, IpAddress>, Link> links_;
  std::map<IpAddress, Host*> addresses_;
  std::vector<Host*> hosts_;  // attach order: timer tie-break
  PacketPool pool_;
  std::priority_queue<Event, std::vector<Event>, Later> events_;
  Interceptor interceptor_;
  Tap tap_;
  Stats stats_;
  // Stall detection: a host whose timer stays due after on_timer().
  Host* last_timer_host_ = nullptr;
  Instant last_timer_at_ = kNever;
  uint32_t same_timer_count_ = 0;
};

}  // namespace dpsctp::sim
