// iop_usrsctp_peer: the independent SCTP peer of the interop suite — usrsctp (the FreeBSD
// stack in user space) over raw IPv4 (usrsctp_init(0, ...)), one-to-one style socket.
//
//   server: accepts one association, echoes every message (same stream, PPID, U bit) and
//           records it (payload.h Tracker); on the close request (PPID kClosePpid) it does
//           its --end action; then waits for the association to end.
//   client: connects, sends --messages messages (sizes, streams, U bit as asked; PPID =
//           message id) keeping at most --window unechoed, checks every echo exactly
//           once and byte-exact, then --end: shutdown (SHUTDOWN), abort (ABORT) or peer
//           (sends the close request and waits for the peer to close), or hold (reports,
//           then keeps the association until killed: the restart scenario).
//   --report-at N (server): prints its record (a JSON line with "report_at") once N
//           messages arrived, so a test that kills it with SIGKILL still knows what it
//           got; --blackhole 0: answer out-of-the-blue packets with ABORT (a restarted
//           server facing the old association's DATA, RFC 9260 §8.4 (8)); default 2.
//   --ip A,B: multi-homed, bound to both (usrsctp_bindx, RFC 9260 §6.4); the JSON line
//           counts SCTP_ADDR_UNREACHABLE events (§8.2); --path-max-retrans N sets
//           Path.Max.Retrans (spp_pathmaxrxt) for a quick verdict on a failed path and
//           --rto-max-ms M RTO.Max (srto_max) to bound the backoff meanwhile.
// Both print one JSON line (stdout) and exit 0 when every check held.
//
// Usage: iop_usrsctp_peer --role server|client --ip A [--peer-ip B] [--port P]
//          [--peer-port P] [--messages N] [--sizes N|LO..HI] [--streams S] [--unordered]
//          [--seed X] [--window W] [--end shutdown|abort|peer|hold] [--timeout S]
//          [--report-at N] [--blackhole 0|1|2] [--udp-encaps PORT] [--udp-remote-port PORT]
//   --udp-encaps PORT: usrsctp_init(PORT): SCTP over UDP (RFC 6951) on local UDP port
//           PORT; --udp-remote-port P: SCTP_REMOTE_UDP_ENCAPS_PORT, the peer's UDP port.
//   --interleave: SCTP_FRAGMENT_INTERLEAVE 2 + SCTP_INTERLEAVING_SUPPORTED (I-DATA, RFC
//           8260). --pr-ttl-ms N / --pr-rtx N (client): every message sent with that
//           SCTP_SENDV_PRINFO (RFC 7496); every id must then be echoed or handed back by
//           SCTP_SEND_FAILED_EVENT (or both when it was sent). --reset-stream-at K (client):
//           SCTP_RESET_STREAMS (outgoing, streams 0..3) after K messages (RFC 6525 §5.1.2).
//           --init-streams N --add-streams M (client): N outbound streams in the INIT, then
//           SCTP_ADD_STREAMS M (§5.1.5); messages on streams >= N wait for the
//           SCTP_STREAM_CHANGE_EVENT. The JSON line counts these events.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <usrsctp.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "payload.h"

