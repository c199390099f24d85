// CRC32c (Castagnoli), the SCTP checksum (RFC 9260 §6.8 and Appendix B).
//
// Three implementations, one answer:
//  - crc32c_isal():     ISA-L crc32_iscsi (PCLMUL/AVX-512 folding, dispatched at run time):
//                       ~34 GB/s at 1500 B on this machine's Xeon;
//  - crc32c_sse42():    the SSE4.2 crc32 instruction, 8 bytes a step: fastest below ~128 B
//                       where ISA-L's setup cost dominates;
//  - crc32c_portable(): slicing-by-8 tables, for CPUs with neither (and as the reference).
// crc32c() picks the best for the length. All take and return the *final* CRC value
// (pre- and post-inverted); *_update() chain raw, non-inverted state across pieces.
#pragma once

#include <cstdint>

#include "wire/byte_io.h"

namespace dpsctp::wire {

/// Raw CRC state (not inverted) for chaining: start with kCrc32cInit, finish with ~.
inline constexpr uint32_t kCrc32cInit = 0xFFFFFFFFu;

uint32_t crc32c_update_isal(uint32_t state, ByteSpan data);
uint32_t crc32c_update_sse42(uint32_t state, ByteSpan data);
uint32_t crc32c_update_portable(uint32_t state, ByteSpan data);
/// Best available implementation for this CPU and this length.
uint32_t crc32c_update(uint32_t state, ByteSpan data);

inline uint32_t crc32c_isal(ByteSpan d) { return ~crc32c_update_isal(kCrc32cInit, d); }
inline uint32_t crc32c_sse42(ByteSpan d) { return ~crc32c_update_sse42(kCrc32cInit, d); }
inline uint32_t crc32c_portable(ByteSpan d) { return ~crc32c_update_portable(kCrc32cInit, d); }
inline uint32_t crc32c(ByteSpan d) { return ~crc32c_update(kCrc32cInit, d); }

/// True when this CPU has the SSE4.2 crc32 instruction (crc32c_sse42 is usable).
bool crc32c_have_sse42();

/// RFC 9260 §6.8: the CRC32c of the whole packet computed with the checksum field set to
/// zero — computed in place, without copying or modifying the packet.
uint32_t sctp_checksum(ByteSpan packet);

/// RFC 9260 §6.8: stores sctp_checksum() in the common header. The CRC is placed so the
/// bytes on the wire are its little-endian encoding (Appendix B).
void write_sctp_checksum(MutableByteSpan packet);

/// RFC 9260 §6.8: true when the stored checksum matches. Packets under 12 bytes fail.
bool verify_sctp_checksum(ByteSpan packet);

/// The checksum value as stored: the little-endian load of header bytes 8..11.
uint32_t stored_sctp_checksum(ByteSpan packet);

}  // namespace dpsctp::wire
