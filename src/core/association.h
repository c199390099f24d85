// Association: the Transmission Control Block of RFC 9260 (§2.7, §14) and its state
// machine (§4), driven by the Endpoint. One class, split by phase into files small enough
// to read in one sitting:
//   association.cc           construction, public calls, chunk dispatch, timers
//   association_handshake.cc client side of §5.1: INIT / COOKIE ECHO, T1-init/T1-cookie
//   association_data.cc      §6: DATA in, SACK in/out, the transmit loop, T3-rtx, §7
//   association_control.cc   §8.3 heartbeats, §9 SHUTDOWN / ABORT, ERROR, failure
//
// Sans-IO: every entry point takes `now`; packets leave through the PacketSink, events
// through the Listener (synchronously; the Listener may call send()). The Endpoint
// checks verification tags (§8.5) before it hands a packet over.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/association_context.h"
#include "core/path/path.h"
#include "core/reconfig/reconfig_state.h"
#include "core/rx/data_tracker.h"
#include "core/rx/interleaved_reassembly_queue.h"
#include "core/rx/reassembly_queue.h"
#include "core/tx/retransmission_queue.h"
#include "core/tx/send_queue.h"
#include "dpsctp/address.h"
#include "dpsctp/events.h"
#include "dpsctp/types.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {
struct OutgoingSsnResetRequestParameter;  // RFC 6525 §4.1
struct IncomingSsnResetRequestParameter;  // RFC 6525 §4.2
}  // namespace dpsctp::wire

namespace dpsctp::core {

/// RFC 9260 §4 states.
enum class AssocState : uint8_t {
  kClosed,
  kCookieWait,
  kCookieEchoed,
  kEstablished,
  kShutdownPending,
  kShutdownSent,
  kShutdownReceived,
  kShutdownAckSent,
};
const char* to_string(AssocState s);

/// What both sides agreed on; from the INIT ACK (client) or the State Cookie (server).
struct TcbParams {
  VerificationTag local_tag;
  VerificationTag peer_tag;
  Tsn local_initial_tsn;
  Tsn peer_initial_tsn;
  uint32_t peer_a_rwnd = 0;
  uint16_t outbound_streams = 0;
  uint16_t inbound_streams = 0;
  uint16_t peer_port = 0;
  bool peer_forward_tsn = false;  ///< RFC 3758 negotiated
  wire::ByteSpan peer_addresses;  ///< server: the INIT's address parameters (from the cookie)
  bool interleaving = false;  ///< RFC 8260 §2.2.1: both ends listed I-DATA: I-DATA only
  bool peer_reconfig = false;  ///< RFC 6525 §4: both ends listed RE-CONFIG
};

/// An IPv4 / IPv6 Address parameter's address (RFC 9260 §3.3.2.1), if `t` is one.
std::optional<IpAddress> address_from_param(const wire::TlvView& t);
void write_address_param(wire::BufferWriter& w, const IpAddress& ip);

/// SCTP_STATUS-like snapshot (RFC 6458 §8.2.1).
struct AssocStatus {
  AssocState state = AssocState::kClosed;
  uint32_t peer_rwnd = 0;
  size_t unacked_chunks = 0;
  uint32_t flight_size = 0;
  size_t queued_bytes = 0;
  uint32_t pending_reassembly_bytes = 0;
  uint16_t inbound_streams = 0;
  uint16_t outbound_streams = 0;
  Duration srtt{};
  Duration rto{};
  uint32_t cwnd = 0;
  uint32_t mtu = 0;
};

class Association {
 public:
  /// Client side (connect): starts in COOKIE-WAIT once start_connect() sends the INIT.
  Association(AssociationContext& ctx, AssocId id, VerificationTag local_tag,
              Tsn local_initial_tsn, uint16_t peer_port, std::span<const IpAddress> peers,
              const IpAddress& local);
  /// Server side: established from a valid State Cookie (§5.1.5); sends COOKIE ACK.
  Association(AssociationContext& ctx, AssocId id, const TcbParams& p, const IpAddress& peer,
              const IpAddress& local, Instant now);

  Association(const Association&) = delete;
  Association& operator=(const Association&) = delete;

