// Add Outgoing / Add Incoming Streams Request parameters (RFC 6525 §4.5, §4.6): one typed
// test, as the two share one codec (wire/param/add_streams_request_parameter.h). Each
// type's name carries its RFC section.
#include <string>
#include <type_traits>

#include "param/param_test_util.h"
#include "wire/param/add_incoming_streams_request_parameter.h"
#include "wire/param/add_outgoing_streams_request_parameter.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

template <class P>
struct Traits;
template <>
struct Traits<AddOutgoingStreamsRequestParameter> {
  static constexpr const char* kType = "0011";   // 17, RFC 6525 §4.5
  static constexpr const char* kOther = "0012";  // the other request: must be refused
  static constexpr const char* kName = "Add Outgoing Streams Request";
  static constexpr const char* kTestName = "Outgoing_Rfc6525_4_5";
};
template <>
struct Traits<AddIncomingStreamsRequestParameter> {
  static constexpr const char* kType = "0012";  // 18, RFC 6525 §4.6
  static constexpr const char* kOther = "0011";
  static constexpr const char* kName = "Add Incoming Streams Request";
  static constexpr const char* kTestName = "Incoming_Rfc6525_4_6";
};

// The shared codec must not let one request pass for the other.
static_assert(
    !std::is_same_v<AddIncomingStreamsRequestParameter, AddOutgoingStreamsRequestParameter>);

struct Names {
  template <class P>
  static std::string GetName(int) {
    return Traits<P>::kTestName;
  }
};

template <class P>
class AddStreamsRequestParameterTest : public ::testing::Test {
 protected:
  static Bytes bytes(const std::string& after_type) {
    return from_hex(std::string(Traits<P>::kType) + after_type);
  }
  static std::string hex(const std::string& after_type) {
    return std::string(Traits<P>::kType) + after_type;
  }
};
using AddStreamsTypes =
    ::testing::Types<AddOutgoingStreamsRequestParameter, AddIncomingStreamsRequestParameter>;
TYPED_TEST_SUITE(AddStreamsRequestParameterTest, AddStreamsTypes, Names);

TYPED_TEST(AddStreamsRequestParameterTest, ParsesAnnotatedBytes) {
  // type, length 12, request sn 9, 16 new streams, reserved 0.
  const Bytes b = this->bytes(" 000c 00000009 0010 0000");
  Result<TypeParam> p = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->request_sn, 9u);
  EXPECT_EQ(p->new_streams, 16);
  EXPECT_EQ(p->to_string(), std::string(Traits<TypeParam>::kName) + " req=9 new_streams=16");
  EXPECT_EQ(reserialized_hex<TypeParam>(b), testing::to_hex(b));
}

TYPED_TEST(AddStreamsRequestParameterTest, RoundTrip) {
  TypeParam p;
  p.request_sn = 0x01020304;
  p.new_streams = 65535;
  EXPECT_EQ(p.serialized_size(), 12u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), this->hex("000c"
                                          "01020304"
                                          "ffff"
                                          "0000"));
  Result<TypeParam> back = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->request_sn, p.request_sn);
  EXPECT_EQ(back->new_streams, p.new_streams);
}

TYPED_TEST(AddStreamsRequestParameterTest, ReservedIgnoredOnReceiptAndZeroedOnSend) {
  const Bytes b = this->bytes(" 000c 00000009 0001 ffff");
  Result<TypeParam> p = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->new_streams, 1);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), this->hex("000c"
                                                               "00000009"
                                                               "0001"
                                                               "0000"));
}

TYPED_TEST(AddStreamsRequestParameterTest, MalformedLengths) {
  Bytes b = this->bytes(" 0010 00000009 0010 0000 00000000");
  EXPECT_EQ(parse_error_of<TypeParam>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 10);
  EXPECT_EQ(parse_error_of<TypeParam>(b), ParseError::kParamTooShortForType);
}

TYPED_TEST(AddStreamsRequestParameterTest, WrongTypeRejected) {
  const Bytes b = from_hex(std::string(Traits<TypeParam>::kOther) + " 000c 00000009 0010 0000");
  EXPECT_EQ(parse_error_of<TypeParam>(b), ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