namespace {

struct Args {
  std::string role, ip, peer_ip, end = "peer";
  uint16_t port = 5001, peer_port = 5000;
  uint64_t messages = 1000, seed = 1, report_at = 0;
  uint32_t blackhole = 2, path_max_retrans = 0, rto_max_ms = 0;
  interop::Sizes sizes;
  uint32_t streams = 10, window = 256;
  bool unordered = false;
  double timeout_s = 120;
  uint16_t udp_encaps = 0, udp_remote_port = 0;  // RFC 6951: local / peer's UDP port
  bool interleave = false;
  uint32_t pr_ttl_ms = 0, pr_rtx = 0;  // RFC 7496 SCTP_PR_SCTP_TTL / _RTX (0: reliable)
  uint64_t reset_stream_at = 0;
  uint32_t init_streams = 64, add_streams = 0;
  [[nodiscard]] bool pr() const { return pr_ttl_ms != 0 || pr_rtx != 0; }
};

// FreeBSD's sctp.h (not in usrsctp.h): offer I-DATA, needs SCTP_FRAGMENT_INTERLEAVE 2.
constexpr int kInterleavingSupported = 0x00001206;

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (k == "--unordered" || k == "--interleave") {
      a.unordered = a.unordered || k == "--unordered";
      a.interleave = a.interleave || k == "--interleave";
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string v = argv[++i];
    if (k == "--role")
      a.role = v;
    else if (k == "--ip")
      a.ip = v;
    else if (k == "--peer-ip")
      a.peer_ip = v;
    else if (k == "--port")
      a.port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--peer-port")
      a.peer_port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--messages")
      a.messages = std::stoull(v);
    else if (k == "--sizes") {
      if (!a.sizes.parse(v)) return false;
    } else if (k == "--streams")
      a.streams = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--seed")
      a.seed = std::stoull(v);
    else if (k == "--window")
      a.window = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--end")
      a.end = v;
    else if (k == "--timeout")
      a.timeout_s = std::stod(v);
    else if (k == "--report-at")
      a.report_at = std::stoull(v);
    else if (k == "--rto-max-ms")
      a.rto_max_ms = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--path-max-retrans")
      a.path_max_retrans = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--blackhole")
      a.blackhole = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--udp-encaps")
      a.udp_encaps = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--udp-remote-port")
      a.udp_remote_port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--pr-ttl-ms")
      a.pr_ttl_ms = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--pr-rtx")
      a.pr_rtx = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--reset-stream-at")
      a.reset_stream_at = std::stoull(v);
    else if (k == "--init-streams")
      a.init_streams = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--add-streams")
      a.add_streams = static_cast<uint32_t>(std::stoul(v));
    else
      return false;
  }
  a.sizes.seed = a.seed;
  const bool end_ok = a.end == "shutdown" || a.end == "abort" || a.end == "peer" ||
                      (a.end == "hold" && a.role == "client");
  return (a.role == "server" || (a.role == "client" && !a.peer_ip.empty())) && !a.ip.empty() &&
         end_ok && a.streams >= 1 && a.streams <= 65535 && a.window >= 1;
}

