#include "core/handshake/state_cookie.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace dpsctp::core {
namespace {

// Field offsets of format version 1 (see the header).
constexpr size_t kOffVersion = 0;
constexpr size_t kOffEpoch = 1;
constexpr size_t kOffFeatures = 2;
constexpr size_t kOffReserved = 3;
constexpr size_t kOffShard = 4;
constexpr size_t kOffAddrLen = 6;
constexpr size_t kOffLocalTag = 8;
constexpr size_t kOffPeerTag = 12;
constexpr size_t kOffLocalTieTag = 16;
constexpr size_t kOffPeerTieTag = 20;
constexpr size_t kOffLocalTsn = 24;
constexpr size_t kOffPeerTsn = 28;
constexpr size_t kOffArwnd = 32;
constexpr size_t kOffOutStreams = 36;
constexpr size_t kOffInStreams = 38;
constexpr size_t kOffLocalPort = 40;
constexpr size_t kOffPeerPort = 42;
constexpr size_t kOffCreated = 44;
constexpr size_t kOffLifetime = 52;
static_assert(kOffLifetime + 8 == CookieSigner::kFixedSize);

void encode_fixed(const CookieContents& c, uint8_t epoch, std::byte* p) {
  using namespace wire;
  store_u8(p + kOffVersion, CookieSigner::kVersion);
  store_u8(p + kOffEpoch, epoch);
  store_u8(p + kOffFeatures, c.peer_features);
  store_u8(p + kOffReserved, 0);
  store_u16(p + kOffShard, c.shard);
  store_u16(p + kOffAddrLen, static_cast<uint16_t>(c.peer_addresses.size()));
  store_u32(p + kOffLocalTag, c.local_tag.value());
  store_u32(p + kOffPeerTag, c.peer_tag.value());
  store_u32(p + kOffLocalTieTag, c.local_tie_tag.value());
  store_u32(p + kOffPeerTieTag, c.peer_tie_tag.value());
  store_u32(p + kOffLocalTsn, c.local_initial_tsn.value());
  store_u32(p + kOffPeerTsn, c.peer_initial_tsn.value());
  store_u32(p + kOffArwnd, c.peer_a_rwnd);
  store_u16(p + kOffOutStreams, c.outbound_streams);
  store_u16(p + kOffInStreams, c.inbound_streams);
  store_u16(p + kOffLocalPort, c.local_port);
  store_u16(p + kOffPeerPort, c.peer_port);
  store_u64(p + kOffCreated, static_cast<uint64_t>(c.created.time_since_epoch().count()));
  store_u64(p + kOffLifetime, static_cast<uint64_t>(c.lifetime.count()));
}

// Decodes an authenticated cookie body (fixed part + addresses, MAC stripped).
CookieError decode(wire::ByteSpan body, CookieContents& out) {
  using namespace wire;
  const std::byte* p = body.data();
  const size_t addr_len = load_u16(p + kOffAddrLen);
  if (load_u8(p + kOffVersion) != CookieSigner::kVersion || load_u8(p + kOffReserved) != 0 ||
      addr_len > CookieSigner::kMaxPeerAddressBytes ||
      addr_len != body.size() - CookieSigner::kFixedSize) {
    return CookieError::kMalformed;
  }
  out.peer_features = load_u8(p + kOffFeatures);
  out.shard = load_u16(p + kOffShard);
  out.local_tag = VerificationTag(load_u32(p + kOffLocalTag));
  out.peer_tag = VerificationTag(load_u32(p + kOffPeerTag));
  out.local_tie_tag = VerificationTag(load_u32(p + kOffLocalTieTag));
  out.peer_tie_tag = VerificationTag(load_u32(p + kOffPeerTieTag));
  out.local_initial_tsn = Tsn(load_u32(p + kOffLocalTsn));
  out.peer_initial_tsn = Tsn(load_u32(p + kOffPeerTsn));
  out.peer_a_rwnd = load_u32(p + kOffArwnd);
  out.outbound_streams = load_u16(p + kOffOutStreams);
  out.inbound_streams = load_u16(p + kOffInStreams);
  out.local_port = load_u16(p + kOffLocalPort);
  out.peer_port = load_u16(p + kOffPeerPort);
  out.created = Instant(Duration(static_cast<int64_t>(load_u64(p + kOffCreated))));
  out.lifetime = Duration(static_cast<int64_t>(load_u64(p + kOffLifetime)));
  out.peer_addresses = body.subspan(CookieSigner::kFixedSize, addr_len);
  return CookieError::kOk;
}

}  // namespace

CookieSigner::CookieSigner(std::span<const std::byte, 32> secret) {
  current_.ctx = make_ctx(secret);
}

CookieSigner::~CookieSigner() {
  EVP_MAC_CTX_free(current_.ctx);  // frees (and cleanses) the key material; null-safe
  EVP_MAC_CTX_free(previous_.ctx);
}

