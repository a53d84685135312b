#include "http/request_log.hpp"

#include <fmt/format.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <ctime>
#include <utility>

namespace laurel::http {
namespace {

constexpr std::size_t kFlushAbove = 64 * 1024;

}  // namespace

RequestLog::RequestLog(int fd, std::chrono::milliseconds flush_every)
    : fd_(fd), flush_every_(flush_every) {
  flusher_ = std::thread([this] {
    std::unique_lock lock(stop_mutex_);
    while (!stopping_) {
      stop_signal_.wait_for(lock, flush_every_);
      lock.unlock();
      flush();
      lock.lock();
    }
  });
}

RequestLog::~RequestLog() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_one();
  flusher_.join();
  flush();
}

RequestLog::Buffer& RequestLog::local() {
  // One buffer per (thread, log); a thread remembers the last log it wrote to.
  thread_local const RequestLog* owner = nullptr;
  thread_local Buffer* buffer = nullptr;
  if (owner != this) {
    std::lock_guard lock(registry_mutex_);
    buffers_.push_back(std::make_unique<Buffer>());
    buffer = buffers_.back().get();
    owner = this;
  }
  return *buffer;
}

void RequestLog::write(std::string_view method, std::string_view path, unsigned status,
                       std::chrono::nanoseconds elapsed, std::string_view user, std::string_view ip,
                       std::string_view request_id) {
  const auto now = std::chrono::system_clock::now();
  const auto since_epoch = now.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count() % 1000;
  Buffer& buffer = local();
  std::string batch;
  {
    std::lock_guard lock(buffer.mutex);
    if (buffer.second != seconds) {
      const std::time_t t = static_cast<std::time_t>(seconds);
      std::tm utc{};
      gmtime_r(&t, &utc);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
      buffer.prefix = text;
      buffer.second = seconds;
    }
    fmt::format_to(std::back_inserter(buffer.text),
                   "{}.{:03}+00:00 info {} {} {} {:.3f}ms user={} ip={} id={}\n", buffer.prefix,
                   millis, method, path, status,
                   std::chrono::duration<double, std::milli>(elapsed).count(), user, ip,
                   request_id);
    if (buffer.text.size() > kFlushAbove) batch = std::exchange(buffer.text, {});
  }
  if (!batch.empty()) write_out(batch);
}

void RequestLog::flush() {
  std::vector<Buffer*> buffers;
  {
    std::lock_guard lock(registry_mutex_);
    for (auto& buffer : buffers_)
      buffers.push_back(buffer.get());
  }
  for (Buffer* buffer : buffers) {
    std::string batch;
    {
      std::lock_guard lock(buffer->mutex);
      batch = std::exchange(buffer->text, {});
    }
    if (!batch.empty()) write_out(batch);
  }
}

void RequestLog::write_out(std::string& batch) {
  std::string_view rest(batch);
  while (!rest.empty()) {
    std::size_t piece = rest.size();
    if (piece > PIPE_BUF) {
      const auto cut = rest.rfind('\n', PIPE_BUF - 1);
      piece = cut == std::string_view::npos ? PIPE_BUF : cut + 1;
    }
    const auto written = ::write(fd_, rest.data(), piece);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;  // the log is best effort: a full disk must not stop Laurel serving
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace laurel::http