// "A" or "A,B,...": the addresses of the list.
std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  for (size_t at = 0; at <= list.size();) {
    const size_t comma = std::min(list.find(',', at), list.size());
    out.push_back(list.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

sockaddr_in make_addr(const std::string& ip, uint16_t port) {
  sockaddr_in sin{};
  sin.sin_family = AF_INET;
  sin.sin_port = htons(port);
  inet_pton(AF_INET, ip.c_str(), &sin.sin_addr);
  return sin;
}

template <class T>
bool set_opt(struct socket* s, int level, int name, const T& v) {
  return usrsctp_setsockopt(s, level, name, &v, sizeof v) == 0;
}

// The sctp_rcvinfo fields on_message() uses.
struct RcvInfo {
  uint16_t sid;
  uint16_t flags;
  uint32_t ppid;  // host order
};

class Peer {
 public:
  explicit Peer(const Args& a)
      : a_(a),
        tracker_(a.seed, interop::Expect{a.role == "client", a.sizes, a.streams, a.unordered}) {}
  int run();

 private:
  bool configure(struct socket* s);
  bool send_msg(uint32_t ppid, uint16_t stream, bool unordered, const uint8_t* p, size_t n,
                uint16_t flags = 0, bool pr = false);
  void on_ext_notification(const sctp_notification& note);
  bool request_reset();
  [[nodiscard]] bool pr_accounted() const;
  [[nodiscard]] bool ext_ok() const;
  void receive_loop();  // until the association ends
  void on_message(const RcvInfo&, const uint8_t* p, size_t n);
  void on_notification(const uint8_t* p, size_t n);
  void do_end();
  void send_all();
  /// --end hold: report the echoes, then keep the association up until killed (the
  /// restart scenario kills this process and starts a new one on the same port).
  [[noreturn]] void hold() {
    std::printf("{\"stack\":\"usrsctp\",\"role\":\"client\",\"end\":\"hold\",\"ok\":%s,%s}\n",
                error_ == nullptr && tracker_.complete(a_.messages) ? "true" : "false",
                tracker_.json().c_str());
    std::fflush(stdout);
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  void fail(const char* why) {
    std::lock_guard<std::mutex> g(mu_);
    if (error_ == nullptr) error_ = why;
    cv_.notify_all();
  }

  const Args& a_;
  interop::Tracker tracker_;
  struct socket* sock_ = nullptr;
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t sent_ = 0, echoed_ = 0;  // client window (under mu_)
  std::atomic<bool> ended_{false};
  bool comm_up_ = false, shutdown_event_ = false, close_req_ = false;
  uint32_t restarts_ = 0, unreachable_ = 0;
  // --pr-*, --reset-stream-at, --add-streams (under mu_ where the sender waits on them)
  std::vector<uint8_t> failed_ids_;
  uint64_t resolved_ = 0, data_failed_ = 0, failed_sent_ = 0;
  uint32_t stream_resets_ = 0, stream_resets_refused_ = 0, stream_changes_ = 0;
  uint32_t stream_changes_refused_ = 0, out_streams_ = 0, streams_reset_ = 0;
  int interleaving_ = -1;  // SCTP_INTERLEAVING_SUPPORTED of the association (-1: unknown)
  // none | shutdown_comp | comm_lost | abort_sent | eof | recv_error
  std::atomic<const char*> end_how_{"none"};
  const char* error_ = nullptr;
};

bool Peer::configure(struct socket* s) {
  const int on = 1;
  const int buf = 4 * 1024 * 1024;
  sctp_initmsg init{};
  init.sinit_num_ostreams = static_cast<uint16_t>(a_.init_streams);
  init.sinit_max_instreams = 64;
  bool ok = set_opt(s, IPPROTO_SCTP, SCTP_RECVRCVINFO, on) &&
            set_opt(s, IPPROTO_SCTP, SCTP_NODELAY, on) &&
            set_opt(s, IPPROTO_SCTP, SCTP_INITMSG, init) &&
            set_opt(s, SOL_SOCKET, SO_SNDBUF, buf) && set_opt(s, SOL_SOCKET, SO_RCVBUF, buf);
  for (const uint16_t type :
       {uint16_t{SCTP_ASSOC_CHANGE}, uint16_t{SCTP_SHUTDOWN_EVENT}, uint16_t{SCTP_PEER_ADDR_CHANGE},
        uint16_t{SCTP_STREAM_RESET_EVENT}, uint16_t{SCTP_STREAM_CHANGE_EVENT},
        uint16_t{SCTP_SEND_FAILED_EVENT}}) {
    sctp_event ev{};
    ev.se_assoc_id = SCTP_FUTURE_ASSOC;
    ev.se_type = type;
    ev.se_on = 1;
    ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_EVENT, ev);
  }
  // RFC 6525: may request SSN resets and stream additions (answering needs no option).
  sctp_assoc_value reset{};
  reset.assoc_id = SCTP_FUTURE_ASSOC;
  reset.assoc_value = SCTP_ENABLE_RESET_STREAM_REQ | SCTP_ENABLE_CHANGE_ASSOC_REQ;
  ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_ENABLE_STREAM_RESET, reset);
  if (a_.interleave) {  // RFC 8260 §2.2.1: offer I-DATA
    const int level = 2;
    sctp_assoc_value iv{};
    iv.assoc_id = SCTP_FUTURE_ASSOC;
    iv.assoc_value = 1;
    ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_FRAGMENT_INTERLEAVE, level) &&
         set_opt(s, IPPROTO_SCTP, kInterleavingSupported, iv);
  }
  if (a_.rto_max_ms != 0) {  // RFC 9260 §6.3.1 RTO.Max (srto_max; 0 fields stay unchanged)
    sctp_rtoinfo ri{};
    ri.srto_assoc_id = SCTP_FUTURE_ASSOC;
    ri.srto_max = a_.rto_max_ms;
    ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_RTOINFO, ri);
  }
  if (a_.path_max_retrans != 0) {  // RFC 9260 §8.2 Path.Max.Retrans, endpoint default
    sctp_paddrparams pp{};
    pp.spp_assoc_id = SCTP_FUTURE_ASSOC;
    pp.spp_pathmaxrxt = static_cast<uint16_t>(a_.path_max_retrans);
    ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, pp);
  }
  if (a_.udp_remote_port != 0) {
    // RFC 6951: send to the peer in UDP to this port (the socket's default for future
    // associations; a server learns it from the received datagrams anyway).
    sctp_udpencaps enc{};
    enc.sue_assoc_id = SCTP_FUTURE_ASSOC;
    enc.sue_port = htons(a_.udp_remote_port);
    ok = ok && set_opt(s, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, enc);
  }
  return ok;
}

