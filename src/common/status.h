// Status and Result<T>: how every module reports failure across its boundary.
// Exceptions never cross a module boundary; the CLI maps Code to the exit code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kg {

// The numeric values are the documented exit codes of the command line (spec §3).
enum class Code { kOk = 0, kUsage = 1, kInput = 2, kStorage = 3 };

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status Usage(std::string msg) { return {Code::kUsage, std::move(msg)}; }
  static Status Input(std::string msg) { return {Code::kInput, std::move(msg)}; }
  static Status Storage(std::string msg) { return {Code::kStorage, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-ok Status. Accessing value() of a failed Result is a bug.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg
