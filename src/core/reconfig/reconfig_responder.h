// The responding side of RFC 6525 stream re-configuration: Re-configuration Request
// Sequence Number checking (§5.2.1) with the last results kept for repeated requests, the
// deferred Outgoing SSN Reset (§5.2.2 "deferred reset processing"), and the Response
// parameters waiting to be sent (§4.4).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dpsctp/types.h"
#include "wire/param/reconfiguration_response_parameter.h"

namespace dpsctp::core {

class ReconfigResponder {
 public:
  using Result = wire::ReconfigResult;
  using Response = wire::ReconfigurationResponseParameter;
  /// Responses held for the next packet; more are dropped (the requester retransmits
  /// and gets the kept result again, §5.2.1), so a flood cannot grow memory.
  static constexpr size_t kMaxPendingResponses = 8;

  /// RFC 6525 §5.1.1: the peer's first request carries its initial TSN.
  explicit ReconfigResponder(Tsn peer_initial_tsn) : expected_(peer_initial_tsn.value()) {}

  enum class Verdict : uint8_t {
    kNew,          ///< the expected number: process it, then record()
    kRepeat,       ///< already processed: send `last` again (§5.2.1)
    kBadSequence,  ///< anything else: "Error - Bad Sequence Number" (§5.2.1)
  };
  /// RFC 6525 §5.2.1. `last` receives the kept result of a repeated request.
  [[nodiscard]] Verdict check(uint32_t request_sn, Result* last) const;
  /// Records the result of the expected request and moves on to the next number.
  void record(Result r);
  /// Changes the kept result of an already recorded request (a deferred reset completed).
  void update(uint32_t request_sn, Result r);
  /// The last processed number: the "next expected minus 1" of §4.1's Response Sequence
  /// Number field.
  [[nodiscard]] uint32_t last_processed() const { return expected_ - 1; }

  /// §5.2.2 deferred reset: the peer's outgoing streams are reset once our cumulative
  /// TSN reaches `last_tsn`.
  struct Deferred {
    uint32_t request_sn = 0;
    Tsn last_tsn;
    std::vector<StreamId> streams;  ///< empty = every stream
  };
  std::optional<Deferred> deferred;

  /// Queues a Response parameter (§4.4); false if too many are waiting (dropped).
  bool respond(uint32_t request_sn, Result r,
               std::optional<Response::NextTsns> tsns = std::nullopt);
  [[nodiscard]] std::span<const Response> responses() const { return responses_; }
  /// Drops the first `n` responses (they were written).
  void consume(size_t n);

 private:
  uint32_t expected_;
  std::array<Result, 2> last_{};  // [0]: expected - 1, [1]: expected - 2
  uint8_t kept_ = 0;              // how many of last_ hold a result
  std::vector<Response> responses_;
};

}  // namespace dpsctp::core