bool Peer::send_msg(uint32_t ppid, uint16_t stream, bool unordered, const uint8_t* p, size_t n,
                    uint16_t flags, bool pr) {
  sctp_sndinfo si{};
  si.snd_sid = stream;
  si.snd_ppid = htonl(ppid);  // the PPID field is opaque to SCTP: network order on the wire
  si.snd_flags = static_cast<uint16_t>(flags | (unordered ? SCTP_UNORDERED : 0));
  if (pr && a_.pr()) {  // RFC 7496 §4: SCTP_SENDV_SPA with SNDINFO + PRINFO
    sctp_sendv_spa spa{};
    spa.sendv_flags = SCTP_SEND_SNDINFO_VALID | SCTP_SEND_PRINFO_VALID;
    spa.sendv_sndinfo = si;
    spa.sendv_prinfo.pr_policy = a_.pr_ttl_ms != 0 ? SCTP_PR_SCTP_TTL : SCTP_PR_SCTP_RTX;
    spa.sendv_prinfo.pr_value = a_.pr_ttl_ms != 0 ? a_.pr_ttl_ms : a_.pr_rtx;
    const ssize_t r = usrsctp_sendv(sock_, p, n, nullptr, 0, &spa, sizeof spa, SCTP_SENDV_SPA, 0);
    return r >= 0 && static_cast<size_t>(r) == n;
  }
  ssize_t r = usrsctp_sendv(sock_, p, n, nullptr, 0, &si, sizeof si, SCTP_SENDV_SNDINFO, 0);
  // usrsctp refuses data for a stream whose SSN reset is under way with EAGAIN, even on a
  // blocking socket (RFC 6525 §5.1.2: the stream stays blocked until the response): retry
  // for up to 10 s.
  for (int i = 0; r < 0 && errno == EAGAIN && i < 10000 && !ended_; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    r = usrsctp_sendv(sock_, p, n, nullptr, 0, &si, sizeof si, SCTP_SENDV_SNDINFO, 0);
  }
  return r >= 0 && static_cast<size_t>(r) == n;
}

// RFC 6458 §6.1.4 SEND_FAILED (abandoned), RFC 6525 §6.1.1 / §6.1.3 stream events.
void Peer::on_ext_notification(const sctp_notification& note) {
  std::lock_guard<std::mutex> g(mu_);
  if (note.sn_header.sn_type == SCTP_SEND_FAILED_EVENT) {
    const sctp_send_failed_event& f = note.sn_send_failed_event;
    const uint32_t ppid = ntohl(f.ssfe_info.snd_ppid);
    if (ppid < interop::kPpidBase || ppid == interop::kClosePpid) return;
    const uint64_t id = ppid - interop::kPpidBase;
    if (id >= failed_ids_.size()) failed_ids_.resize(id + 1, 0);
    resolved_ += failed_ids_[id] == 0 && !tracker_.has(id) ? 1 : 0;
    data_failed_ += failed_ids_[id] == 0 ? 1 : 0;
    failed_sent_ += (f.ssfe_flags & SCTP_DATA_SENT) != 0 ? 1 : 0;
    failed_ids_[id] = 1;
  } else if (note.sn_header.sn_type == SCTP_STREAM_RESET_EVENT) {
    const uint16_t fl = note.sn_strreset_event.strreset_flags;
    const bool refused = (fl & (SCTP_STREAM_RESET_DENIED | SCTP_STREAM_RESET_FAILED)) != 0;
    ++(refused ? stream_resets_refused_ : stream_resets_);
    // usrsctp asks for each stream once its queue drained: several events, count streams.
    const uint32_t len = note.sn_strreset_event.strreset_length;
    if (!refused && len > sizeof(sctp_stream_reset_event)) {
      streams_reset_ += (len - static_cast<uint32_t>(sizeof(sctp_stream_reset_event))) / 2;
    }
  } else if (note.sn_header.sn_type == SCTP_STREAM_CHANGE_EVENT) {
    const sctp_stream_change_event& c = note.sn_strchange_event;
    if ((c.strchange_flags & (SCTP_STREAM_CHANGE_DENIED | SCTP_STREAM_CHANGE_FAILED)) != 0) {
      ++stream_changes_refused_;
    } else {
      ++stream_changes_;
      out_streams_ = c.strchange_outstrms;
    }
  }
  cv_.notify_all();
}

