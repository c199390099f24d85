// IndexingListener: the cross-shard index follows an association's life (COMM_UP ->
// entries per peer address, SHUTDOWN_COMP / COMM_LOST -> removed), every event still
// reaches the application, and the tags of a shard's Endpoint name that shard so
// route_sctp() sends its packets home (design.md §3).
#include "runtime/stack/indexing_listener.h"

#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <memory>
#include <vector>

#include "runtime/stack/shard_route.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kClientIp = IpAddress::v4(10, 0, 0, 1);
const IpAddress kServerIp = IpAddress::v4(10, 0, 0, 2);
constexpr uint16_t kClientPort = 5000, kServerPort = 36412;

struct Packet {
  std::vector<std::byte> bytes;
  IpAddress src, dst;
};

class QueueSink final : public core::PacketSink {
 public:
  explicit QueueSink(std::deque<Packet>& q) : q_(q) {}
  wire::MutableByteSpan next_buffer() override { return buf_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    q_.push_back({{buf_.begin(), buf_.begin() + static_cast<long>(len)}, src, dst});
  }

 private:
  std::deque<Packet>& q_;
  std::array<std::byte, 2048> buf_{};
};

struct Events final : Listener {
  std::vector<AssocChange> changes;
  int messages = 0;
  void on_message(const ReceivedMessage&) override { ++messages; }
  void on_assoc_change(const AssocChange& e) override { changes.push_back(e); }
};

core::EndpointConfig config(const IpAddress& ip, uint16_t port, uint16_t shard, uint16_t shards,
                            uint64_t seed) {
  core::EndpointConfig c;
  c.local_addresses = {ip};
  c.port = port;
  c.seed = seed;
  c.shard = shard;
  c.shards = shards;
  for (size_t i = 0; i < c.cookie_secret.size(); ++i) c.cookie_secret[i] = std::byte(i + seed);
  return c;
}

// A client endpoint and a server endpoint that is shard 1 of 2, joined by two queues.
class IndexingListenerTest : public ::testing::Test {
 protected:
  IndexingListenerTest()
      : to_client_sink_(to_client_),
        to_server_sink_(to_server_),
        wrapper_(server_app_, index_, 1),
        client_(config(kClientIp, kClientPort, 0, 1, 7), to_server_sink_, client_app_, now_),
        server_(config(kServerIp, kServerPort, 1, 2, 9), to_client_sink_, wrapper_, now_) {
    wrapper_.attach(&server_);
  }

  /// Delivers every queued packet (no loss), recording the tags the server receives.
  void pump() {
    while (!to_server_.empty() || !to_client_.empty()) {
      now_ = now_ + std::chrono::milliseconds(1);
      if (!to_server_.empty()) {
        Packet p = std::move(to_server_.front());
        to_server_.pop_front();
        routes_.push_back(route_sctp(p.bytes, 0, 2));
        server_.handle_packet(p.bytes, {p.src, p.dst}, now_);
      } else {
        Packet p = std::move(to_client_.front());
        to_client_.pop_front();
        client_.handle_packet(p.bytes, {p.src, p.dst}, now_);
      }
      wrapper_.commit();  // what the shard does after each poll iteration
    }
  }

  AssocId connect() {
    const std::optional<AssocId> id = client_.connect({&kServerIp, 1}, kServerPort, now_);
    EXPECT_TRUE(id);
    pump();
    return id.value_or(AssocId(0));
  }

  Instant now_{};
  std::deque<Packet> to_client_, to_server_;
  QueueSink to_client_sink_, to_server_sink_;
  CrossShardIndex index_;
  Events client_app_, server_app_;
  IndexingListener wrapper_;
  core::Endpoint client_, server_;
  std::vector<Route> routes_;  // how shard 0 would route each packet the server got
};

const IndexKey kKey{kClientIp, kClientPort, kServerPort};

// The core reports a passive open's COMM_UP before listing the association: commit()
// indexes it afterwards.
TEST_F(IndexingListenerTest, PassiveOpenIsIndexedAtCommit) {
  ASSERT_TRUE(client_.connect({&kServerIp, 1}, kServerPort, now_));
  while (server_app_.changes.empty() && (!to_server_.empty() || !to_client_.empty())) {
    if (!to_server_.empty()) {
      Packet p = std::move(to_server_.front());
      to_server_.pop_front();
      server_.handle_packet(p.bytes, {p.src, p.dst}, now_);
    } else {
      Packet p = std::move(to_client_.front());
      to_client_.pop_front();
      client_.handle_packet(p.bytes, {p.src, p.dst}, now_);
    }
  }
  ASSERT_EQ(server_app_.changes.size(), 1u);
  wrapper_.commit();
  EXPECT_TRUE(index_.find(kKey));
}

TEST_F(IndexingListenerTest, CommUpIndexesShutdownRemoves) {
  const AssocId c = connect();
  ASSERT_EQ(server_app_.changes.size(), 1u);  // COMM_UP forwarded to the application
  EXPECT_EQ(server_app_.changes[0].state, AssocChangeState::kCommUp);
  const AssocId s = server_app_.changes[0].assoc;
  ASSERT_TRUE(index_.find(kKey));
  EXPECT_EQ(*index_.find(kKey), (IndexEntry{1, s}));
  EXPECT_EQ(wrapper_.indexed_associations(), 1u);

  client_.shutdown(c, now_);
  pump();
  ASSERT_EQ(server_app_.changes.size(), 2u);
  EXPECT_EQ(server_app_.changes[1].state, AssocChangeState::kShutdownComp);
  EXPECT_FALSE(index_.find(kKey));
  EXPECT_EQ(index_.size(), 0u);
  EXPECT_EQ(wrapper_.indexed_associations(), 0u);
}

// RFC 9260 §8.5 + design.md §3: the INIT is routed through the index (tag 0), every later
// packet to the server carries a tag of shard 1, which route_sctp() on shard 0 hands off.
TEST_F(IndexingListenerTest, ServerTagsNameItsShard) {
  const AssocId c = connect();
  std::vector<std::byte> msg(100, std::byte{0x42});
  ASSERT_EQ(client_.send(c, StreamId(0), Ppid(1), msg, {}, now_), core::SendStatus::kOk);
  pump();
  EXPECT_EQ(server_app_.messages, 1);
  ASSERT_GE(routes_.size(), 3u);  // INIT, COOKIE ECHO, DATA (+ SACKs)
  EXPECT_EQ(routes_[0].kind, RouteKind::kIndex);
  for (size_t i = 1; i < routes_.size(); ++i) {
    EXPECT_EQ(routes_[i], (Route{RouteKind::kOwner, 1})) << "packet " << i;
  }
}

TEST_F(IndexingListenerTest, AbortRemoves) {
  const AssocId c = connect();
  ASSERT_TRUE(index_.find(kKey));
  client_.abort(c, {}, now_);
  pump();
  ASSERT_EQ(server_app_.changes.size(), 2u);
  EXPECT_EQ(server_app_.changes[1].state, AssocChangeState::kCommLost);
  EXPECT_FALSE(index_.find(kKey));
}

TEST_F(IndexingListenerTest, DestructionRemovesWhatIsLeft) {
  auto index = std::make_unique<CrossShardIndex>();
  {
    IndexingListener l(server_app_, *index, 0);
    l.attach(&server_);
    connect();
    // The association's COMM_UP went to wrapper_, not l: feed l the same event.
    l.on_assoc_change(server_app_.changes.back());
    EXPECT_EQ(index->size(), 1u);
  }
  EXPECT_EQ(index->size(), 0u);
}

}  // namespace
}  // namespace dpsctp::runtime