  // --- User calls (RFC 9260 §11.1) -------------------------------------------------------
  void start_connect(Instant now);
  SendStatus send(StreamId stream, Ppid ppid, wire::ByteSpan data, const SendOptions& opt,
                  Instant now);
  void shutdown(Instant now);  ///< §9.2 graceful
  void abort(wire::ByteSpan reason, Instant now);  ///< §9.1 with User-Initiated Abort

  // --- Inputs from the Endpoint --------------------------------------------------------
  /// Processes the chunks of a packet whose verification tag the Endpoint accepted,
  /// starting at `first` (the Endpoint may have consumed a leading COOKIE ECHO).
  void handle_chunks(const wire::PacketView& packet, size_t first, const IpAddress& from,
                     Instant now);
  /// Fires every timer whose deadline is <= now.
  void handle_timeout(Instant now);
  /// Builds and sends everything that is due (control, SACK, retransmissions, new data).
  void flush(Instant now);
  /// §5.2.4 action A: the peer restarted; adopt the new parameters, keep the AssocId.
  void restart(const TcbParams& p, Instant now);
  /// §5.2.4 action B/D: the peer's COOKIE ECHO for this association (collision or
  /// retransmission): adopt its tags, become ESTABLISHED if not yet, answer COOKIE ACK.
  void accept_cookie_echo(const TcbParams& p, Instant now);
  /// §9.2: an INIT arrived in SHUTDOWN-ACK-SENT: resend SHUTDOWN ACK instead of INIT ACK.
  void resend_shutdown_ack() { pending_.shutdown_ack = true; }
  /// Path MTU discovery (RFC 9260 §8.4 via RFC 8201/1191): the IP MTU toward `peer`
  /// dropped to `ip_mtu`. Never raises the MTU; bounded below by the IPv4/IPv6 minimums.
  bool lower_path_mtu(const IpAddress& peer, uint32_t ip_mtu);
  /// RFC 6458 SCTP_PRIMARY_ADDR: false if `peer` is not one of the peer's addresses.
  bool set_primary(const IpAddress& peer);
  /// RFC 9260 §6.2: bytes the user holds of what was delivered but not consumed yet (a
  /// socket's unread receive buffer). They count against the advertised a_rwnd, so a slow
  /// reader closes the peer's window instead of dropping. True when the window reopened
  /// past half of receive_window: a window-update SACK is then due at once.
  bool set_receive_held(uint32_t bytes);
  // --- RFC 6525 stream re-configuration (association_reconfig.cc) ------------------------
  /// SCTP_RESET_STREAMS (RFC 6525 §6.3.3): SSN reset of `streams` (empty = all), ours
  /// (`outgoing`, §5.1.2) and/or the peer's (`incoming`, §5.1.3). Outcome: on_stream_reset.
  ReconfigStatus reset_streams(std::span<const StreamId> streams, bool outgoing, bool incoming,
                               Instant now);
  /// SCTP_RESET_ASSOC (RFC 6525 §6.3.4): SSN/TSN reset (§5.1.4). Outcome: on_assoc_reset.
  ReconfigStatus reset_association(Instant now);
  /// SCTP_ADD_STREAMS (RFC 6525 §6.3.5): §5.1.5 / §5.1.6. Outcome: on_stream_change.
  ReconfigStatus add_streams(uint16_t outbound, uint16_t inbound, Instant now);
  /// A reconfiguration request is prepared or outstanding.
  [[nodiscard]] bool reconfig_pending() const;
  /// True once after paths were added (the Endpoint indexes every peer address).
  bool take_paths_changed() { return std::exchange(paths_changed_, false); }
  /// RFC 8260 §4.3.2 SCTP_STREAM_SCHEDULER: this association's stream scheduler (the
  /// default is AssociationOptions::stream_scheduler). Takes effect at the next message
  /// boundary; resets the per-stream values.
  void set_stream_scheduler(SchedulerKind k);
  [[nodiscard]] SchedulerKind stream_scheduler() const;
  /// RFC 8260 §4.3.3 SCTP_STREAM_SCHEDULER_VALUE (priority or weight, see
  /// StreamScheduler::set_value). False when `s` is not an outbound stream (none before
  /// the association is up) or the value is invalid (WFQ weight 0).
  bool set_stream_scheduler_value(StreamId s, uint16_t value);
  [[nodiscard]] std::optional<uint16_t> stream_scheduler_value(StreamId s) const;

