// PacketView: a validated, zero-copy view of one SCTP packet (RFC 9260 §3): the common
// header and the chunks behind it.
//
// parse() checks the whole chunk structure once — every chunk header and length within
// the packet, padding, at least one chunk, and the §6.10 rule that INIT, INIT ACK and
// SHUTDOWN COMPLETE travel alone — so iterating chunks() afterwards cannot fail. It does
// not decode chunk values (typed parsers do that, on demand) and does not verify the
// checksum (the runtime may have had the NIC do it; call verify_sctp_checksum()).
#pragma once

#include <iterator>

#include "wire/chunk_view.h"
#include "wire/common_header.h"

namespace dpsctp::wire {

class PacketView {
 public:
  class ChunkIterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ChunkView;
    using difference_type = std::ptrdiff_t;
    using pointer = const ChunkView*;
    using reference = const ChunkView&;

    ChunkIterator() = default;
    explicit ChunkIterator(ByteSpan rest) : rest_(rest) { load(); }
    const ChunkView& operator*() const { return cur_; }
    const ChunkView* operator->() const { return &cur_; }
    ChunkIterator& operator++() {
      rest_ = rest_.subspan(ChunkView::stride(cur_.length, rest_.size()));
      load();
      return *this;
    }
    ChunkIterator operator++(int) {
      ChunkIterator t = *this;
      ++*this;
      return t;
    }
    friend bool operator==(const ChunkIterator& a, const ChunkIterator& b) {
      return a.rest_.data() == b.rest_.data() && a.rest_.size() == b.rest_.size();
    }

   private:
    void load() {
      if (rest_.empty()) return;
      Result<ChunkView> r = ChunkView::parse(rest_);
      if (r) {
        cur_ = *r;
      } else {
        rest_ = rest_.last(0);
      }
    }
    ByteSpan rest_;
    ChunkView cur_;
  };

  struct ChunkRange {
    ByteSpan area;
    [[nodiscard]] ChunkIterator begin() const { return ChunkIterator(area); }
    [[nodiscard]] ChunkIterator end() const { return ChunkIterator(area.last(0)); }
  };

  PacketView() = default;

  /// Validates the packet's structure; see the file comment for what is checked.
  static Result<PacketView> parse(ByteSpan packet);

  [[nodiscard]] const CommonHeader& header() const { return header_; }
  [[nodiscard]] ByteSpan bytes() const { return bytes_; }
  [[nodiscard]] ChunkRange chunks() const { return {bytes_.subspan(CommonHeader::kSize)}; }
  [[nodiscard]] size_t chunk_count() const { return chunk_count_; }
  /// The first chunk: INIT, INIT ACK and SHUTDOWN COMPLETE are always alone, and the
  /// demultiplexer looks at it to route packets (§8.5.1 exceptions).
  [[nodiscard]] const ChunkView& first_chunk() const { return first_; }

 private:
  CommonHeader header_;
  ByteSpan bytes_;
  ChunkView first_;
  size_t chunk_count_ = 0;
};

}  // namespace dpsctp::wire
