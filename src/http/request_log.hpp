#pragma once
// The request log: one line per request, in the same shape as Laurel's other log lines,
//
//   2026-11-23T16:28:40.177+00:00 info GET /api/v1/users 200 0.314ms user=admin ip=127.0.0.1 id=…
//
// written in batches. Each worker thread appends to a buffer of its own (its mutex is only ever
// contended by the flusher, a few times a second), and the buffers reach the file descriptor
// every `flush_every`, or sooner when one passes 64 KiB. So a request costs a formatted append,
// not a queue hand-off, a wake-up or a write(2) — those were a fifth of the serving time.
// Batches are written in pieces of at most PIPE_BUF bytes cut at line ends, so lines from
// other writers to the same pipe never land inside one of ours. The price: lines of different
// workers can appear out of time order within one flush interval (each carries its time).

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace laurel::http {

class RequestLog {
 public:
  explicit RequestLog(int fd,
                      std::chrono::milliseconds flush_every = std::chrono::milliseconds(200));
  ~RequestLog();  // flushes everything
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  void write(std::string_view method, std::string_view path, unsigned status,
             std::chrono::nanoseconds elapsed, std::string_view user, std::string_view ip,
             std::string_view request_id);
  void flush();

 private:
  struct Buffer {
    std::mutex mutex;
    std::string text;
    std::int64_t second = -1;  // the wall-clock second `prefix` was made for
    std::string prefix;        // "2026-11-23T16:28:40"
  };
  Buffer& local();
  void write_out(std::string& batch);

  int fd_;
  std::chrono::milliseconds flush_every_;
  std::mutex registry_mutex_;
  std::vector<std::unique_ptr<Buffer>> buffers_;
  std::mutex stop_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread flusher_;
};

}  // namespace laurel::http