EVP_MAC_CTX* CookieSigner::make_ctx(std::span<const std::byte, 32> secret) {
  EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (hmac == nullptr) return nullptr;
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(hmac);  // holds its own reference to `hmac`
  EVP_MAC_free(hmac);
  if (ctx == nullptr) return nullptr;
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end(),
  };
  // Keyed once here: HMAC precomputes the inner/outer padded key states, and mac()
  // re-initialises from them without re-keying.
  if (EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                   params) != 1) {
    EVP_MAC_CTX_free(ctx);
    return nullptr;
  }
  return ctx;
}

void CookieSigner::rotate(std::span<const std::byte, 32> new_secret) {
  EVP_MAC_CTX_free(previous_.ctx);
  previous_ = current_;
  current_.ctx = make_ctx(new_secret);
  current_.epoch = static_cast<uint8_t>(previous_.epoch + 1);
}

bool CookieSigner::mac(const Key& k, wire::ByteSpan data, std::span<std::byte, kMacSize> out) {
  if (k.ctx == nullptr) return false;
  size_t len = 0;
  // EVP_MAC_init with a null key restarts HMAC from the already keyed state.
  return EVP_MAC_init(k.ctx, nullptr, 0, nullptr) == 1 &&
         EVP_MAC_update(k.ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) ==
             1 &&
         EVP_MAC_final(k.ctx, reinterpret_cast<unsigned char*>(out.data()), &len, out.size()) ==
             1 &&
         len == kMacSize;
}

size_t CookieSigner::serialized_size(const CookieContents& c) {
  return kFixedSize + c.peer_addresses.size() + kMacSize;
}

size_t CookieSigner::write(const CookieContents& c, wire::MutableByteSpan out) const {
  const size_t size = serialized_size(c);
  if (c.peer_addresses.size() > kMaxPeerAddressBytes || out.size() < size || !ok()) return 0;
  // RFC 9260 §5.1.3: the cookie carries what is needed to create the TCB, plus "a
  // timestamp on when the State Cookie is created and the lifespan of the State Cookie".
  encode_fixed(c, current_.epoch, out.data());
  if (!c.peer_addresses.empty()) {
    std::memcpy(out.data() + kFixedSize, c.peer_addresses.data(), c.peer_addresses.size());
  }
  // RFC 9260 §5.1.3: "a MAC is computed over the State Cookie using a secret key".
  const size_t body = size - kMacSize;
  if (!mac(current_, out.first(body), out.subspan(body).first<kMacSize>())) return 0;
  return size;
}

CookieError CookieSigner::verify(wire::ByteSpan cookie, CookieContents& out) const {
  if (cookie.size() < kFixedSize + kMacSize) return CookieError::kMalformed;
  // The key epoch selects the secret (current or previous); any other value cannot be
  // authentic. Tampering with it only selects a key whose MAC will not match.
  const uint8_t epoch = wire::load_u8(cookie.data() + kOffEpoch);
  const Key* key = epoch == current_.epoch ? &current_ : &previous_;
  if (key->ctx == nullptr || key->epoch != epoch) return CookieError::kBadMac;
  // RFC 9260 §5.1.5 step 1-2: "Compute a MAC using the TCB data carried in the State
  // Cookie and the secret key" and compare it with the MAC carried in the cookie.
  const wire::ByteSpan body = cookie.first(cookie.size() - kMacSize);
  std::array<std::byte, kMacSize> expected;
  if (!mac(*key, body, expected)) return CookieError::kBadMac;
  if (CRYPTO_memcmp(expected.data(), cookie.data() + body.size(), kMacSize) != 0) {
    return CookieError::kBadMac;  // constant-time comparison: no timing oracle on the MAC
  }
  CookieContents decoded;
  const CookieError e = decode(body, decoded);
  if (e == CookieError::kOk) out = decoded;
  return e;
}

bool CookieSigner::is_stale(const CookieContents& c, Instant now, Duration* staleness) {
  // RFC 9260 §5.1.5 step 3: "Compare the creation timestamp in the State Cookie to the
  // current local time. If the elapsed time is longer than the lifespan carried in the
  // State Cookie, then the packet ... SHOULD be discarded, and the endpoint MUST transmit
  // an ERROR chunk with a 'Stale Cookie' error cause". Saturating: no int64 overflow.
  int64_t expiry = 0;
  if (__builtin_add_overflow(c.created.time_since_epoch().count(), c.lifetime.count(), &expiry)) {
    expiry = c.lifetime.count() > 0 ? INT64_MAX : INT64_MIN;
  }
  const int64_t t = now.time_since_epoch().count();
  if (t <= expiry) return false;
  // §3.3.10.3: "the difference, in microseconds, between the current time and the time
  // the State Cookie expired".
  int64_t late = 0;
  if (__builtin_sub_overflow(t, expiry, &late)) late = INT64_MAX;
  if (staleness != nullptr) *staleness = Duration(late);
  return true;
}

}  // namespace dpsctp::core
