// Result<T, E>: a parsed value or the error that prevented it (std::expected is C++23;
// this is the small subset the parsers need). T is a cheap view, so it is stored by value.
// E is an enum whose kOk means "no error": ParseError here, net::NetError for L2/L3.
#pragma once

#include <cassert>
#include <type_traits>

#include "wire/parse_error.h"

namespace dpsctp::wire {

template <class T, class E = ParseError>
class [[nodiscard]] Result {
  static_assert(std::is_default_constructible_v<T>);

 public:
  constexpr Result(const T& v) : value_(v) {}  // NOLINT(google-explicit-constructor)
  constexpr Result(E e) : error_(e) {           // NOLINT(google-explicit-constructor)
    assert(e != E::kOk);
  }

  [[nodiscard]] constexpr bool ok() const { return error_ == E::kOk; }
  constexpr explicit operator bool() const { return ok(); }
  [[nodiscard]] constexpr E error() const { return error_; }

  constexpr const T& value() const {
    assert(ok());
    return value_;
  }
  constexpr const T& operator*() const { return value(); }
  constexpr const T* operator->() const { return &value(); }

 private:
  T value_{};
  E error_ = E::kOk;
};

}  // namespace dpsctp::wire
