#pragma once
// Laurel's HTTP/1.1 server on Boost.Beast and Asio.
//
// - A fixed number of worker threads, each running its own io_context; each connection is a
//   Session that lives on one of them, does bounded I/O only and hands each request to the
//   Dispatcher (synchronously, on that thread).
// - Limits: header size, body size (per route, known before the body is read), idle time
//   between keep-alive requests, time to send a whole request (slow clients are cut off), time
//   to read a response, and connections at once (more are answered 503 and closed).
// - Pipelined requests are answered one at a time, in order; while one is handled, the next
//   wait in the kernel's socket buffer, not in Laurel's memory (at most header limit + 64 KiB is
//   buffered per connection).
// - A handler may answer with a live stream (http/event_stream.hpp): server-sent events on the
//   same connection, or WebSocket messages when the request asked to upgrade. A stream that
//   cannot be written within the write timeout is closed; at shutdown streams close at once.
// - run() returns after a graceful shutdown: on SIGTERM/SIGINT (or stop()) it stops accepting,
//   closes idle connections, lets in-flight requests finish and answer with Connection: close,
//   and gives up on stragglers after the grace period.
//
// Beast and Asio stay inside server.cpp: this header is cheap to include.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"

namespace laurel::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: pick a free port (see port())
  unsigned threads = 0;       // 0: one per core
  std::size_t max_connections = 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds read_timeout{15};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{15};
  // A live stream quiet this long gets a heartbeat (an SSE comment, a WebSocket ping), which
  // keeps proxies from closing it and finds clients that went away.
  std::chrono::seconds stream_heartbeat{15};
  bool handle_signals = true;  // SIGINT and SIGTERM start a graceful shutdown
};

class Server {
 public:
  Server(Dispatcher& dispatcher, Metrics& metrics, ServerOptions options);
  ~Server();

  // Binds and listens; after this, port() is the bound port.
  core::Status listen();
  std::uint16_t port() const;

  // Serves until shutdown; returns once every connection is closed (or the grace ran out).
  void run();
  // Starts a graceful shutdown from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits "host:port"; the port must be 0..65535.
core::Result<std::pair<std::string, std::uint16_t>> parse_listen_address(std::string_view text);

}  // namespace laurel::http