void Peer::on_notification(const uint8_t* p, size_t n) {
  sctp_notification note{};
  std::memcpy(&note, p, std::min(n, sizeof note));
  if (note.sn_header.sn_type == SCTP_SEND_FAILED_EVENT ||
      note.sn_header.sn_type == SCTP_STREAM_RESET_EVENT ||
      note.sn_header.sn_type == SCTP_STREAM_CHANGE_EVENT) {
    return on_ext_notification(note);
  }
  if (note.sn_header.sn_type == SCTP_PEER_ADDR_CHANGE) {
    if (note.sn_paddr_change.spc_state == SCTP_ADDR_UNREACHABLE) ++unreachable_;
    return;
  }
  if (note.sn_header.sn_type == SCTP_SHUTDOWN_EVENT) {
    shutdown_event_ = true;
    return;
  }
  if (note.sn_header.sn_type != SCTP_ASSOC_CHANGE) return;
  switch (note.sn_assoc_change.sac_state) {
    case SCTP_COMM_UP:
      comm_up_ = true;
      break;
    case SCTP_RESTART:
      ++restarts_;
      break;
    case SCTP_SHUTDOWN_COMP:
      end_how_ = "shutdown_comp";
      ended_ = true;
      break;
    case SCTP_COMM_LOST:
      if (std::strcmp(end_how_, "abort_sent") != 0) end_how_ = "comm_lost";
      ended_ = true;
      break;
    case SCTP_CANT_STR_ASSOC:
      fail("CANT_STR_ASSOC");
      ended_ = true;
      break;
    default:
      break;
  }
}

void Peer::on_message(const RcvInfo& ri, const uint8_t* p, size_t n) {
  const bool unordered = (ri.flags & SCTP_UNORDERED) != 0;
  if (a_.role == "server") {
    if (ri.ppid == interop::kClosePpid) {
      close_req_ = true;
      return do_end();
    }
    if (!tracker_.record(ri.ppid, ri.sid, unordered, p, n)) fail(tracker_.first_error());
    if (!send_msg(ri.ppid, ri.sid, unordered, p, n)) fail("echo sendv failed");
    if (a_.report_at != 0 && tracker_.messages() == a_.report_at) {
      std::printf("{\"stack\":\"usrsctp\",\"role\":\"server\",\"report_at\":%llu,\"ok\":%s,%s}\n",
                  static_cast<unsigned long long>(a_.report_at),
                  error_ == nullptr && tracker_.errors() == 0 ? "true" : "false",
                  tracker_.json().c_str());
      std::fflush(stdout);
    }
    return;
  }
  std::unique_lock<std::mutex> g(mu_);
  const uint64_t id = ri.ppid - interop::kPpidBase;
  if (ri.ppid >= interop::kPpidBase && !tracker_.has(id) &&
      (id >= failed_ids_.size() || failed_ids_[id] == 0)) {
    ++resolved_;
  }
  g.unlock();
  if (!tracker_.record(ri.ppid, ri.sid, unordered, p, n)) fail(tracker_.first_error());
  g.lock();
  ++echoed_;
  cv_.notify_all();
  g.unlock();
  if (echoed_ == a_.messages && a_.end == "abort" && error_ == nullptr) do_end();
}

