// Result<T>: a parsed value or the ParseError that prevented it (std::expected is C++23;
// this is the small subset the codec needs). T is a cheap view, so it is stored by value.
#pragma once

#include <cassert>
#include <type_traits>

#include "wire/parse_error.h"

namespace dpsctp::wire {

template <class T>
class [[nodiscard]] Result {
  static_assert(std::is_default_constructible_v<T>);

 public:
  constexpr Result(const T& v) : value_(v) {}  // NOLINT(google-explicit-constructor)
  constexpr Result(ParseError e) : error_(e) {  // NOLINT(google-explicit-constructor)
    assert(e != ParseError::kOk);
  }

  [[nodiscard]] constexpr bool ok() const { return error_ == ParseError::kOk; }
  constexpr explicit operator bool() const { return ok(); }
  [[nodiscard]] constexpr ParseError error() const { return error_; }

  constexpr const T& value() const {
    assert(ok());
    return value_;
  }
  constexpr const T& operator*() const { return value(); }
  constexpr const T* operator->() const { return &value(); }

 private:
  T value_{};
  ParseError error_ = ParseError::kOk;
};

}  // namespace dpsctp::wire
