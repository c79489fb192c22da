// A buffered writer over a std::ostream. Writers append to buffer() and call commit()
// after each element: the buffer is handed to the stream once it passes kFlushAt bytes,
// so memory stays bounded by kFlushAt plus the largest single element.
#pragma once

#include <cstddef>
#include <exception>
#include <ostream>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kg::exporter {

class Sink {
 public:
  explicit Sink(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + kFlushAt / 4); }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  std::string& buffer() { return buf_; }
  void put(std::string_view s) { buf_.append(s); }
  void put(char c) { buf_.push_back(c); }

  void commit() {
    if (buf_.size() >= kFlushAt) flush();
  }

  // Hands everything to the stream and flushes it; false when the stream failed.
  [[nodiscard]] bool finish() {
    flush();
    out_.flush();
    return static_cast<bool>(out_);
  }

 private:
  static constexpr size_t kFlushAt = size_t{1} << 20;

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  std::ostream& out_;
  std::string buf_;
};

// Runs a streaming writer (constructed from the stream and the view, with a write() that
// returns false when the stream failed) and turns its failures into a Status naming the
// format.
template <class Writer, class View>
Status run_writer(std::string_view format, std::ostream& out, const View& view) {
  try {
    Writer writer(out, view);
    if (!writer.write()) {
      return Status::Storage(std::string(format) + " export: writing the output failed");
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Storage(std::string(format) + " export failed: " + e.what());
  }
}

}  // namespace kg::exporter
