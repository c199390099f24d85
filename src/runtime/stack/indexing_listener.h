// IndexingListener: keeps the cross-shard index (cross_shard_index.h) in step with one
// Endpoint's associations, by watching the events the core already emits — the core has
// no create/destroy hook of its own, and needs none: an association becomes reachable by
// a peer's INIT / T-bit ABORT only once it exists on the wire, which the events mark.
//
//   COMM_UP, RESTART (RFC 6458 §6.1.1)  -> one entry per peer address (RFC 9260 §6.4)
//   PEER_ADDR_CHANGE ADDED              -> one more entry
//   COMM_LOST, SHUTDOWN_COMP, CANT_STR  -> its entries removed
//
// The core reports COMM_UP of a passive open (COOKIE ECHO, RFC 9260 §5.1.5 step 4) from the
// new Association's constructor, before the Endpoint lists it: such ids wait in a pending
// list that commit() resolves; the shard calls commit() at the end of every poll_once()
// (one emptiness test when nothing is pending).
//
// Every event is then forwarded unchanged to the application's Listener. Lives on the
// shard's lcore like the Endpoint it serves; the index itself is shared (thread-safe).
//
// Not indexed: associations still in COOKIE-WAIT / COOKIE-ECHOED (an INIT collision
// during our own handshake, RFC 9260 §5.2.1, reaching another shard is answered there
// statelessly; the peer then resolves the two handshakes by §5.2.4's table).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/events.h"
#include "runtime/stack/cross_shard_index.h"

namespace dpsctp::runtime {

class IndexingListener final : public Listener {
 public:
  IndexingListener(Listener& app, CrossShardIndex& index, uint16_t shard)
      : app_(app), index_(index), shard_(shard) {}
  ~IndexingListener() override;  ///< removes what it still holds (a stopping shard)
  IndexingListener(const IndexingListener&) = delete;
  IndexingListener& operator=(const IndexingListener&) = delete;

  /// The endpoint whose events arrive here (set right after constructing it).
  void attach(const core::Endpoint* endpoint) { endpoint_ = endpoint; }
  [[nodiscard]] size_t indexed_associations() const { return keys_.size(); }
  /// Indexes the associations whose COMM_UP came before the Endpoint listed them.
  void commit() {
    if (!pending_.empty()) commit_pending();
  }

  void on_message(const ReceivedMessage& m) override { app_.on_message(m); }
  void on_assoc_change(const AssocChange& e) override;
  void on_send_failed(const SendFailed& e) override { app_.on_send_failed(e); }
  void on_shutdown_event(AssocId a) override { app_.on_shutdown_event(a); }
  void on_remote_error(const RemoteError& e) override { app_.on_remote_error(e); }
  void on_sender_dry(AssocId a) override { app_.on_sender_dry(a); }
  void on_peer_addr_change(const PeerAddrChange& e) override;

 private:
  void commit_pending();
  void add(AssocId a);
  void add_key(AssocId a, const IndexKey& k);
  void remove(AssocId a);

  Listener& app_;
  CrossShardIndex& index_;
  uint16_t shard_;
  const core::Endpoint* endpoint_ = nullptr;
  // What this shard put in the index, per association (control plane: allocation here is
  // per association, never per packet).
  std::unordered_map<uint32_t, std::vector<IndexKey>> keys_;
  std::vector<AssocId> pending_;
};

}  // namespace dpsctp::runtime
