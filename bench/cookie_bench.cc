// State Cookie create / verify (RFC 9260 §5.1.3, §5.1.5): HMAC-SHA256 through OpenSSL 3
// EVP_MAC with a reused keyed context (src/core/handshake/state_cookie.h). The cookie
// carries one IPv4 address parameter, as for a single-homed eNB.
// Run: ./build/bench/cookie_bench
#include <benchmark/benchmark.h>

#include <array>

#include "core/handshake/state_cookie.h"

namespace {
using namespace dpsctp;
using core::CookieContents;
using core::CookieError;
using core::CookieSigner;

std::array<std::byte, 32> secret() {
  std::array<std::byte, 32> s{};
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::byte>(i * 7 + 1);
  return s;
}

CookieContents contents() {
  static constexpr std::array<std::byte, 8> kAddr = {std::byte{0}, std::byte{5}, std::byte{0},
                                                     std::byte{8}, std::byte{10}, std::byte{0},
                                                     std::byte{0}, std::byte{1}};
  CookieContents c;
  c.local_tag = VerificationTag(0x11223344);
  c.peer_tag = VerificationTag(0x55667788);
  c.local_initial_tsn = Tsn(1);
  c.peer_initial_tsn = Tsn(2);
  c.peer_a_rwnd = 106496;
  c.outbound_streams = 10;
  c.inbound_streams = 10;
  c.local_port = 36412;
  c.peer_port = 36412;
  c.lifetime = std::chrono::seconds(60);
  c.peer_addresses = kAddr;
  return c;
}

void BM_CookieCreate(benchmark::State& state) {
  const auto key = secret();
  CookieSigner signer(key);
  CookieContents c = contents();
  std::array<std::byte, CookieSigner::kMaxSize> out{};
  for (auto _ : state) {
    c.local_tag = VerificationTag(c.local_tag.value() + 1);
    benchmark::DoNotOptimize(signer.write(c, out));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetLabel(std::to_string(CookieSigner::serialized_size(c)) + " B cookie");
}
BENCHMARK(BM_CookieCreate);

void BM_CookieVerify(benchmark::State& state) {
  const auto key = secret();
  CookieSigner signer(key);
  const CookieContents c = contents();
  std::array<std::byte, CookieSigner::kMaxSize> buf{};
  const size_t n = signer.write(c, buf);
  const wire::ByteSpan cookie(buf.data(), n);
  CookieContents out;
  for (auto _ : state) {
    const CookieError e = signer.verify(cookie, out);
    benchmark::DoNotOptimize(e);
    if (e != CookieError::kOk) state.SkipWithError("cookie did not verify");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_CookieVerify);

}  // namespace

BENCHMARK_MAIN();
