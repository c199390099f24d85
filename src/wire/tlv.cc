#include "wire/tlv.h"

namespace dpsctp::wire {

// RFC 9260 §3.2.1 / §3.3.10: each TLV's length is at least 4 and fits what is left; the
// next one starts at the 4-byte boundary. The last TLV may omit its padding (robustness).
Result<size_t> validate_tlvs(ByteSpan area, TlvKind kind) {
  size_t count = 0;
  while (!area.empty()) {
    Result<TlvView> t = TlvView::parse(area, kind);
    if (!t) return t.error();
    const size_t padded = pad4(t->length);
    area = area.subspan(padded <= area.size() ? padded : area.size());
    ++count;
  }
  return count;
}

}  // namespace dpsctp::wire
