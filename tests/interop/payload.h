// The message model both interop peers (usrsctp_peer.cc, dpsctp_interop_peer.cc) share,
// so each side checks exactly what the other sent without any side channel.
//
//   message id   = PPID - kPpidBase (ids 0, 1, 2, ...); kClosePpid is the "please close
//                  now" request
//   stream       = id % streams
//   size         = fixed, or drawn from [lo, hi] by a hash of (id, seed)
//   bytes        = a pseudo-random sequence seeded by (id, seed), so any length >= 1 works
//
// Tracker records what arrived: exactly once (a seen bitmap), byte-exact, per-stream
// order for ordered messages (ids on a stream only grow: RFC 9260 §6.6, ordered delivery
// within a stream), and whether the U bit matches.
#pragma once

#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace interop {

/// PPID of the close request: the receiver performs its --end action (shutdown / abort).
constexpr uint32_t kClosePpid = 0x7FFFFFFFu;
/// PPID of message id: id + kPpidBase. The offset keeps clear of the IANA-assigned PPIDs,
/// so tshark does not dissect the test payload as S1AP, M3UA, ...
constexpr uint32_t kPpidBase = 0x40000000u;

inline uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

struct Sizes {
  uint32_t lo = 128, hi = 128;
  uint64_t seed = 1;

  /// "N" or "LO..HI" (1 <= LO <= HI).
  bool parse(const std::string& s) {
    const auto dots = s.find("..");
    try {
      lo = static_cast<uint32_t>(std::stoul(s.substr(0, dots)));
      hi = dots == std::string::npos ? lo : static_cast<uint32_t>(std::stoul(s.substr(dots + 2)));
    } catch (...) {
      return false;
    }
    return lo >= 1 && lo <= hi;
  }
  [[nodiscard]] uint32_t size_of(uint64_t id) const {
    if (lo == hi) return lo;
    return lo + static_cast<uint32_t>(splitmix64(id * 0x2545F4914F6CDD1Dull ^ seed) %
                                      (uint64_t{hi} - lo + 1));
  }
};

/// Writes message `id`'s bytes (any length).
inline void fill(uint64_t id, uint64_t seed, uint8_t* p, size_t n) {
  uint64_t x = splitmix64(id ^ (seed << 32));
  for (size_t k = 0; k < n; k += 8) {
    x = splitmix64(x);
    const size_t m = n - k < 8 ? n - k : 8;
    for (size_t j = 0; j < m; ++j) p[k + j] = static_cast<uint8_t>(x >> (8 * j));
  }
}

/// Whether `p` holds message `id`'s bytes.
inline bool matches(uint64_t id, uint64_t seed, const uint8_t* p, size_t n,
                    std::vector<uint8_t>& scratch) {
  scratch.resize(n);
  fill(id, seed, scratch.data(), n);
  return std::memcmp(scratch.data(), p, n) == 0;
}

/// What the receiver knows about the sender's plan (the client checks its echoes against
/// it; the server knows only the seed).
struct Expect {
  bool known = false;  ///< false: check bytes and order only
  Sizes sizes;
  uint32_t streams = 1;
  bool unordered = false;
};

class Tracker {
 public:
  Tracker(uint64_t seed, Expect expect) : seed_(seed), expect_(expect) {}

  /// One received message. Returns false when it breaks a rule (counted, first kept).
  bool record(uint32_t ppid, uint16_t stream, bool unordered, const uint8_t* p, size_t n) {
    ++messages_;
    bytes_ += n;
    unordered_ += unordered ? 1 : 0;
    if (ppid < kPpidBase || ppid == kClosePpid) return bad(wrong_ppid_, "wrong PPID");
    const uint64_t id = ppid - kPpidBase;
    if (id >= seen_.size()) seen_.resize(id + 1 + id / 2, 0);
    if (seen_[id] != 0) return bad(duplicates_, "duplicate message");
    seen_[id] = 1;
    if (!matches(id, seed_, p, n, scratch_)) return bad(corrupt_, "corrupted payload");
    if (expect_.known) {
      if (n != expect_.sizes.size_of(id)) return bad(corrupt_, "wrong size");
      if (stream != id % expect_.streams) return bad(wrong_stream_, "wrong stream");
      if (unordered != expect_.unordered) return bad(wrong_flag_, "wrong U bit");
    }
    if (!unordered) {  // RFC 9260 §6.6: ordered messages of a stream arrive in send order
      if (stream >= last_.size()) last_.resize(stream + 1u, -1);
      if (static_cast<int64_t>(id) <= last_[stream]) return bad(out_of_order_, "out of order");
      last_[stream] = static_cast<int64_t>(id);
      if (stream + 1u > streams_seen_) streams_seen_ = stream + 1u;
    }
    return true;
  }
  /// Every id in [0, n) arrived exactly once and nothing broke a rule.
  [[nodiscard]] bool complete(uint64_t n) const {
    if (messages_ != n || errors() != 0) return false;
    for (uint64_t i = 0; i < n; ++i) {
      if (i >= seen_.size() || seen_[i] == 0) return false;
    }
    return true;
  }
  [[nodiscard]] uint64_t errors() const {
    return duplicates_ + corrupt_ + out_of_order_ + wrong_stream_ + wrong_flag_ + wrong_ppid_;
  }
  [[nodiscard]] uint64_t messages() const { return messages_; }
  /// Whether message `id` arrived (correct or not).
  [[nodiscard]] bool has(uint64_t id) const { return id < seen_.size() && seen_[id] != 0; }
  [[nodiscard]] const char* first_error() const { return first_error_; }
  /// JSON members (no braces) for the report line.
  [[nodiscard]] std::string json() const {
    char b[512];
    std::snprintf(b, sizeof b,
                  "\"messages\":%" PRIu64 ",\"bytes\":%" PRIu64 ",\"unordered\":%" PRIu64
                  ",\"duplicates\":%" PRIu64 ",\"corrupt\":%" PRIu64 ",\"out_of_order\":%" PRIu64
                  ",\"wrong_stream\":%" PRIu64 ",\"wrong_u_bit\":%" PRIu64
                  ",\"wrong_ppid\":%" PRIu64 ",\"ordered_streams_seen\":%u,\"first_error\":\"%s\"",
                  messages_, bytes_, unordered_, duplicates_, corrupt_, out_of_order_,
                  wrong_stream_, wrong_flag_, wrong_ppid_, streams_seen_, first_error_);
    return b;
  }

 private:
  bool bad(uint64_t& counter, const char* why) {
    ++counter;
    if (first_error_[0] == '\0') first_error_ = why;
    return false;
  }

  uint64_t seed_;
  Expect expect_;
  std::vector<uint8_t> seen_, scratch_;
  std::vector<int64_t> last_;  // per stream: the last ordered id
  uint64_t messages_ = 0, bytes_ = 0, unordered_ = 0;
  uint64_t duplicates_ = 0, corrupt_ = 0, out_of_order_ = 0, wrong_stream_ = 0, wrong_flag_ = 0;
  uint64_t wrong_ppid_ = 0;
  uint32_t streams_seen_ = 0;
  const char* first_error_ = "";
};

}  // namespace interop