// Reads until the association ends: messages (reassembled across partial deliveries up to
// MSG_EOR) and notifications.
void Peer::receive_loop() {
  std::vector<uint8_t> msg, buf(256 * 1024);
  while (!ended_) {
    sctp_rcvinfo info{};
    socklen_t infolen = sizeof info;
    unsigned int infotype = 0;
    int flags = 0;
    sockaddr_in from{};
    socklen_t fromlen = sizeof from;
    const ssize_t r =
        usrsctp_recvv(sock_, buf.data(), buf.size(), reinterpret_cast<sockaddr*>(&from), &fromlen,
                      &info, &infolen, &infotype, &flags);
    if (r == 0) {  // EOF: the association is gone
      if (std::strcmp(end_how_, "none") == 0) end_how_ = "eof";
      break;
    }
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      if (std::strcmp(end_how_, "none") == 0)
        end_how_ = errno == ECONNRESET ? "comm_lost" : "recv_error";
      break;
    }
    msg.insert(msg.end(), buf.begin(), buf.begin() + r);
    if ((flags & MSG_EOR) == 0) continue;
    if ((flags & MSG_NOTIFICATION) != 0) {
      on_notification(msg.data(), msg.size());
    } else {
      on_message({info.rcv_sid, info.rcv_flags, ntohl(info.rcv_ppid)}, msg.data(), msg.size());
    }
    msg.clear();
  }
  std::lock_guard<std::mutex> g(mu_);
  ended_ = true;
  cv_.notify_all();
}

// The --end action: SHUTDOWN (RFC 9260 §9.2), ABORT (§9.1), or ask the peer to close.
void Peer::do_end() {
  if (a_.end == "shutdown") {
    if (usrsctp_shutdown(sock_, SHUT_WR) != 0) fail("usrsctp_shutdown failed");
  } else if (a_.end == "abort") {
    // A one-to-one socket aborts on close with a zero linger (SCTP_ABORT in sendv is for
    // one-to-many sockets only). Called on the receiving thread, so no recvv is blocked.
    end_how_ = "abort_sent";
    const linger lg{1, 0};
    if (!set_opt(sock_, SOL_SOCKET, SO_LINGER, lg)) fail("SO_LINGER failed");
    usrsctp_close(sock_);
    sock_ = nullptr;
    ended_ = true;
  } else if (a_.role == "client") {
    const uint8_t byte = 0;
    if (!send_msg(interop::kClosePpid, 0, false, &byte, 1)) fail("close request failed");
  }
}

// RFC 6525 §5.1.2: an Outgoing SSN Reset Request for streams 0..3 (SCTP_RESET_STREAMS).
bool Peer::request_reset() {
  std::vector<uint8_t> buf(sizeof(sctp_reset_streams) + 4 * sizeof(uint16_t));
  auto* rs = reinterpret_cast<sctp_reset_streams*>(buf.data());
  rs->srs_assoc_id = SCTP_FUTURE_ASSOC;  // one-to-one: the socket's association
  rs->srs_flags = SCTP_STREAM_RESET_OUTGOING;
  rs->srs_number_streams = 4;
  for (uint16_t i = 0; i < 4; ++i) rs->srs_stream_list[i] = i;
  return usrsctp_setsockopt(sock_, IPPROTO_SCTP, SCTP_RESET_STREAMS, buf.data(),
                            static_cast<socklen_t>(buf.size())) == 0;
}

