// Everything an association keeps for RFC 6525 stream re-configuration: the requester
// and responder state machines (created once the initial TSNs are known) and the user
// messages held while their stream is being reset (§5.1.2, §5.1.4).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/reconfig/reconfig_requester.h"
#include "core/reconfig/reconfig_responder.h"
#include "core/tx/send_queue.h"

namespace dpsctp::core {

struct ReconfigState {
  /// A send() on a paused stream, queued until the reset is answered (RFC 6525 §5.1.2).
  struct HeldSend {
    StreamId stream;
    Ppid ppid;
    SendOptions options;
    std::vector<std::byte> data;
  };

  std::optional<ReconfigRequester> requester;
  std::optional<ReconfigResponder> responder;
  std::vector<HeldSend> held;
  size_t held_bytes = 0;

  /// A fresh start with the association's initial TSNs (establishment, restart).
  void reset(Tsn local_initial_tsn, Tsn peer_initial_tsn) {
    requester.emplace(local_initial_tsn);
    responder.emplace(peer_initial_tsn);
  }
  /// Whether new data on `s` must wait (a prepared or outstanding reset covers it).
  [[nodiscard]] bool pauses(StreamId s) const {
    if (!requester || !requester->busy()) return false;
    for (const ReconfigRequest& r : requester->prepared()) {
      if (r.pauses(s)) return true;
    }
    for (const ReconfigRequest& r : requester->outstanding()) {
      if (r.pauses(s)) return true;
    }
    return false;
  }
};

}  // namespace dpsctp::core
