// ReconfigRequest: the parameter each request becomes (RFC 6525 §4.1-§4.6), read back
// with the wire codecs, and which streams a pending request pauses (§5.1.2, §5.1.4).
#include "core/reconfig/reconfig_request.h"

#include <gtest/gtest.h>

#include <array>

#include "wire/param/add_incoming_streams_request_parameter.h"
#include "wire/param/outgoing_ssn_reset_request_parameter.h"
#include "wire/param/ssn_tsn_reset_request_parameter.h"
#include "wire/tlv.h"

namespace dpsctp::core {
namespace {

wire::TlvView written(const ReconfigRequest& r, std::array<std::byte, 64>& buf) {
  wire::BufferWriter w(buf);
  r.write(w);
  EXPECT_EQ(w.size(), wire::pad4(r.parameter_size()));
  return *wire::TlvRange(std::span<const std::byte>(buf).first(w.size()),
                         wire::TlvKind::kParameter).begin();
}

TEST(ReconfigRequest, Rfc6525_4_1_OutgoingSsnResetRoundTrips) {
  ReconfigRequest r{.kind = ReconfigKind::kOutgoingSsnReset, .request_sn = 9, .response_sn = 4,
                    .sender_last_tsn = Tsn(1234), .streams = {StreamId(1), StreamId(7)}};
  std::array<std::byte, 64> buf{};
  auto p = wire::OutgoingSsnResetRequestParameter::parse(written(r, buf));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->request_sn, 9u);
  EXPECT_EQ(p->response_sn, 4u);
  EXPECT_EQ(p->sender_last_tsn, Tsn(1234));
  ASSERT_EQ(p->stream_count(), 2u);
  EXPECT_EQ(p->stream_at(1), StreamId(7));
}

TEST(ReconfigRequest, Rfc6525_4_3_And_4_6_FixedSizeRequestsRoundTrip) {
  std::array<std::byte, 64> buf{};
  auto t = wire::SsnTsnResetRequestParameter::parse(
      written({.kind = ReconfigKind::kSsnTsnReset, .request_sn = 77}, buf));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->request_sn, 77u);
  auto a = wire::AddIncomingStreamsRequestParameter::parse(
      written({.kind = ReconfigKind::kAddIncomingStreams, .request_sn = 3, .new_streams = 12}, buf));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->new_streams, 12);
}

TEST(ReconfigRequest, Rfc6525_5_1_2_And_5_1_4_PausedStreams) {
  const ReconfigRequest one{.kind = ReconfigKind::kOutgoingSsnReset, .streams = {StreamId(2)}};
  EXPECT_TRUE(one.pauses(StreamId(2)));
  EXPECT_FALSE(one.pauses(StreamId(3)));
  const ReconfigRequest all{.kind = ReconfigKind::kOutgoingSsnReset};
  EXPECT_TRUE(all.pauses(StreamId(3)));  // no list: every stream (§4.1)
  EXPECT_TRUE(ReconfigRequest{.kind = ReconfigKind::kSsnTsnReset}.pauses(StreamId(0)));
  // Asking the peer to reset its streams does not stop ours.
  EXPECT_FALSE(ReconfigRequest{.kind = ReconfigKind::kIncomingSsnReset}.pauses(StreamId(0)));
  EXPECT_FALSE(ReconfigRequest{.kind = ReconfigKind::kAddOutgoingStreams}.pauses(StreamId(0)));
}

}  // namespace
}  // namespace dpsctp::core
