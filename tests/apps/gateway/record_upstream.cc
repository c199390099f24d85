// dpsctp_record_upstream: a test upstream for the gateway's relay route (issue 10). An SCTP
// server on the runtime Stack that consumes every message (a sink) and appends one line per
// message, "ASSOC STREAM SEQ", decoded from the dpsctp-loadgen payload header, to --record
// with write(2) before the message callback returns. The core sends its SACK only after the
// packet's messages were handed over, so a message this process acknowledged is on file even
// if it is killed with SIGKILL right after: the file is the exact set of messages delivered
// to this upstream's application, the ground truth of relay_failover_test.sh.
//
// Usage: dpsctp_record_upstream --vdev VDEV --ip A --record FILE [--lcore N]
//          [--file-prefix P] [--port P]
// Runs until SIGINT/SIGTERM (then SHUTDOWN of each association, RFC 9260 §9.2) or SIGKILL.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "apps/common/signals.h"
#include "apps/loadgen/payload.h"
#include "runtime/stack/stack.h"

namespace dpsctp {
namespace {

struct Args {
  std::string vdev, ip, record, file_prefix = "dpsctp_rec";
  unsigned lcore = 0;
  uint16_t port = 36412;
};

bool parse(int argc, char** argv, Args& a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--vdev") a.vdev = v;
    else if (k == "--ip") a.ip = v;
    else if (k == "--record") a.record = v;
    else if (k == "--file-prefix") a.file_prefix = v;
    else if (k == "--lcore") a.lcore = static_cast<unsigned>(std::stoul(v));
    else if (k == "--port") a.port = static_cast<uint16_t>(std::stoul(v));
    else return false;
  }
  return (argc % 2) == 1 && !a.vdev.empty() && !a.ip.empty() && !a.record.empty() &&
         IpAddress::parse(a.ip).has_value();
}

class Recorder final : public Listener {
 public:
  explicit Recorder(int fd) : fd_(fd) {}
  void on_message(const ReceivedMessage& m) override {
    loadgen::MessageHeader h;
    char line[80];
    int n = 0;
    if (loadgen::decode_message(m.data, h) == loadgen::DecodeError::kOk) {
      n = std::snprintf(line, sizeof line, "%u %u %llu\n", h.assoc, unsigned{h.stream},
                        static_cast<unsigned long long>(h.seq));
    } else {
      ++undecodable;
      n = std::snprintf(line, sizeof line, "undecodable %zu\n", m.data.size());
    }
    // Unbuffered: in the kernel before the SACK for this message can leave.
    if (::write(fd_, line, static_cast<size_t>(n)) != n) ++write_errors;
    ++messages;
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp || e.state == AssocChangeState::kRestart) {
      ++up;
      open.push_back(e.assoc);
    } else {
      ++closed;
      std::erase(open, e.assoc);
    }
  }
  void on_send_failed(const SendFailed&) override {}

  uint64_t messages = 0, undecodable = 0, write_errors = 0, up = 0, closed = 0;
  std::vector<AssocId> open;

 private:
  int fd_;
};

int run(const Args& a) {
  const int fd = ::open(a.record.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) {
    std::fprintf(stderr, "record_upstream: %s: %s\n", a.record.c_str(), std::strerror(errno));
    return 1;
  }
  Recorder rec(fd);
  runtime::StackConfig c;
  c.eal.program = "dpsctp_record_upstream";
  c.eal.lcores = {a.lcore};
  c.eal.vdevs = {a.vdev};
  c.eal.file_prefix = a.file_prefix;
  c.local_addresses = {*IpAddress::parse(a.ip)};
  c.sctp_port = a.port;
  c.link_timeout = std::chrono::milliseconds(30000);
  std::string error;
  auto stack = runtime::Stack::create(c, rec, &error);
  if (!stack) {
    std::fprintf(stderr, "record_upstream: stack setup failed: %s\n", error.c_str());
    return 1;
  }
  apps::install_signal_handlers();
  std::fprintf(stderr, "record_upstream: up on %s port %u\n", a.ip.c_str(), unsigned{a.port});
  using Clock = std::chrono::steady_clock;
  Clock::time_point stop_at{};
  for (uint64_t iter = 0;; ++iter) {
    stack->poll_once();
    if ((iter & 255) != 0) continue;
    if (stop_at == Clock::time_point{} && apps::stop_requested()) {
      stop_at = Clock::now() + std::chrono::seconds(5);
      for (AssocId id : std::vector<AssocId>(rec.open)) stack->endpoint().shutdown(id, stack->now());
    }
    if (stop_at != Clock::time_point{} && (rec.open.empty() || Clock::now() > stop_at)) break;
  }
  for (int i = 0; i < 20000; ++i) stack->poll_once();  // the last SHUTDOWN COMPLETE leaves
  std::printf("{\"messages\":%llu,\"undecodable\":%llu,\"write_errors\":%llu,\"up\":%llu,"
              "\"closed\":%llu}\n",
              static_cast<unsigned long long>(rec.messages),
              static_cast<unsigned long long>(rec.undecodable),
              static_cast<unsigned long long>(rec.write_errors),
              static_cast<unsigned long long>(rec.up), static_cast<unsigned long long>(rec.closed));
  ::close(fd);
  return rec.undecodable == 0 && rec.write_errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace dpsctp

int main(int argc, char** argv) {
  dpsctp::Args a;
  if (!dpsctp::parse(argc, argv, a)) {
    std::fprintf(stderr,
                 "usage: %s --vdev VDEV --ip A --record FILE [--lcore N] [--file-prefix P] "
                 "[--port P]\n",
                 argv[0]);
    return 2;
  }
  return dpsctp::run(a);
}
