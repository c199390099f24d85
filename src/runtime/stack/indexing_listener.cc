// IndexingListener: association events -> cross-shard index updates, then the app.
#include "runtime/stack/indexing_listener.h"

#include <algorithm>

namespace dpsctp::runtime {

IndexingListener::~IndexingListener() {
  for (const auto& [id, keys] : keys_) {
    for (const IndexKey& k : keys) index_.erase(k, {shard_, AssocId(id)});
  }
}

void IndexingListener::on_assoc_change(const AssocChange& e) {
  switch (e.state) {
    case AssocChangeState::kCommUp:
    case AssocChangeState::kRestart:
      // RFC 9260 §5.2.2: a restart may bring a new address set: index it afresh.
      remove(e.assoc);
      add(e.assoc);
      break;
    case AssocChangeState::kCommLost:
    case AssocChangeState::kShutdownComp:
    case AssocChangeState::kCantStrAssoc:
      remove(e.assoc);
      break;
  }
  app_.on_assoc_change(e);
}

void IndexingListener::on_peer_addr_change(const PeerAddrChange& e) {
  if (e.state == PeerAddrState::kAdded && keys_.contains(e.assoc.value()) && endpoint_ != nullptr) {
    if (const core::Association* a = endpoint_->association(e.assoc)) {
      add_key(e.assoc, {e.address, a->peer_port(), endpoint_->config().port});
    }
  }
  app_.on_peer_addr_change(e);
}

void IndexingListener::commit_pending() {
  std::vector<AssocId> ids;
  ids.swap(pending_);
  for (AssocId id : ids) add(id);
  pending_.clear();  // an id still unknown now is gone already (closed in the same call)
}

void IndexingListener::add(AssocId id) {
  if (endpoint_ == nullptr) return;
  const core::Association* a = endpoint_->association(id);
  if (a == nullptr) {
    pending_.push_back(id);  // COMM_UP from the constructor: not listed yet
    return;
  }
  keys_[id.value()];  // an association without paths is still known as indexed
  for (const auto& path : a->paths()) {
    add_key(id, {path.peer, a->peer_port(), endpoint_->config().port});
  }
}

void IndexingListener::add_key(AssocId id, const IndexKey& k) {
  std::vector<IndexKey>& keys = keys_[id.value()];
  if (std::find(keys.begin(), keys.end(), k) != keys.end()) return;
  keys.push_back(k);
  index_.insert(k, {shard_, id});
}

void IndexingListener::remove(AssocId id) {
  std::erase(pending_, id);
  const auto it = keys_.find(id.value());
  if (it == keys_.end()) return;
  for (const IndexKey& k : it->second) index_.erase(k, {shard_, id});
  keys_.erase(it);
}

}  // namespace dpsctp::runtime