  // --- State ---------------------------------------------------------------------------
  [[nodiscard]] AssocId id() const { return id_; }
  [[nodiscard]] AssocState state() const { return state_; }
  [[nodiscard]] bool closed() const { return state_ == AssocState::kClosed; }
  [[nodiscard]] VerificationTag local_tag() const { return tcb_.local_tag; }
  [[nodiscard]] VerificationTag peer_tag() const { return tcb_.peer_tag; }
  [[nodiscard]] uint16_t peer_port() const { return tcb_.peer_port; }
  [[nodiscard]] const IpAddress& primary_peer() const { return paths_[primary_].peer; }
  [[nodiscard]] const std::vector<Path>& paths() const { return paths_; }
  [[nodiscard]] size_t primary_path_index() const { return primary_; }
  /// The path new data goes to now (§6.4, §6.4.1).
  [[nodiscard]] size_t current_data_path() const { return data_path(std::nullopt); }
  [[nodiscard]] Instant next_deadline() const;
  [[nodiscard]] AssocStatus status() const;
  [[nodiscard]] bool has_pending_output() const;
  /// The INIT we sent (COOKIE-WAIT/ECHOED), for §5.2.1 collision INIT ACKs.
  [[nodiscard]] const TcbParams& tcb() const { return tcb_; }

 private:
  // Control chunks waiting for the next packet.
  struct Pending {
    bool init = false;
    bool cookie_echo = false;
    bool cookie_ack = false;
    bool shutdown = false;
    bool shutdown_ack = false;
    bool shutdown_complete = false;
    bool abort = false;
    uint16_t abort_cause = 0;
    bool invalid_stream_error = false;
    StreamId invalid_stream;
    std::vector<std::byte> heartbeat_acks;  // HEARTBEAT ACK chunks, pre-serialised
    std::vector<std::byte> errors;          // ERROR causes to report (Unrecognized Chunk...)
  };

  // association.cc
  void dispatch_chunk(const wire::ChunkView& c, const IpAddress& from, Instant now, bool& stop);
  void handle_unknown_chunk(const wire::ChunkView& c, bool& stop);
  void enter_established(Instant now, bool active);
  void set_state(AssocState s);
  void init_data_structures(Instant now);
  Path& primary_path() { return paths_[primary_]; }

  // association_handshake.cc
  void send_init_packet(Instant now);
  void handle_init_ack(const wire::ChunkView& c, const IpAddress& from, Instant now);
  void handle_cookie_ack(Instant now);
  void handle_t1_timeout(Instant now);
  size_t write_cookie_echo(wire::BufferWriter& w) const;
  void adopt(const TcbParams& p);

  // association_data.cc
  void handle_data(const wire::ChunkView& c, Instant now, bool& stop);
  /// DATA and I-DATA: false (handled) for an invalid stream (§6.5) or a duplicate TSN.
  bool admit_data(Tsn tsn, StreamId stream, bool immediate);
  /// DATA and I-DATA after the reassembly queue took (or had no room for) the chunk:
  /// §6.2 window / §3.3.10.4 Out of Resource, ack bookkeeping, §9.2 SHUTDOWN-SENT.
  void after_data_add(bool no_space, bool in_sequence, Tsn tsn, bool immediate, bool unordered,
                      Instant now, bool& stop);
  void handle_sack(const wire::ChunkView& c, Instant now);
  void handle_forward_tsn(const wire::ChunkView& c);
  void handle_t3_timeout(Path& p, Instant now);
  void after_sack(Instant now);
  bool write_control_chunks(wire::PacketBuilder& b);
  bool write_data_chunks(wire::PacketBuilder& b, Path& p, Instant now, bool& sent_new);
  bool write_retransmissions(wire::BufferWriter& w, Path& p, uint8_t path_index, Instant now);
  bool write_new_data(wire::BufferWriter& w, Path& p, uint8_t path_index, Instant now,
                      bool packet_has_data);
  void send_packet_on(size_t path_index, Instant now, bool with_data);
  size_t max_data_payload(const Path& p) const;
  bool can_send_data() const;
  void deliver(const DeliveredMessage& m);
  uint32_t advertised_rwnd() const;

