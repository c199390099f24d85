// State Cookie: everything a server needs to create an association from a valid COOKIE
// ECHO, so that it keeps no state at all for an INIT (SYN-flood resistance).
//
// Implements RFC 9260 §5.1.3 (State Cookie generation: MAC over the cookie with a
// secret key, creation timestamp and lifespan, periodic secret change), §5.1.5 steps
// 1-3 (MAC check and staleness check of a received cookie), §3.3.10.3 (Measure of
// Staleness of the Stale Cookie error cause) and carries the tie-tags of §5.2.2.
//
// Wire format (version 1, big-endian, authenticated by HMAC-SHA256; the layout is
// private to this endpoint, so any change only needs a new version number):
//   0 version u8 | 1 key_epoch u8 | 2 peer_features u8 | 3 reserved u8 (0)
//   4 shard u16 | 6 address bytes u16
//   8 local_tag | 12 peer_tag | 16 local_tie_tag | 20 peer_tie_tag            (u32 each)
//  24 local_initial_tsn | 28 peer_initial_tsn | 32 peer_a_rwnd                 (u32 each)
//  36 outbound_streams | 38 inbound_streams | 40 local_port | 42 peer_port     (u16 each)
//  44 created (i64 us since the SctpClock epoch) | 52 lifetime (i64 us)
//  60 peer addresses (verbatim INIT address parameters) | then MAC (32 bytes)
// The key epoch names the secret that signed the cookie, so verification costs one HMAC.
#pragma once

#include <openssl/types.h>

#include <cstddef>
#include <cstdint>
#include <span>

#include "dpsctp/time.h"
#include "dpsctp/types.h"
#include "wire/byte_io.h"

namespace dpsctp::core {

/// Bits of CookieContents::peer_features: extensions both ends announced in INIT/INIT ACK.
inline constexpr uint8_t kFeatureForwardTsn = 1;  ///< RFC 3758 Forward-TSN-Supported
inline constexpr uint8_t kFeatureIData = 2;       ///< RFC 8260 I-DATA
inline constexpr uint8_t kFeatureReconfig = 4;    ///< RFC 6525 RE-CONFIG

struct CookieContents {
  VerificationTag local_tag, peer_tag;  ///< our tag (for the new assoc) and the peer's Initiate Tag
  VerificationTag local_tie_tag,
      peer_tie_tag;  ///< §5.2.2 tie-tags (0 when no existing association)
  Tsn local_initial_tsn, peer_initial_tsn;
  uint32_t peer_a_rwnd = 0;
  uint16_t outbound_streams = 0, inbound_streams = 0;  ///< already negotiated (min of both)
  uint16_t local_port = 0, peer_port = 0;
  uint16_t shard = 0;         ///< which shard will own the association (design §3)
  uint8_t peer_features = 0;  ///< kFeature* bits
  Instant created{};          ///< when the INIT ACK was built
  Duration lifetime{};        ///< Valid.Cookie.Life (+ any Cookie Preservative increment)
  /// The INIT's IPv4/IPv6 address parameters copied verbatim (<= kMaxPeerAddressBytes).
  /// After CookieSigner::verify() it points into the verified cookie.
  wire::ByteSpan peer_addresses;
};

enum class CookieError : uint8_t {
  kOk,
  kMalformed,  ///< too short to hold a MAC, or authentic but not decodable (version, lengths)
  kBadMac,     ///< not signed by our current or previous secret (forged, corrupted, too old key)
  kStale,  ///< reserved for callers that fold is_stale() into one result; verify() never returns it
};

/// Signs and verifies State Cookies with HMAC-SHA256 (OpenSSL 3 EVP_MAC).
///
/// Not thread-safe, even for the const methods (a keyed MAC context is reused to avoid
/// re-keying per cookie): give each shard its own signer built from the same secret and
/// rotate them together. Signing and verifying do not allocate on the heap beyond what
/// OpenSSL does internally to reset a digest.
class CookieSigner {
 public:
  static constexpr uint8_t kVersion = 1;
  static constexpr size_t kFixedSize = 60;
  static constexpr size_t kMacSize = 32;
  static constexpr size_t kMaxPeerAddressBytes = 512;
  /// The largest cookie write() produces.
  static constexpr size_t kMaxSize = kFixedSize + kMaxPeerAddressBytes + kMacSize;

  /// Keys the signer with a 32-byte secret from a CSPRNG (the core has no randomness of
  /// its own). If OpenSSL cannot provide HMAC-SHA256, ok() is false and every cookie is
  /// refused (write() returns 0, verify() kBadMac).
  explicit CookieSigner(std::span<const std::byte, 32> secret);
  ~CookieSigner();
  CookieSigner(const CookieSigner&) = delete;
  CookieSigner& operator=(const CookieSigner&) = delete;

  /// RFC 9260 §5.1.3: "it is a good practice to change the secret key periodically".
  /// New cookies are signed with `new_secret`; cookies signed with the secret in use
  /// until now still verify; older secrets are forgotten. Rotate at least once per
  /// Valid.Cookie.Life so that no live cookie is lost to a double rotation.
  void rotate(std::span<const std::byte, 32> new_secret);

  /// False if OpenSSL failed to set up HMAC-SHA256 for the current secret.
  [[nodiscard]] bool ok() const { return current_.ctx != nullptr; }

  /// Bytes write() needs for `c`: fixed part + peer addresses + MAC.
  [[nodiscard]] static size_t serialized_size(const CookieContents& c);

  /// Serialises and signs `c` into `out` (the State Cookie parameter value of the INIT
  /// ACK). Returns the bytes written, or 0 if `out` is too small, the peer addresses
  /// exceed kMaxPeerAddressBytes or the MAC could not be computed.
  size_t write(const CookieContents& c, wire::MutableByteSpan out) const;

  /// RFC 9260 §5.1.5 steps 1-2: checks the MAC of a received COOKIE ECHO value with the
  /// secret named in the cookie (current or previous), in constant time, then decodes it
  /// into `out` (`out.peer_addresses` points into `cookie`). `out` is untouched unless
  /// kOk. Staleness (step 3) is the caller's next check: is_stale().
  CookieError verify(wire::ByteSpan cookie, CookieContents& out) const;

  /// RFC 9260 §5.1.5 step 3: the cookie is stale if now > created + lifetime. If stale
  /// and `staleness` is not null, stores now - (created + lifetime): the Measure of
  /// Staleness (§3.3.10.3, microseconds; the caller saturates it to 32 bits).
  static bool is_stale(const CookieContents& c, Instant now, Duration* staleness);

 private:
  struct Key {
    EVP_MAC_CTX* ctx = nullptr;  ///< keyed HMAC-SHA256 context, re-initialised per use
    uint8_t epoch = 0;
  };
  static EVP_MAC_CTX* make_ctx(std::span<const std::byte, 32> secret);
  static bool mac(const Key& k, wire::ByteSpan data, std::span<std::byte, kMacSize> out);

  Key current_;
  Key previous_;  ///< ctx == nullptr until the first rotate()
};

}  // namespace dpsctp::core
