// The requesting side of RFC 6525 stream re-configuration (§5.1.1): the Re-configuration
// Request Sequence Number, one outstanding RE-CONFIG chunk (one or two requests, §3.1) at
// a time, its retransmission timer, and the matching of responses (§5.2.7).
//
// A request is first *prepared*: the association may have to wait before it can send it
// (§5.1.2: the streams being reset must have handed all their queued data to the TSN
// sequence first, so the Sender's Last Assigned TSN covers it). send_prepared() then numbers
// the requests and makes them outstanding. Sans-IO: the caller passes `now` and the RTO,
// and writes the chunk when transmit_pending() says so.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/reconfig/reconfig_request.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"

namespace dpsctp::core {

class ReconfigRequester {
 public:
  /// RFC 6525 §3.1: a RE-CONFIG chunk carries at most two parameters.
  static constexpr size_t kMaxRequests = 2;

  /// RFC 6525 §5.1.1: "the first Re-configuration Request Sequence Number ... MUST be
  /// set to the same value as the initial TSN".
  explicit ReconfigRequester(Tsn local_initial_tsn) : next_sn_(local_initial_tsn.value()) {}

  /// §5.1.1: a new request only when none is prepared or outstanding.
  [[nodiscard]] bool busy() const { return !prepared_.empty() || !outstanding_.empty(); }
  /// Adds a request to the chunk being prepared (at most kMaxRequests). False if full
  /// or a chunk is already outstanding.
  bool prepare(ReconfigRequest r);
  /// The prepared requests (the association fills in sender_last_tsn / response_sn).
  [[nodiscard]] std::span<ReconfigRequest> prepared() { return prepared_; }
  [[nodiscard]] std::span<const ReconfigRequest> prepared() const { return prepared_; }
  /// Numbers the prepared requests, makes them outstanding and starts the timer at
  /// now + rto (§5.1.1: "the sender MUST start the RE-CONFIG timer ... RTO").
  void send_prepared(Instant now, Duration rto);

  [[nodiscard]] std::span<const ReconfigRequest> outstanding() const { return outstanding_; }
  /// Whether the outstanding chunk must be (re)sent now.
  [[nodiscard]] bool transmit_pending() const { return transmit_; }
  void on_transmitted() { transmit_ = false; }
  /// The RE-CONFIG timer; kNever when nothing is outstanding.
  [[nodiscard]] Instant deadline() const { return deadline_; }

  /// Timer expiry: the chunk is sent again. Returns whether this expiry counts as an
  /// error (§5.1.1: like T3-rtx, the path's RTO is backed off and the association's
  /// error counter incremented), false right after an "In progress" answer (§5.2.7:
  /// "the corresponding error counters MUST NOT be incremented"). The caller then calls
  /// restart_timer() with the (backed-off) RTO.
  bool on_timeout();
  void restart_timer(Instant at) { deadline_ = outstanding_.empty() ? kNever : at; }

  /// The outstanding request with this Re-configuration Request Sequence Number.
  [[nodiscard]] const ReconfigRequest* find(uint32_t request_sn) const;
  /// §5.2.7 "In progress": restarts the timer, the next expiry does not count as error.
  void in_progress(Instant now, Duration rto);
  /// Removes and returns the request a response (or an implicit answer) is for.
  std::optional<ReconfigRequest> complete(uint32_t request_sn);
  /// The outstanding request of `kind`, if any (implicit answers: §5.2.3, §5.2.6).
  [[nodiscard]] const ReconfigRequest* find_kind(ReconfigKind kind) const;

  [[nodiscard]] uint32_t next_request_sn() const { return next_sn_; }
  [[nodiscard]] uint32_t retransmissions() const { return retransmissions_; }

 private:
  std::vector<ReconfigRequest> prepared_;
  std::vector<ReconfigRequest> outstanding_;
  uint32_t next_sn_;
  Instant deadline_ = kNever;
  bool transmit_ = false;
  bool grace_ = false;  // the next expiry follows an "In progress": not an error
  uint32_t retransmissions_ = 0;
};

}  // namespace dpsctp::core