  // association_paths.cc
  std::optional<IpAddress> choose_local(const IpAddress& peer) const;
  std::optional<size_t> find_path(const IpAddress& peer) const;
  std::optional<size_t> add_path(const IpAddress& peer, bool confirmed);
  void learn_peer_addresses(wire::TlvRange params);
  void write_local_addresses(wire::BufferWriter& w) const;
  size_t data_path(std::optional<size_t> avoid) const;
  void path_unreachable(Path& p);
  void path_reachable(Path& p);
  void note_received_from(const IpAddress& from);

  // association_control.cc
  void handle_heartbeat(const wire::ChunkView& c);
  void handle_heartbeat_ack(const wire::ChunkView& c, Instant now);
  void handle_abort(const wire::ChunkView& c);
  void handle_shutdown(const wire::ChunkView& c, Instant now);
  void handle_shutdown_ack(Instant now);
  void handle_shutdown_complete();
  void handle_error(const wire::ChunkView& c, Instant now);
  void handle_heartbeat_timeout(Path& p, Instant now);
  void handle_t2_timeout(Instant now);
  void maybe_start_shutdown(Instant now);
  /// §8.1: counts a timeout against Association.Max.Retrans; true if the association failed.
  bool count_error(Path& p, Instant now, bool counts_for_association);
  /// Ends the association: COMM_LOST / SHUTDOWN_COMP / CANT_STR_ASSOC, hands undelivered
  /// messages back as send-failed (RFC 6458 §6.1.4), moves to CLOSED.
  void terminate(AssocChangeState why, uint16_t error);
  void send_abort_now(uint16_t cause, wire::ByteSpan reason);
  void send_single_chunk(wire::ChunkType type, uint8_t flags);  ///< e.g. SHUTDOWN COMPLETE
  bool write_pending_misc(wire::PacketBuilder& b);  ///< HB ACK, ERROR, SHUTDOWN(-ACK)
  void arm_heartbeats(Instant now);
  void move_early_data(Instant now);  ///< COOKIE-WAIT sends -> the send queue
  void write_heartbeat(wire::BufferWriter& w, size_t path_index, Instant now);

  // association_prsctp.cc (RFC 3758 §3.5, RFC 7496: PR-SCTP sender side)
  void prsctp_expire(Instant now);  ///< abandon sent messages whose lifetime ended
  void report_abandoned();          ///< send-failed (was_sent) + drop their unsent rest
  void note_unsent_expired(const Fragment& whole);  ///< from SendQueue::produce()
  void report_unsent_expired();     ///< send-failed (never sent) for what was noted
  bool write_forward_tsn(wire::PacketBuilder& b);  ///< §3.5 C3/C4 when due

  // association_reconfig.cc (RFC 6525 stream re-configuration)
  ReconfigStatus check_reconfig_call() const;
  SendStatus hold_send(StreamId stream, Ppid ppid, wire::ByteSpan data, const SendOptions& opt);
  void release_held_sends(Instant now);
  void fail_held_sends(uint16_t error);
  bool reconfig_ready_to_send() const;
  void reconfig_progress(Instant now);  ///< sends prepared requests, finishes deferred resets
  bool reconfig_has_output() const;
  bool write_reconfig(wire::PacketBuilder& b);
  void handle_reconfig_timeout(Instant now);
  Instant reconfig_deadline() const;
  void handle_reconfig(const wire::ChunkView& c, Instant now, bool& stop);
  void handle_reconfig_param(const wire::TlvView& t, Instant now);
  void answer(uint32_t request_sn, wire::ReconfigResult r,
              std::optional<wire::ReconfigurationResponseParameter::NextTsns> tsns = {});
  bool take_request(uint32_t request_sn);  ///< §5.2.1; false if answered already
  bool accepts_reconfig_requests() const;
  void on_outgoing_reset_request(const wire::OutgoingSsnResetRequestParameter& p);
  void on_incoming_reset_request(const wire::IncomingSsnResetRequestParameter& p);
  void on_ssn_tsn_reset_request(uint32_t request_sn);
  void on_add_streams_request(uint32_t request_sn, uint16_t n, bool peer_outgoing);
  void on_reconfig_response(const wire::ReconfigurationResponseParameter& p, Instant now);
  void perform_incoming_reset(std::span<const StreamId> streams);
  void apply_tsn_reset(Tsn local_next, Tsn remote_next);