void Peer::send_all() {
  std::vector<uint8_t> tx;
  if (a_.add_streams != 0) {  // RFC 6525 §5.1.5 Add Outgoing Streams Request
    sctp_add_streams as{};
    as.sas_outstrms = static_cast<uint16_t>(a_.add_streams);
    if (!set_opt(sock_, IPPROTO_SCTP, SCTP_ADD_STREAMS, as)) return fail("SCTP_ADD_STREAMS failed");
  }
  for (uint64_t id = 0; id < a_.messages; ++id) {
    const auto stream = static_cast<uint16_t>(id % a_.streams);
    {
      std::unique_lock<std::mutex> g(mu_);
      cv_.wait(g, [&] {
        const uint64_t done = a_.pr() ? resolved_ : echoed_;
        const bool open = stream < a_.init_streams || stream < out_streams_;
        return (sent_ - done < a_.window && open) || ended_ || error_ != nullptr;
      });
      if (ended_ || error_ != nullptr) return;
      ++sent_;
    }
    if (a_.reset_stream_at != 0 && id == a_.reset_stream_at && !request_reset()) {
      return fail("SCTP_RESET_STREAMS failed");
    }
    tx.resize(a_.sizes.size_of(id));
    interop::fill(id, a_.seed, tx.data(), tx.size());
    if (!send_msg(static_cast<uint32_t>(interop::kPpidBase + id), stream, a_.unordered, tx.data(),
                  tx.size(), 0, true)) {
      return fail("sendv failed");
    }
  }
  std::unique_lock<std::mutex> g(mu_);
  cv_.wait(g, [&] {
    return (a_.pr() ? resolved_ : echoed_) == a_.messages || ended_ || error_ != nullptr;
  });
}

// --pr-*: every id echoed or handed back by SEND_FAILED (both when an abandoned message
// had been sent and arrived after all: RFC 3758 §3.5), no other error.
bool Peer::pr_accounted() const {
  if (tracker_.errors() != 0 || resolved_ != a_.messages) return false;
  for (uint64_t id = 0; id < a_.messages; ++id) {
    if (!tracker_.has(id) && (id >= failed_ids_.size() || failed_ids_[id] == 0)) return false;
  }
  return true;
}

// The RFC 6525 requests asked for were performed: streams 0..3 reset, the streams added.
bool Peer::ext_ok() const {
  if (a_.reset_stream_at != 0 && (streams_reset_ != 4 || stream_resets_refused_ != 0)) return false;
  if (a_.add_streams != 0 && (stream_changes_ != 1 || stream_changes_refused_ != 0)) return false;
  return true;
}

int Peer::run() {
  sock_ = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, nullptr, nullptr, 0, nullptr);
  if (sock_ == nullptr || !configure(sock_)) return std::perror("socket"), 1;
  const std::vector<std::string> ips = split(a_.ip);
  sockaddr_in local = make_addr(ips[0], a_.port);
  if (usrsctp_bind(sock_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    return std::perror("bind"), 1;
  }
  for (size_t i = 1; i < ips.size(); ++i) {  // the other addresses of a multi-homed peer
    sockaddr_in more = make_addr(ips[i], a_.port);
    if (usrsctp_bindx(sock_, reinterpret_cast<sockaddr*>(&more), 1, SCTP_BINDX_ADD_ADDR) != 0) {
      return std::perror("bindx"), 1;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  if (a_.role == "server") {
    if (usrsctp_listen(sock_, 1) != 0) return std::perror("listen"), 1;
    std::fprintf(stderr, "server: listening on %s:%u\n", a_.ip.c_str(), a_.port);
    struct socket* conn = usrsctp_accept(sock_, nullptr, nullptr);
    if (conn == nullptr) return std::perror("accept"), 1;
    usrsctp_close(sock_);
    sock_ = conn;
    comm_up_ = true;
    sctp_assoc_value iv{};
    socklen_t ivlen = sizeof iv;
    if (usrsctp_getsockopt(sock_, IPPROTO_SCTP, kInterleavingSupported, &iv, &ivlen) == 0) {
      interleaving_ = static_cast<int>(iv.assoc_value);
    }
    receive_loop();
  } else {
    sockaddr_in peer = make_addr(split(a_.peer_ip)[0], a_.peer_port);
    if (usrsctp_connect(sock_, reinterpret_cast<sockaddr*>(&peer), sizeof peer) != 0) {
      fail("connect failed");
    } else {
      comm_up_ = true;
      sctp_assoc_value iv{};
      socklen_t ivlen = sizeof iv;
      if (usrsctp_getsockopt(sock_, IPPROTO_SCTP, kInterleavingSupported, &iv, &ivlen) == 0) {
        interleaving_ = static_cast<int>(iv.assoc_value);
      }
      std::thread rx([this] { receive_loop(); });
      send_all();
      if (a_.end == "hold") hold();
      if (error_ == nullptr && !ended_ && a_.end != "abort") do_end();
      // A failed client ends the association rather than waiting for the watchdog.
      if (error_ != nullptr && !ended_) usrsctp_shutdown(sock_, SHUT_RDWR);
      rx.join();
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  bool ok = error_ == nullptr && comm_up_;
  if (a_.role == "client") ok = ok && (a_.pr() ? pr_accounted() : tracker_.complete(a_.messages));
  ok = ok && ext_ok();
  if (a_.role == "server") ok = ok && tracker_.errors() == 0;
  if (a_.end == "shutdown") ok = ok && std::strcmp(end_how_, "shutdown_comp") == 0;
  if (a_.end == "abort") ok = ok && std::strcmp(end_how_, "abort_sent") == 0;
  std::printf(
      "{\"stack\":\"usrsctp\",\"role\":\"%s\",\"ok\":%s,\"end\":\"%s\","
      "\"end_how\":\"%s\",\"shutdown_event\":%s,\"close_request\":%s,\"restarts\":%u,"
      "\"addr_unreachable\":%u,\"sent\":%llu,\"elapsed_s\":%.3f,%s,\"interleaving\":%d,"
      "\"resolved\":%llu,\"data_failed\":%llu,\"failed_sent\":%llu,\"stream_resets\":%u,"
      "\"stream_resets_refused\":%u,\"streams_reset\":%u,\"stream_changes\":%u,"
      "\"stream_changes_refused\":%u,"
      "\"error\":\"%s\"}\n",
      a_.role.c_str(), ok ? "true" : "false", a_.end.c_str(), end_how_.load(),
      shutdown_event_ ? "true" : "false", close_req_ ? "true" : "false", restarts_, unreachable_,
      static_cast<unsigned long long>(sent_), secs, tracker_.json().c_str(), interleaving_,
      static_cast<unsigned long long>(resolved_), static_cast<unsigned long long>(data_failed_),
      static_cast<unsigned long long>(failed_sent_), stream_resets_, stream_resets_refused_,
      streams_reset_, stream_changes_, stream_changes_refused_, error_ != nullptr ? error_ : "");
  std::fflush(stdout);
  if (sock_ != nullptr) usrsctp_close(sock_);
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  bool parsed = false;
  try {
    parsed = parse_args(argc, argv, args);
  } catch (...) {
  }
  if (!parsed) {
    std::fprintf(stderr,
                 "usage: %s --role server|client --ip A [--peer-ip B] [--port P] [--peer-port P]"
                 " [--messages N] [--sizes N|LO..HI] [--streams S] [--unordered] [--seed X]"
                 " [--window W] [--end shutdown|abort|peer|hold] [--timeout S] [--report-at N]"
                 " [--blackhole 0|1|2] [--path-max-retrans N] [--rto-max-ms M] [--interleave]"
                 " [--pr-ttl-ms N] [--pr-rtx N] [--reset-stream-at K]"
                 " [--init-streams N --add-streams M]\n",
                 argv[0]);
    return 2;
  }
  // Port 0: raw IPv4/IPv6 only; --udp-encaps P: also SCTP over UDP (RFC 6951) on port P.
  usrsctp_init(args.udp_encaps, nullptr, nullptr);
  // 2: no ABORT for stray packets (OOTB) to other ports; 0 for the restarted server.
  usrsctp_sysctl_set_sctp_blackhole(args.blackhole);
  // A watchdog: the test never hangs on a peer that stopped answering.
  std::thread([t = args.timeout_s, role = args.role] {
    std::this_thread::sleep_for(std::chrono::duration<double>(t));
    std::printf("{\"stack\":\"usrsctp\",\"role\":\"%s\",\"ok\":false,\"error\":\"timeout\"}\n",
                role.c_str());
    std::fflush(stdout);
    std::_Exit(1);
  }).detach();
  Peer peer(args);
  const int rc = peer.run();
  for (int i = 0; i < 50 && usrsctp_finish() != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return rc;
}