  // association_idata.cc (RFC 8260 I-DATA / I-FORWARD-TSN in)
  bool wrong_data_kind(bool interleaved_kind, bool& stop);  ///< §2.2.1: ABORT if mixed
  void handle_idata(const wire::ChunkView& c, Instant now, bool& stop);
  void handle_iforward_tsn(const wire::ChunkView& c, bool& stop);
  [[nodiscard]] size_t data_header_size() const;  ///< DATA 16 or I-DATA 20 bytes
  bool write_i_forward_tsn(wire::PacketBuilder& b);  ///< §2.3.1, instead of FORWARD TSN

  AssociationContext& ctx_;
  const AssocId id_;
  AssocState state_ = AssocState::kClosed;
  TcbParams tcb_;
  std::vector<Path> paths_;
  size_t primary_ = 0;
  std::optional<size_t> failover_path_;  // §6.4.1: where data goes while the primary is down
  std::optional<size_t> t3_path_;        // the path whose T3 expired last (retransmit elsewhere)
  size_t last_rx_path_ = 0;              // §6.4: replies go where packets came from
  bool paths_changed_ = false;
  bool last_packet_sent_ = false;     // send_packet_on() results
  bool last_packet_data_ = false;
  bool last_packet_control_ = false;

  std::optional<SendQueue> send_queue_;
  std::optional<RetransmissionQueue> rtx_;
  std::optional<DataTracker> tracker_;
  std::optional<ReassemblyQueue> reassembly_;

  Pending pending_;
  std::vector<std::byte> cookie_;  // client: the State Cookie to echo
  struct EarlySend {  // user data queued in COOKIE-WAIT, before the streams are known
    StreamId stream;
    Ppid ppid;
    SendOptions options;
    std::vector<std::byte> data;
  };
  std::vector<EarlySend> early_;
  size_t early_bytes_ = 0;
  uint16_t init_retransmits_ = 0;
  uint32_t cookie_preservative_ms_ = 0;  // §5.2.6: requested in the next INIT
  Instant t1_ = kNever;            // T1-init / T1-cookie
  Instant t2_ = kNever;            // T2-shutdown
  Instant t5_ = kNever;            // T5-shutdown-guard
  uint16_t association_errors_ = 0;  // §8.1 overall error counter
  bool pending_cookie_echo_in_packet_ = false;
  std::vector<wire::GapAckBlock> sack_gaps_;            // reused: no allocation per SACK
  std::vector<std::pair<StreamId, Ssn>> skipped_;       // reused: FORWARD TSN entries
  bool was_dry_ = true;
  uint64_t heartbeat_nonce_ = 0;
  ReconfigState reconfig_;  // RFC 6525 (association_reconfig.cc)
  // PR-SCTP (association_prsctp.cc)
  std::vector<wire::ForwardTsnChunk::SkippedStream> forward_skips_;  // reused scratch
  std::vector<Fragment> unsent_expired_;  // reported at the end of flush()
  bool forward_tsn_in_packet_ = false;     // §3.5 C5: the packet being built has one
  uint32_t receive_held_ = 0;  // set_receive_held(): counted against a_rwnd (§6.2)
  std::optional<SchedulerKind> scheduler_;  // set_stream_scheduler(); else the option
  // RFC 8260 I-DATA (association_idata.cc): reassembly by (stream, U, MID) when
  // tcb_.interleaving; reassembly_ then stays empty.
  std::optional<InterleavedReassemblyQueue> ireassembly_;
  std::vector<wire::IForwardTsnChunk::SkippedMessage> iskipped_;  // reused scratch
  std::vector<wire::IForwardTsnChunk::SkippedMessage> iforward_skips_;  // reused scratch
};

}  // namespace dpsctp::core
